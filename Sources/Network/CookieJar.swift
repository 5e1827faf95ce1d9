import Foundation
import Synchronization

/// A browser context's cookies: RFC 6265bis's storage model, `Set-Cookie` handling and `Cookie`
/// header retrieval, with the non-HTTP API that `document.cookie` goes through.
///
/// A class, shared by reference: one per browser context (Playwright's sense), used by all its
/// pages and their fetches. `Sendable`; every method may be called from any thread, a lock inside
/// making each call atomic. libcurl's cookie engine is never involved: `Transfer` asks the jar for
/// each hop's `Cookie` header and hands it each hop's `Set-Cookie` headers. Time comes from `now`
/// (injectable for tests). Secure cookies go only over secure connections: `https`, or a
/// potentially trustworthy `http` host (127.0.0.0/8, `::1`, `localhost`), as Chrome does. Domains
/// that are public suffixes (libpsl, ICANN and private sections) are refused as `Domain`
/// attributes unless they are the host itself. `SameSite` is enforced per §5.2 and §5.8.3, a
/// cookie without one as `Lax` (Chrome's "Lax by default", without its two-minute POST
/// allowance). Not implemented: per-domain and total limits with eviction, `Partitioned`.
public final class CookieJar: Sendable {
  /// Cookies live at most 400 days, whatever `Expires` or `Max-Age` say (§5.6.1, §5.6.2).
  public static let ageLimit: TimeInterval = 400 * 86_400

  private struct Entry {
    var cookie: Cookie
    /// Creation order, which breaks ties of creation time when sorting (an injected clock may
    /// give many cookies the same time).
    var order: UInt64
  }

  private struct Store {
    var entries: [Entry] = []
    var nextOrder: UInt64 = 0
  }

  private let store = Mutex(Store())
  private let now: @Sendable () -> Date

  /// An empty jar whose clock is `now`.
  public init(now: @escaping @Sendable () -> Date = { Date() }) { self.now = now }

  // MARK: HTTP

  /// Stores the cookie of a `Set-Cookie` header received in the response to `url`, unless the
  /// storage model ignores it; returns whether it was stored (or deleted an older one).
  ///
  /// `urlList` is the request's redirect chain up to and including `url` (nil: just `url`), for
  /// `SameSite` (§5.7 step 18).
  @discardableResult
  public func setCookie(_ setCookieString: String, from url: String, urlList: [String]? = nil, context: SameSiteContext = .init())
    -> Bool
  {
    guard let parsed = SetCookie(setCookieString), let record = URLRecord(url) else { return false }
    let sameSite = context.isSameSite(urlList: urlList ?? [url])
    return store(parsed, url: record, fromScript: false, sameSite: sameSite, topLevelNavigation: context.isTopLevelNavigation)
  }

  /// The `Cookie` header for a request to `url` (its redirect chain `urlList`), or for the
  /// non-HTTP API (`forScript`: `document.cookie` of a document at `url`, HttpOnly cookies left
  /// out, bytes decoded as UTF-8); empty when no cookie applies (§5.8.3).
  public func cookieString(
    for url: String, forScript: Bool = false, method: String = "GET", urlList: [String]? = nil,
    context: SameSiteContext = .init()
  ) -> String {
    guard let record = URLRecord(url), record.isHTTP else { return "" }
    let sameSite = context.isSameSite(urlList: urlList ?? [url])
    let isSafeTopLevelNavigation =
      context.isTopLevelNavigation && ["GET", "HEAD", "OPTIONS", "TRACE"].contains(method)
    let time = now()
    let pairs: [String] = store.withLock { store in
      store.entries.removeAll { $0.cookie.expiry.map { $0 <= time } ?? false }
      var matching: [Int] = []
      for (index, entry) in store.entries.enumerated() {
        let cookie = entry.cookie
        guard Self.applies(cookie, to: record), !(forScript && cookie.httpOnly) else { continue }
        if cookie.sameSite != .none, !sameSite {
          guard cookie.sameSite != .strict, isSafeTopLevelNavigation, !forScript else { continue }
        }
        matching.append(index)
      }
      matching.sort { left, right in
        let a = store.entries[left]
        let b = store.entries[right]
        if a.cookie.path.utf8.count != b.cookie.path.utf8.count {
          return a.cookie.path.utf8.count > b.cookie.path.utf8.count
        }
        if a.cookie.creationTime != b.cookie.creationTime { return a.cookie.creationTime < b.cookie.creationTime }
        return a.order < b.order
      }
      return matching.map { index in
        store.entries[index].cookie.lastAccessTime = time
        let cookie = store.entries[index].cookie
        return cookie.name.isEmpty ? cookie.value : cookie.name + "=" + cookie.value
      }
    }
    let header = pairs.joined(separator: "; ")
    return forScript ? String(decoding: Transfer.isomorphicEncode(header), as: UTF8.self) : header
  }

