import Network
import Runtime
import V8

/// `document.cookie` over the browser context's `CookieJar`, with the non-HTTP API flag: the
/// page neither reads nor writes `HttpOnly` cookies, and that is decided here in Swift, not in
/// page-reachable JavaScript.
///
/// Host functions: `read()` gives the cookie string for the document's URL; `write(text)` stores
/// one `Set-Cookie`-syntax string. Documents whose URL is not `http(s):` (opaque origins, `file:`
/// as Chrome does) read "" and write nothing.
enum DocumentCookieAPI: PageAPI {
  static let `extension` = Extension(
    name: "cookies", hostFunctions: ["read", "write"],
    scripts: [Extension.Script(name: "document-cookie", source: Extension.resource("cookies/document-cookie.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    [
      "cookies.read": { _ in
        guard hasCookies(environment.url) else { return .string("") }
        return .string(
          environment.browserContext.cookies.cookieString(
            for: environment.url, forScript: true, context: SameSiteContext(siteForCookies: environment.url)))
      },
      "cookies.write": { arguments in
        guard let text = arguments.first?.stringValue else { throw HostError("write(text)") }
        if hasCookies(environment.url) {
          environment.browserContext.cookies.setCookie(
            fromScript: text, url: environment.url, context: SameSiteContext(siteForCookies: environment.url))
        }
        return .undefined
      },
    ]
  }

  /// Whether a document at `url` has cookies (an `http(s):` URL).
  @Sendable static func hasCookies(_ url: String) -> Bool {
    let lower = url.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }
}
