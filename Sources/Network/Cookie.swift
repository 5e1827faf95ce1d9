import Foundation

/// A cookie as a `CookieJar` stores it: RFC 6265bis §5.7's storage model, with Playwright's view
/// of it (`expires`, `playwrightDomain`, `playwrightSameSite`).
///
/// A value type, `Sendable`. Names and values hold the cookie's bytes one code point per byte, as
/// received in `Set-Cookie` (isomorphic decoding); `CookieJar`'s script API converts to and from
/// UTF-8 at `document.cookie`. `domain` is a canonicalized host, never with a leading dot.
public struct Cookie: Sendable, Equatable {
  /// The `SameSite` attribute's enforcement mode (RFC 6265bis §4.1.2.7, §5.6.7).
  public enum SameSite: String, Sendable, Equatable {
    case strict = "Strict"
    case lax = "Lax"
    case none = "None"
    /// No (recognized) `SameSite` attribute: enforced as `Lax`, as Chrome does ("Lax by default").
    case `default` = "Default"
  }

  public var name: String
  public var value: String
  /// The host the cookie belongs to (host-only) or the domain whose hosts get it.
  public var domain: String
  /// Whether only `domain` itself gets the cookie, not its subdomains (no `Domain` attribute).
  public var hostOnly: Bool
  public var path: String
  /// When the cookie expires, or nil for a session cookie (the storage model's persistent-flag
  /// false).
  public var expiry: Date?
  /// Sent only over secure connections: `https`, or a loopback host (potentially trustworthy).
  public var secure: Bool
  /// Hidden from `document.cookie`, which can neither read, set nor overwrite it.
  public var httpOnly: Bool
  public var sameSite: SameSite
  public var creationTime: Date
  public var lastAccessTime: Date

  public init(
    name: String, value: String, domain: String, hostOnly: Bool = true, path: String = "/", expiry: Date? = nil,
    secure: Bool = false, httpOnly: Bool = false, sameSite: SameSite = .default, creationTime: Date = Date(),
    lastAccessTime: Date? = nil
  ) {
    self.name = name
    self.value = value
    self.domain = domain
    self.hostOnly = hostOnly
    self.path = path
    self.expiry = expiry
    self.secure = secure
    self.httpOnly = httpOnly
    self.sameSite = sameSite
    self.creationTime = creationTime
    self.lastAccessTime = lastAccessTime ?? creationTime
  }

  /// Playwright's `expires`: seconds since 1970, or -1 for a session cookie.
  public var expires: Double { expiry?.timeIntervalSince1970 ?? -1 }

  /// Playwright's (and Chrome's) `domain`: the domain with a leading dot unless host-only.
  public var playwrightDomain: String { hostOnly ? domain : "." + domain }

  /// Playwright's `sameSite` for Chromium: `Strict`, `Lax` or `None`; a default cookie is `Lax`.
  public var playwrightSameSite: String { sameSite == .default ? "Lax" : sameSite.rawValue }
}