  // MARK: Non-HTTP API

  /// Stores a cookie written to `document.cookie` by a document at `url`; returns whether it was
  /// stored.
  ///
  /// It can neither set an HttpOnly cookie nor overwrite one; `context.siteForCookies` is
  /// the document's top-level site, and a cookie other than `SameSite=None` is refused when the
  /// document is cross-site with it (§5.7 steps 15 and 18).
  @discardableResult
  public func setCookie(fromScript string: String, url: String, context: SameSiteContext = .init()) -> Bool {
    let bytes = Transfer.isomorphicDecode(Array(string.utf8))
    guard let parsed = SetCookie(bytes), let record = URLRecord(url) else { return false }
    return store(parsed, url: record, fromScript: true, sameSite: context.isSameSite(urlList: [url]), topLevelNavigation: false)
  }

  // MARK: Playwright

  /// The cookies that apply to any of `urls` (domain, path and secure as for a request, HttpOnly
  /// and SameSite ignored), or every cookie when `urls` is empty; unexpired, in creation order
  /// (Playwright's `browserContext.cookies(urls)`).
  public func cookies(urls: [String] = []) -> [Cookie] {
    let records = urls.compactMap(URLRecord.init)
    let time = now()
    return store.withLock { store in
      store.entries.removeAll { $0.cookie.expiry.map { $0 <= time } ?? false }
      return store.entries.map(\.cookie).filter { cookie in
        urls.isEmpty || records.contains { Self.applies(cookie, to: $0) }
      }
    }
  }

  /// Adds `cookies` as given, each replacing a cookie of the same name, domain, host-only flag and
  /// path; an expired one only deletes (Playwright's `browserContext.addCookies`, whose callers
  /// resolve `url` into `domain` and `path`).
  public func addCookies(_ cookies: [Cookie]) {
    let time = now()
    store.withLock { store in
      for cookie in cookies {
        store.entries.removeAll { Self.isSameCookie($0.cookie, cookie) }
        guard cookie.expiry.map({ $0 > time }) ?? true else { continue }
        store.entries.append(Entry(cookie: cookie, order: store.nextOrder))
        store.nextOrder += 1
      }
    }
  }

  /// Removes every cookie (Playwright's `browserContext.clearCookies()`).
  public func clearCookies() { store.withLock { $0.entries.removeAll() } }

  // MARK: The storage model, §5.7

