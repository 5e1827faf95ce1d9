import Foundation
import Network
import Runtime
import V8
import WebURL

/// Playwright's API as an extension of a support realm: `require('playwright')`,
/// `playwright-core`, `@playwright/test` and `playwright/test` give Caper's implementation (also
/// when `node_modules` holds the real packages: built-in modules come first), over the pages of a
/// `PageRegistry`.
///
/// Scripts, in order (`playwright/`): `serialized-value` (Playwright's serialization of
/// `evaluate`'s arguments and results, shared with the page realm), `expect` (jest's matchers and
/// Playwright's web-first assertions), `page` (Page, Frame, Keyboard, Mouse, Response, Dialog,
/// Locator), `browser` (BrowserType, Browser, BrowserContext, the modules' exports).
///
/// Host functions (all on the isolate's thread; numbers are the registry's):
/// - `compile(pageId, source)`: `source` (a function expression) compiled in the page's realm,
///   the page-realm function (Swift compiles it, so the page realm's refusal of code generation
///   asked by other realms stays whole);
/// - `afterPageTurn(pageId, callback)`: `callback()` after the event loop's next turn that ran
///   something, the page waited on meanwhile (its virtual clock jumps to its next timer when
///   nothing else is due: `EventLoop.afterTurn(awaiting:_:)`);
/// - `entry(pageId)`: the current document's entry function (a navigation replaces it);
/// - `act(pageId, name, argumentsText, locator)`: one try of a page-level action
///   (`Page.attempt`); `locator` is the description of a strict locator, '' for a page method;
/// - `navigate(pageId, 'goto' | 'back' | 'forward' | 'reload', url)`: starts it (goto gives true
///   or the error's text; back and forward false without an entry);
/// - `navigation(pageId)`: `[navigating, failures, last failure, document number]`;
/// - `response(pageId)`: `[url, status, statusText, headers, document number]` or null;
/// - `reached(pageId, state)`: a load state reached (`commit`: no navigation in flight);
/// - `hasDueWork(pageId)`: tasks or timers due now;
/// - `onDialog(pageId, callback)`: dialogs answered by `callback(type, message, defaultValue)`,
///   which gives `[accepted, promptText]` (anything else dismisses);
/// - `newContext(optionsText)`: a browser context (JSON: `userAgent`, `ignoreHTTPSErrors`,
///   `javaScriptEnabled`), its number; `closeContext(contextId)`;
/// - `newPage(contextId)`: a page on about:blank, its number; `closePage(pageId)`;
/// - `popups(pageId)`: the numbers of the popups it opened, in order;
/// - `events(pageId, consoleSeen, errorsSeen)`: `[[type, text, location]...]` console messages
///   and `[[name, message, stack]...]` page errors after the counts given;
/// - `cookies(contextId, urlsText)` / `addCookies(contextId, cookiesText)` /
///   `clearCookies(contextId)`: Playwright's cookie objects as JSON text;
/// - `setContent(pageId, html)`: the page shows `html` as a new document at its URL.
public enum PlaywrightRuntime {
  /// The modules the extension answers, whatever `node_modules` holds.
  public static let modules = ["playwright", "playwright-core", "@playwright/test", "playwright/test"]

  public static let `extension` = Extension(
    name: "playwright",
    hostFunctions: [
      "compile", "afterPageTurn", "entry", "act", "navigate", "navigation", "onDialog", "response", "reached", "hasDueWork",
      "newContext", "closeContext", "newPage", "closePage", "popups", "events", "cookies", "addCookies", "clearCookies",
      "setContent",
    ],
    scripts: [
      // The same serialization as the page realm's (`page/entry.js`), installed in this realm too.
      Extension.Script(name: "serialized-value", source: Extension.resource("shared/serialized-value.js", in: .module)),
      Extension.Script(name: "expect", source: Extension.resource("playwright/expect.js", in: .module)),
      Extension.Script(name: "playwright-page", source: Extension.resource("playwright/page.js", in: .module)),
      Extension.Script(
        name: "playwright", source: Extension.resource("playwright/browser.js", in: .module), calledFromSwift: true),
    ],
    modules: modules)

