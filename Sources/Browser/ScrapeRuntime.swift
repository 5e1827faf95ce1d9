import Foundation
import Runtime

/// The support realm of `caper scrape`: the Node-compatible runtime, then the scrape extension
/// (`scrape/page.js`: the `page` a script receives).
///
/// Host functions: `compile(pageId, source)` compiles `source` (a function expression) in that
/// page's realm and returns the page-realm function; Swift compiles it, so the page realm's
/// refusal of code generation asked by other realms' code stays whole. `afterPageTurn(pageId,
/// callback)` calls `callback` after the event loop's next turn that ran something, the page
/// waited on meanwhile (`EventLoop.afterTurn(awaiting:_:)`: its virtual clock jumps to its next
/// timer when nothing else is due), so a script awaiting the page lets the page's time pass.
/// `entry(pageId)` gives the current document's entry function (a navigation replaces it);
/// `act(pageId, name, argumentsText)` tries a page-level action once (`Page.attempt`);
/// `navigate(pageId, kind, url)` starts `goto` (true, or the error's text), `back`, `forward`
/// (false without an entry) or `reload`; `navigation(pageId)` gives `[navigating, failures,
/// last failure, document number]`; `response(pageId)` the current document's response `[url,
/// status, statusText, headers, document number]` or null; `reached(pageId, state)` whether the
/// page reached a load state (`commit`: no navigation in flight); `hasDueWork(pageId)` whether
/// it has tasks or timers due now; `onDialog(pageId, callback)` answers the page's dialogs with `callback(type,
/// message, defaultValue)`, which gives `[accepted, promptText]` (anything else dismisses).
public enum ScrapeRuntime {
  public static let `extension` = Extension(
    name: "scrape",
    hostFunctions: [
      "compile", "afterPageTurn", "entry", "act", "navigate", "navigation", "onDialog", "response", "reached", "hasDueWork",
    ],
    scripts: [
      // The same serialization as the page realm's (`page/entry.js`), installed in this realm too.
      Extension.Script(name: "serialized-value", source: Extension.resource("shared/serialized-value.js", in: .module)),
      Extension.Script(name: "scrape", source: Extension.resource("scrape/page.js", in: .module), calledFromSwift: true),
    ])

  public static let template = RealmTemplate(name: "scrape", extensions: [NodeRuntime.extension, ScrapeRuntime.extension])
}
