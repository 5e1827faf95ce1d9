/// A dialog a page opened (HTML §8.9.1 simple dialogs; Playwright's `Dialog`): its kind, its
/// message, and for `prompt` the default value.
///
/// Guarantees: a value copied out of the page (strings only), safe to keep after the page closed.
public struct Dialog: Sendable, Equatable {
  /// Which of the window's methods opened it, in Playwright's words.
  public enum Kind: String, Sendable {
    case alert
    case confirm
    case prompt
  }

  public var kind: Kind
  public var message: String
  /// The default value of a `prompt` (empty for the others).
  public var defaultValue: String
  /// What the dialog was answered with: `accept` (with the prompt's text) or `dismiss`.
  public var answer: DialogAnswer

  public init(kind: Kind, message: String, defaultValue: String = "", answer: DialogAnswer = .dismiss) {
    self.kind = kind
    self.message = message
    self.defaultValue = defaultValue
    self.answer = answer
  }
}