  /// The host functions' bodies for `realm`, over `registry`.
  public static func hostFunctions(for realm: Realm, registry: PageRegistry) -> [String: HostFunction] {
    @Sendable func page(_ arguments: [JSValue]) throws -> Page {
      guard let id = arguments.first?.numberValue, let page = registry.page(Int(id)) else {
        throw HostError("the page is closed")
      }
      return page
    }
    @Sendable func number(_ arguments: [JSValue], _ index: Int) -> Int { Int(arguments.dropFirst(index).first?.numberValue ?? 0) }
    @Sendable func text(_ arguments: [JSValue], _ index: Int) -> String? { arguments.dropFirst(index).first?.stringValue }
    var bodies: [String: HostFunction] = [:]
    bodies["playwright.compile"] = { arguments in
      guard let source = text(arguments, 1) else { throw HostError("compile(pageId, source)") }
      let page = try page(arguments)
      return .function(try page.realm.context.evaluateReference(source, filename: "caper:evaluate"))
    }
    bodies["playwright.entry"] = { arguments in .function(try page(arguments).entry) }
    bodies["playwright.act"] = { arguments in
      guard let name = text(arguments, 1), let argumentsText = text(arguments, 2) else {
        throw HostError("act(pageId, name, argumentsText, locator)")
      }
      return .string(try page(arguments).attempt(name, argumentsText: argumentsText, locator: text(arguments, 3) ?? ""))
    }
    bodies["playwright.navigate"] = { arguments in
      let page = try page(arguments)
      switch text(arguments, 1) {
      case "goto":
        guard let url = text(arguments, 2) else { throw HostError("navigate(pageId, 'goto', url)") }
        do {
          try page.startGoto(url)
        } catch let error as PageLoadError {
          return .string(error.description)
        }
        return .bool(true)
      case "back": return .bool(page.startTraversal(by: -1))
      case "forward": return .bool(page.startTraversal(by: 1))
      case "reload":
        page.startReload()
        return .bool(true)
      default: throw HostError("navigate(pageId, 'goto' | 'back' | 'forward' | 'reload', url)")
      }
    }
    bodies["playwright.navigation"] = { arguments in
      let page = try page(arguments)
      return .array([
        .bool(page.isNavigating), .number(Double(page.navigationFailures.count)),
        .string(page.navigationFailures.last?.description ?? ""), .number(Double(page.documentNumber)),
      ])
    }
    bodies["playwright.response"] = { arguments in
      let page = try page(arguments)
      guard let response = page.response else { return .null }
      return .array([
        .string(response.url), .number(Double(response.status)), .string(response.statusText),
        .object(JSObject(response.headers.map { ($0.name, JSValue.string($0.value)) })), .number(Double(page.documentNumber)),
      ])
    }
    bodies["playwright.reached"] = { arguments in
      let page = try page(arguments)
      guard let name = text(arguments, 1) else { throw HostError("reached(pageId, state)") }
      if name == "commit" { return .bool(!page.isNavigating) }
      guard let state = Page.LoadState(rawValue: name) else { throw HostError("reached(pageId, state)") }
      return .bool(try page.hasReached(state))
    }
    bodies["playwright.hasDueWork"] = { arguments in .bool(try page(arguments).hasDueWork) }
    bodies["playwright.onDialog"] = { [weak realm] arguments in
      let page = try page(arguments)
      guard case .function(let callback)? = arguments.dropFirst().first, let realm else {
        throw HostError("onDialog(pageId, callback)")
      }
      let context = realm.context
      page.dialogHandler = { dialog in
        let answer = try? context.call(
          callback, [.string(dialog.kind.rawValue), .string(dialog.message), .string(dialog.defaultValue)])
        guard case .array(let parts)? = answer, parts.first == .bool(true) else { return .dismiss }
        return .accept(parts.dropFirst().first?.stringValue)
      }
      return .undefined
    }
    bodies["playwright.afterPageTurn"] = { [weak realm] arguments in
      guard case .function(let callback)? = arguments.dropFirst().first else {
        throw HostError("afterPageTurn(pageId, callback)")
      }
      let page = try page(arguments)
      guard let realm else { throw HostError("the page is closed") }
      let context = realm.context
      page.realm.loop.afterTurn(awaiting: page.realm.context) { _ = try? context.call(callback) }
      return .undefined
    }
    bodies["playwright.newContext"] = { arguments in
      let options = try json(text(arguments, 0) ?? "{}") as? [String: Any] ?? [:]
      var made = BrowserContext.Options()
      if let agent = options["userAgent"] as? String { made.userAgent = agent }
      if let ignore = options["ignoreHTTPSErrors"] as? Bool { made.ignoreHTTPSErrors = ignore }
      return .number(Double(registry.newContext(made, scripts: options["javaScriptEnabled"] as? Bool ?? true)))
    }
    bodies["playwright.closeContext"] = { arguments in
      registry.closeContext(number(arguments, 0))
      return .undefined
    }
    bodies["playwright.newPage"] = { arguments in .number(Double(try registry.newPage(in: number(arguments, 0)))) }
    bodies["playwright.closePage"] = { arguments in
      registry.closePage(number(arguments, 0))
      return .undefined
    }
    bodies["playwright.popups"] = { arguments in .array(registry.popups(of: number(arguments, 0)).map { .number(Double($0)) }) }
    bodies["playwright.events"] = { arguments in
      let page = try page(arguments)
      let messages = page.consoleMessages.dropFirst(number(arguments, 1))
      let errors = page.errors.dropFirst(number(arguments, 2))
      return .array([
        .array(messages.map { .array([.string($0.type), .string($0.text), .string($0.location ?? "")]) }),
        .array(errors.map { .array([.string($0.name), .string($0.message), .string($0.stack)]) }),
      ])
    }
    bodies["playwright.cookies"] = { arguments in
      let context = try registry.context(number(arguments, 0))
      let urls = try json(text(arguments, 1) ?? "[]") as? [String] ?? []
      let cookies = context.cookies.cookies(urls: urls).map { cookie -> [String: Any] in
        [
          "name": cookie.name, "value": cookie.value, "domain": cookie.playwrightDomain, "path": cookie.path,
          "expires": cookie.expires, "httpOnly": cookie.httpOnly, "secure": cookie.secure, "sameSite": cookie.playwrightSameSite,
        ]
      }
      return .string(String(decoding: try JSONSerialization.data(withJSONObject: cookies), as: UTF8.self))
    }
    bodies["playwright.addCookies"] = { arguments in
      let context = try registry.context(number(arguments, 0))
      guard let given = try json(text(arguments, 1) ?? "[]") as? [[String: Any]] else {
        throw HostError("addCookies(contextId, cookiesText)")
      }
      context.cookies.addCookies(try given.map(cookie))
      return .undefined
    }
    bodies["playwright.clearCookies"] = { arguments in
      try registry.context(number(arguments, 0)).cookies.clearCookies()
      return .undefined
    }
    bodies["playwright.setContent"] = { arguments in
      guard let html = text(arguments, 1) else { throw HostError("setContent(pageId, html)") }
      try page(arguments).setContent(html)
      return .undefined
    }
    return bodies
  }