  private func store(_ parsed: SetCookie, url: URLRecord, fromScript: Bool, sameSite: Bool, topLevelNavigation: Bool) -> Bool {
    guard url.isHTTP, !url.host.isEmpty, !(parsed.name.isEmpty && parsed.value.isEmpty) else { return false }
    let time = now()
    var expiry: Date?
    if let maxAge = parsed.attributes.lazy.compactMap({ if case .maxAge(let delta) = $0 { delta } else { nil } }).last {
      expiry = maxAge <= 0 ? .distantPast : time.addingTimeInterval(min(TimeInterval(maxAge), Self.ageLimit))
    } else if let expires = parsed.attributes.lazy.compactMap({ if case .expires(let date) = $0 { date } else { nil } }).last {
      expiry = min(expires, time.addingTimeInterval(Self.ageLimit))
    }
    var domainAttribute =
      parsed.attributes.lazy.compactMap({ if case .domain(let domain) = $0 { domain } else { nil } }).last ?? ""
    guard domainAttribute.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else { return false }
    if PublicSuffixList.isPublicSuffix(domainAttribute) {
      guard domainAttribute == url.host else { return false }
      domainAttribute = ""
    }
    let hostOnly = domainAttribute.isEmpty
    guard hostOnly || Self.domainMatches(url.host, domainAttribute, isIPAddress: url.hostIsIPAddress) else { return false }
    let pathAttribute = parsed.attributes.lazy.compactMap({ if case .path(let path) = $0 { path } else { nil } }).last
    let path = (pathAttribute ?? nil) ?? Self.defaultPath(url.path)
    let secure = parsed.attributes.contains(.secure)
    let secureConnection = url.isPotentiallyTrustworthy
    guard !secure || secureConnection else { return false }
    let httpOnly = parsed.attributes.contains(.httpOnly)
    guard !(fromScript && httpOnly) else { return false }
    let sameSitePolicy =
      parsed.attributes.lazy.compactMap({ if case .sameSite(let policy) = $0 { policy } else { nil } }).last ?? .default
    if sameSitePolicy != .none, !sameSite {
      guard !fromScript, topLevelNavigation else { return false }
    }
    guard sameSitePolicy != .none || secure else { return false }
    let lowercasedName = parsed.name.lowercased()
    guard !lowercasedName.hasPrefix("__secure-") || secure else { return false }
    if lowercasedName.hasPrefix("__host-") {
      guard secure, hostOnly, pathAttribute == .some("/") else { return false }
    }
    if parsed.name.isEmpty {
      let lowercasedValue = parsed.value.lowercased()
      guard !lowercasedValue.hasPrefix("__secure-"), !lowercasedValue.hasPrefix("__host-") else { return false }
    }
    var cookie = Cookie(
      name: parsed.name, value: parsed.value, domain: hostOnly ? url.host : domainAttribute, hostOnly: hostOnly, path: path,
      expiry: expiry, secure: secure, httpOnly: httpOnly, sameSite: sameSitePolicy, creationTime: time)
    return store.withLock { store in
      if !secure, !secureConnection {
        // Leave secure cookies alone (§5.7 step 16): no insecure cookie may shadow one.
        let shadows = store.entries.contains { entry in
          let existing = entry.cookie
          return existing.secure && existing.name == cookie.name
            && (Self.domainMatches(existing.domain, cookie.domain, isIPAddress: false)
              || Self.domainMatches(cookie.domain, existing.domain, isIPAddress: false))
            && Self.pathMatches(cookie.path, existing.path)
        }
        guard !shadows else { return false }
      }
      var order = store.nextOrder
      if let index = store.entries.firstIndex(where: { Self.isSameCookie($0.cookie, cookie) }) {
        guard !(fromScript && store.entries[index].cookie.httpOnly) else { return false }
        cookie.creationTime = store.entries[index].cookie.creationTime
        order = store.entries[index].order
        store.entries.remove(at: index)
      } else {
        store.nextOrder += 1
      }
      if cookie.expiry.map({ $0 > time }) ?? true {
        let position = store.entries.firstIndex { $0.order > order } ?? store.entries.endIndex
        store.entries.insert(Entry(cookie: cookie, order: order), at: position)
      }
      return true
    }
  }

  /// Same name, domain, host-only flag and path: one replaces the other.
  private static func isSameCookie(_ a: Cookie, _ b: Cookie) -> Bool {
    a.name == b.name && a.domain == b.domain && a.hostOnly == b.hostOnly && a.path == b.path
  }

  /// Whether `cookie` goes with a request to `url`, SameSite and HttpOnly aside: its domain, path
  /// and secure flag (§5.8.3 step 1).
  private static func applies(_ cookie: Cookie, to url: URLRecord) -> Bool {
    guard url.isHTTP else { return false }
    let domainOK =
      cookie.hostOnly ? url.host == cookie.domain : domainMatches(url.host, cookie.domain, isIPAddress: url.hostIsIPAddress)
    return domainOK && pathMatches(url.path, cookie.path) && (!cookie.secure || url.isPotentiallyTrustworthy)
  }

  /// Domain matching (§5.1.3): identical, or `string` ends with `.domain` and is a host name.
  static func domainMatches(_ string: String, _ domain: String, isIPAddress: Bool) -> Bool {
    string == domain || (!isIPAddress && string.hasSuffix("." + domain))
  }

  /// Path matching (§5.1.4): `requestPath` is `cookiePath`, or below it.
  static func pathMatches(_ requestPath: String, _ cookiePath: String) -> Bool {
    let request = requestPath.utf8
    let cookie = cookiePath.utf8
    guard request.starts(with: cookie) else { return false }
    return request.count == cookie.count || cookie.last == UInt8(ascii: "/")
      || request.dropFirst(cookie.count).first == UInt8(ascii: "/")
  }

  /// The default-path of a URL's path (§5.1.4): its directory, without the trailing `/`.
  static func defaultPath(_ path: String) -> String {
    guard path.hasPrefix("/"), let lastSlash = path.lastIndex(of: "/"), lastSlash != path.startIndex else { return "/" }
    return String(path[..<lastSlash])
  }
}

extension CookieJar: Equatable {
  /// Jars are equal when they are the same jar (a `Request`'s equality compares its jar so).
  public static func == (left: CookieJar, right: CookieJar) -> Bool { left === right }
}
