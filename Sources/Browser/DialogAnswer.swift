/// How a dialog is answered (Playwright's `dialog.accept(promptText)` and `dialog.dismiss()`).
///
/// Guarantees: `dismiss` is the default answer (`alert` returns, `confirm` gives false, `prompt`
/// null); `accept` makes `confirm` give true and `prompt` give the text, or its default value when
/// the text is nil.
public enum DialogAnswer: Sendable, Equatable {
  case accept(String?)
  case dismiss
}