  private static func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
  }

  /// A cookie from Playwright's `addCookies` fields (`url`, or `domain` and `path`, already
  /// checked by the caller).
  private static func cookie(_ fields: [String: Any]) throws -> Cookie {
    guard let name = fields["name"] as? String, let value = fields["value"] as? String else {
      throw HostError("a cookie needs a name and a value")
    }
    var domain = fields["domain"] as? String ?? ""
    var path = fields["path"] as? String ?? "/"
    var secure = fields["secure"] as? Bool ?? false
    if let url = fields["url"] as? String, let record = URLRecord(url) {
      domain = record.hostname
      if path == "/" {
        let pathname = record.pathname
        path = pathname.hasSuffix("/") ? pathname : String(pathname[..<(pathname.lastIndex(of: "/") ?? pathname.startIndex)])
        if path.isEmpty { path = "/" }
      }
      if fields["secure"] == nil { secure = record.href.hasPrefix("https:") }
    }
    let hostOnly = !domain.hasPrefix(".")
    if !hostOnly { domain.removeFirst() }
    let expires = fields["expires"] as? Double ?? -1
    return Cookie(
      name: name, value: value, domain: domain.lowercased(), hostOnly: hostOnly, path: path,
      expiry: expires < 0 ? nil : Date(timeIntervalSince1970: expires), secure: secure,
      httpOnly: fields["httpOnly"] as? Bool ?? false,
      sameSite: (fields["sameSite"] as? String).flatMap(Cookie.SameSite.init(rawValue:)) ?? .lax)
  }
}
