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
/// Playwright's web-first assertions), `playwright-network` (Request, Response, Route,
/// APIRequestContext), `playwright-locator-selectors` (locators' selector strings),
/// `playwright-calls` (what page, frame, handle and locator calls share: errors, `evaluate`'s
/// functions and outcomes, actions' options), `playwright-element-handle` (JSHandle,
/// ElementHandle), `playwright-frame` (Frame), `playwright-page` (Page, Dialog, ConsoleMessage,
/// Download, Response), `playwright-locator` (Locator, FrameLocator), `playwright` (`browser.js`:
/// BrowserType, Browser, BrowserContext, the modules' exports).
///
/// Host functions (all on the isolate's thread; numbers are the registry's):
/// - `compile(pageId, source, framePath)`: `source` (a function expression) compiled in the
///   realm of the page's document (or of the frame at `framePath`), the page-realm function (Swift compiles it, so the page realm's refusal of code generation
///   asked by other realms stays whole);
/// - `afterPageTurn(pageId, callback)`: `callback()` after the event loop's next turn that ran
///   something, the page waited on meanwhile (its virtual clock jumps to its next timer when
///   nothing else is due: `EventLoop.afterTurn(awaiting:_:)`);
/// - `entry(pageId)`: the current document's entry function (a navigation replaces it);
/// - `act(pageId, name, argumentsText, locator, framePath)`: one try of a page-level action
///   (`Page.attempt`); `locator` is the description of a strict locator, '' for a page method;
///   `framePath` the frames' ids down to the document it acts in (`Page.frameRealm`);
/// - `frameEntry(pageId, framePath)`: that frame's entry function, or null while it has no document;
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
/// - `realmClock(pageId)`: `[now, schedule(ms)]` of the page's current realm (its document not needed);
/// - `events(pageId, consoleSeen, errorsSeen)`: `[[type, text, location, argumentsText|null]...]`
///   console messages and `[[name, message, stack]...]` page errors after the counts given;
/// - `keepConsoleArguments(contextId)`: the context's pages keep their console calls' arguments;
/// - `cookies(contextId, urlsText)` / `addCookies(contextId, cookiesText)` /
///   `clearCookies(contextId)`: Playwright's cookie objects as JSON text;
/// - `setContent(pageId, html)`: the page shows `html` as a new document at its URL;
/// - `setExtraHTTPHeaders(contextId, headersText)`: headers for every later request;
/// - `setRouting(contextId, callback)`: the context's requests announced to `callback` and
///   routable (`RequestRouting`); `routeContinue(contextId, requestId, overridesText)`,
///   `routeFulfill(contextId, requestId, responseText)` (`status`, `statusText`, `headers` as
///   pairs, `body` in base64), `routeAbort(contextId, requestId, reason)` decide a waiting request
///   (false when it no longer waits); `responseBody(contextId, requestId)` gives a completed
///   response's body in base64 (or null);
/// - `clock(pageId, method, value)`: `PageClock`'s `setSystemTime`, `setFixedTime`,
///   `fastForward`, `runFor`, `pauseAt`, `resume`, `now`;
/// - `apiFetch(contextId, requestText, callback)`: an API request (`url`, `method`, `headers` as
///   pairs, `body` in base64, `timeout`, `maxRedirects`, `ignoreHTTPSErrors`) through the context's
///   fetcher and cookies; `callback(outcomeText)` later, as a task (`url`, `status`, `statusText`,
///   `headers`, `headersArray`, `body` in base64; or `error`);
/// - `exposeBinding(pageId, name)`: `window[name]` in the page's documents (`Page.expose`);
///   `onBindingCall(pageId, callback)`: calls arrive as `callback(name, call, argumentsText)`,
///   answered by `settleBinding(pageId, call, ok, text)`;
/// - `addInitScript('page' | 'context', id, source)`: `source` runs first in every later document;
/// - `setViewportSize(pageId, width, height)`: the page's viewport (`Page.viewport`);
/// - `downloads(pageId, seen)`: the page's downloads after the first `seen`, each `[url,
///   suggestedFilename, path or null, failure or null]`;
/// - `localStorage(contextId)`: `[{ origin, localStorage: [{ name, value }] }]` as JSON text;
///   `setLocalStorage(contextId, origin, itemsText)` sets an origin's items.
public enum PlaywrightRuntime {
  /// The modules the extension answers, whatever `node_modules` holds.
  public static let modules = ["playwright", "playwright-core", "@playwright/test", "playwright/test"]

