import Runtime
import V8

/// The input layer of a page realm: what a person's actions go through, as Chromium does them.
///
/// In `input/`: `file-selection.js` (`FileList`, a file input's `files`),
/// `activation.js` (the elements' activation behaviors, which the DOM's dispatch runs for every
/// click), `keyboard.js` (Playwright's Keyboard over the US layout: key events with their legacy
/// codes, the keys' default actions, Tab focus navigation), `pointer.js` (the mouse: boundary events, presses, clicks, `:hover`/`:active`),
/// `focus-updates.js` (the focus fixup when the focused element is removed, autofocus),
/// `playwright/aria.js` (roles and accessible names), `playwright/selector-engine.js` (Playwright's
/// selector syntax the actions take), `actions.js` (Playwright's page-level selector methods, which
/// `Page.perform` reaches through `page/entry.js`) and `playwright/locator-evaluation.js` (what
/// locators read and web-first assertions check, strict mode included).
///
/// Entirely JavaScript, with no host functions: events are dispatched in the page realm, trusted,
/// through the DOM runtime's own dispatch (a page that replaces `dispatchEvent` or the events'
/// getters changes nothing it does).
enum InputAPI: PageAPI {
  static let scriptNames = [
    "file-selection", "text-editing", "activation", "keyboard", "pointer", "focus-updates", "aria", "selector-engine", "actions",
    "locator-evaluation",
  ]
  /// The scripts that live with the rest of Caper's Playwright API (`playwright/`).
  static let playwrightScripts: Set<String> = ["aria", "selector-engine", "locator-evaluation"]

  static let `extension` = Extension(
    name: "input",
    scripts: scriptNames.map { name in
      let folder = playwrightScripts.contains(name) ? "playwright" : "input"
      return Extension.Script(name: name, source: Extension.resource("\(folder)/\(name).js", in: .module))
    })

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] { [:] }
}
