/// What a fetch does when a response has a redirect status (301, 302, 303, 307 or 308).
///
/// The Fetch standard's request redirect mode.
public enum RedirectMode: Sendable, Equatable {
  /// Follows up to 20 redirects as browsers do (Fetch §4.4, HTTP-redirect fetch): a POST becomes
  /// a GET without body after 301 and 302, any method but GET and HEAD after 303; 307 and 308
  /// keep method and body.
  case follow
  /// A redirect status is a network error (`NetworkError.Cause.redirectNotAllowed`).
  case error
  /// The redirect response itself is the result, not followed.
  case manual
}