  public static let `extension` = Extension(
    name: "playwright",
    hostFunctions: [
      "compile", "afterPageTurn", "entry", "realmClock", "act", "navigate", "navigation", "onDialog", "response", "reached",
      "hasDueWork",
      "newContext", "closeContext", "newPage", "closePage", "popups", "events", "keepConsoleArguments", "cookies", "addCookies",
      "clearCookies",
      "setContent", "frameEntry", "setExtraHTTPHeaders", "setRouting", "routeContinue", "routeFulfill", "routeAbort",
      "responseBody", "clock", "localStorage", "setLocalStorage", "apiFetch", "exposeBinding", "onBindingCall", "settleBinding",
      "addInitScript", "setViewportSize", "downloads",
    ],
    scripts: [
      // The same serialization as the page realm's (`page/entry.js`), installed in this realm too.
      Extension.Script(name: "serialized-value", source: Extension.resource("shared/serialized-value.js", in: .module)),
      Extension.Script(name: "expect", source: Extension.resource("playwright/expect.js", in: .module)),
      Extension.Script(name: "playwright-network", source: Extension.resource("playwright/network.js", in: .module)),
      Extension.Script(
        name: "playwright-locator-selectors", source: Extension.resource("playwright/locator-selectors.js", in: .module)),
      Extension.Script(name: "playwright-calls", source: Extension.resource("playwright/calls.js", in: .module)),
      Extension.Script(
        name: "playwright-element-handle", source: Extension.resource("playwright/element-handle.js", in: .module)),
      Extension.Script(name: "playwright-frame", source: Extension.resource("playwright/frame.js", in: .module)),
      Extension.Script(name: "playwright-page", source: Extension.resource("playwright/page.js", in: .module)),
      Extension.Script(name: "playwright-locator", source: Extension.resource("playwright/locator.js", in: .module)),
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
    /// A list of numbers (a frame path); anything else is empty.
    @Sendable func numbers(_ value: JSValue?) -> [Int] {
      guard case .array(let items)? = value else { return [] }
      return items.compactMap { $0.numberValue.flatMap { $0.isFinite ? Int($0) : nil } }
    }
    var bodies: [String: HostFunction] = [:]
    bodies["playwright.compile"] = { arguments in
      guard let source = text(arguments, 1) else { throw HostError("compile(pageId, source, framePath)") }
      guard let realm = try page(arguments).frameRealm(numbers(arguments.dropFirst(2).first)) else {
        throw HostError("the frame has no document yet")
      }
      return .function(try realm.context.evaluateReference(source, filename: "caper:evaluate"))
    }
    bodies["playwright.entry"] = { arguments in .function(try page(arguments).entry) }
    bodies["playwright.realmClock"] = { arguments in
      let realm = try page(arguments).realm
      return .array([.function(realm.function("entry", "now")), .function(realm.function("entry", "schedule"))])
    }
    bodies["playwright.act"] = { arguments in
      guard let name = text(arguments, 1), let argumentsText = text(arguments, 2) else {
        throw HostError("act(pageId, name, argumentsText, locator)")
      }
      let path = numbers(arguments.dropFirst(4).first)
      return .string(
        try page(arguments).attempt(name, argumentsText: argumentsText, locator: text(arguments, 3) ?? "", frame: path))
    }
    bodies["playwright.frameEntry"] = { arguments in
      let path = numbers(arguments.dropFirst().first)
      guard let realm = try page(arguments).frameRealm(path) else { return .null }
      return .function(realm.function("entry", "entry"))
    }
    bodies["playwright.navigate"] = { arguments in
      let page = try page(arguments)
      switch text(arguments, 1) {
      case "goto":
        guard let url = text(arguments, 2) else { throw HostError("navigate(pageId, 'goto', url)") }
        do {
          try page.startGoto(url)
        } catch is PageLoadError {
          return .string("Protocol error (Page.navigate): Cannot navigate to invalid URL")
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
      let last = page.navigationFailures.last
      return .array([
        .bool(page.isNavigating), .number(Double(page.navigationFailures.count)),
        .string(last.map { failure in failure.networkError.map { "\($0) at \(failure.url)" } ?? failure.description } ?? ""),
        .number(Double(page.documentNumber)),
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
      if let headers = options["extraHTTPHeaders"] as? [String: String] {
        made.extraHTTPHeaders = headers.sorted { $0.key < $1.key }.map { Header($0.key, $0.value) }
      }
      if let credentials = options["httpCredentials"] as? [String: Any], let username = credentials["username"] as? String,
        let password = credentials["password"] as? String
      {
        made.httpCredentials = .init(username: username, password: password, origin: credentials["origin"] as? String)
      }
      if let viewport = options["viewport"] as? [String: Any], let width = viewport["width"] as? Int,
        let height = viewport["height"] as? Int
      {
        made.viewport = (width, height)
      }
      return .number(Double(registry.newContext(made, scripts: options["javaScriptEnabled"] as? Bool ?? true)))
    }
    bodies["playwright.setViewportSize"] = { arguments in
      let page = try page(arguments)
      page.viewport = (number(arguments, 1), number(arguments, 2))
      return .undefined
    }
    bodies["playwright.downloads"] = { arguments in
      let downloads = try page(arguments).downloads.dropFirst(number(arguments, 1))
      return .array(
        downloads.map { download in
          .array([
            .string(download.url), .string(download.suggestedFilename), download.path.map { .string($0) } ?? .null,
            download.failure.map { .string($0) } ?? .null,
          ])
        })
    }
    bodies["playwright.setExtraHTTPHeaders"] = { arguments in
      let context = try registry.context(number(arguments, 0))
      let headers = try json(text(arguments, 1) ?? "{}") as? [String: String] ?? [:]
      context.extraHTTPHeaders = headers.sorted { $0.key < $1.key }.map { Header($0.key, $0.value) }
      return .undefined
    }
    bodies["playwright.setRouting"] = { [weak realm] arguments in
      let context = try registry.context(number(arguments, 0))
      guard case .function(let callback)? = arguments.dropFirst().first, let support = realm?.context else {
        throw HostError("setRouting(contextId, callback)")
      }
      context.routing = RequestRouting(
        pageNumber: { registry.number(of: $0) },
        announce: { kind, page, request, data in
          (try? support.call(callback, [.string(kind), .number(Double(page)), .number(Double(request)), .string(data)]))
            ?? .undefined
        })
      return .undefined
    }
    @Sendable func routing(_ arguments: [JSValue]) throws -> RequestRouting {
      guard let routing = try registry.context(number(arguments, 0)).routing else { throw HostError("the context has no routes") }
      return routing
    }
    bodies["playwright.routeContinue"] = { arguments in
      let routing = try routing(arguments)
      let overrides = try json(text(arguments, 2) ?? "{}") as? [String: Any] ?? [:]
      let headers = (overrides["headers"] as? [String: String]).map {
        $0.sorted { $0.key < $1.key }.map { Header($0.key, $0.value) }
      }
      let postData = (overrides["postData"] as? String).flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
      return .bool(
        routing.proceed(
          number(arguments, 1), url: overrides["url"] as? String, method: overrides["method"] as? String, headers: headers,
          postData: postData))
    }
    bodies["playwright.routeFulfill"] = { arguments in
      let routing = try routing(arguments)
      let fields = try json(text(arguments, 2) ?? "{}") as? [String: Any] ?? [:]
      let headers = (fields["headers"] as? [[String]] ?? []).compactMap { $0.count == 2 ? Header($0[0], $0[1]) : nil }
      let body = (fields["body"] as? String).flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) } ?? []
      return .bool(
        routing.fulfill(
          number(arguments, 1), status: fields["status"] as? Int ?? 200, statusText: fields["statusText"] as? String ?? "",
          headers: headers, body: body))
    }
    bodies["playwright.routeAbort"] = { arguments in
      .bool(try routing(arguments).abort(number(arguments, 1), reason: text(arguments, 2) ?? "failed"))
    }
    bodies["playwright.responseBody"] = { arguments in
      guard let body = try routing(arguments).body(number(arguments, 1)) else { return .null }
      return .string(Data(body).base64EncodedString())
    }
    bodies["playwright.apiFetch"] = { [weak realm] arguments in
      let context = try registry.context(number(arguments, 0))
      guard let fields = try json(text(arguments, 1) ?? "{}") as? [String: Any], let url = fields["url"] as? String,
        case .function(let callback)? = arguments.dropFirst(2).first, let realm
      else { throw HostError("apiFetch(contextId, requestText, callback)") }
      var request = Request(url: url, method: fields["method"] as? String ?? "GET")
      request.headers = (fields["headers"] as? [[String]] ?? []).compactMap { $0.count == 2 ? Header($0[0], $0[1]) : nil }
      if !request.headers.contains(where: { $0.name.lowercased() == "user-agent" }) {
        request.headers.append(Header("User-Agent", context.options.userAgent))
      }
      request.body = (fields["body"] as? String).flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
      request.cookieJar = context.cookies
      request.siteForCookies = url
      request.ignoreHTTPSErrors = fields["ignoreHTTPSErrors"] as? Bool ?? context.options.ignoreHTTPSErrors
      if let timeout = fields["timeout"] as? Double, timeout > 0 { request.timeout = .milliseconds(Int(timeout)) }
      if (fields["maxRedirects"] as? Int) == 0 { request.redirect = .manual }
      let (loop, support) = (realm.loop, realm.context)
      loop.expectTask()
      context.fetcher.start(request) { result in
        let outcome: [String: Any]
        switch result {
        case .success(let response):
          var joined: [String: String] = [:]
          for header in response.headers {
            let name = header.name.lowercased()
            joined[name] = joined[name].map { "\($0)\(name == "set-cookie" ? "\n" : ", ")\(header.value)" } ?? header.value
          }
          outcome = [
            "url": response.url, "status": response.status, "statusText": response.statusText, "headers": joined,
            "headersArray": response.headers.map { ["name": $0.name, "value": $0.value] },
            "body": Data(response.body).base64EncodedString(),
          ]
        case .failure(let error): outcome = ["error": DocumentLoader.describe(error.cause)]
        }
        let text = (try? JSONSerialization.data(withJSONObject: outcome)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        loop.post(to: support, fulfilling: true) { _ = try? support.call(callback, [.string(text)]) }
      }
      return .undefined
    }
    bodies["playwright.exposeBinding"] = { arguments in
      guard let name = text(arguments, 1) else { throw HostError("exposeBinding(pageId, name)") }
      try page(arguments).expose(name)
      return .undefined
    }
    bodies["playwright.onBindingCall"] = { [weak realm] arguments in
      let page = try page(arguments)
      guard case .function(let callback)? = arguments.dropFirst().first, let support = realm?.context else {
        throw HostError("onBindingCall(pageId, callback)")
      }
      page.onBindingCall = { name, call, text in
        _ = try? support.call(callback, [.string(name), .number(Double(call)), .string(text)])
      }
      return .undefined
    }
    bodies["playwright.settleBinding"] = { arguments in
      guard case .bool(let ok)? = arguments.dropFirst(2).first, let result = text(arguments, 3) else {
        throw HostError("settleBinding(pageId, call, ok, text)")
      }
      try page(arguments).settleBinding(number(arguments, 1), ok: ok, result)
      return .undefined
    }
    bodies["playwright.addInitScript"] = { arguments in
      guard let source = text(arguments, 2) else { throw HostError("addInitScript('page' | 'context', id, source)") }
      if text(arguments, 0) == "context" {
        try registry.context(number(arguments, 1)).initScripts.append(source)
      } else {
        try page(Array(arguments.dropFirst())).addInitScript(source)
      }
      return .undefined
    }
    bodies["playwright.clock"] = { arguments in
      let clock = try page(arguments).clock
      let value = arguments.dropFirst(2).first?.numberValue ?? 0
      switch text(arguments, 1) {
      case "setSystemTime": clock.setSystemTime(value)
      case "setFixedTime": clock.setFixedTime(value)
      case "fastForward": try clock.fastForward(value)
      case "runFor": try clock.runFor(value)
      case "pauseAt": try clock.pauseAt(value)
      case "resume": clock.resume()
      case "now": return .number(clock.now)
      default: throw HostError("clock(pageId, method, value)")
      }
      return .undefined
    }
    bodies["playwright.localStorage"] = { arguments in
      let context = try registry.context(number(arguments, 0))
      let origins = context.storage.origins.map { origin -> [String: Any] in
        ["origin": origin, "localStorage": context.storage.items(of: origin).map { ["name": $0.key, "value": $0.value] }]
      }
      return .string(String(decoding: try JSONSerialization.data(withJSONObject: origins), as: UTF8.self))
    }
    bodies["playwright.setLocalStorage"] = { arguments in
      let context = try registry.context(number(arguments, 0))
      guard let origin = text(arguments, 1), let items = try json(text(arguments, 2) ?? "[]") as? [[String: Any]] else {
        throw HostError("setLocalStorage(contextId, origin, itemsText)")
      }
      context.storage.setItems(
        items.compactMap { item in (item["name"] as? String).map { ($0, item["value"] as? String ?? "") } }, of: origin)
      return .undefined
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
        .array(
          messages.map {
            .array([.string($0.type), .string($0.text), .string($0.location ?? ""), $0.arguments.map { .string($0) } ?? .null])
          }
        ),
        .array(errors.map { .array([.string($0.name), .string($0.message), .string($0.stack)]) }),
      ])
    }
    bodies["playwright.keepConsoleArguments"] = { arguments in
      try registry.context(number(arguments, 0)).keepsConsoleArguments = true
      return .undefined
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
