internal import CPSL

/// The Public Suffix List through libpsl: which domains are public suffixes, and registrable
/// domains (a host's "eTLD+1").
///
/// Stateless for callers and thread-safe: libpsl's context is loaded once per process (the newest
/// of libpsl's built-in list and the system's `publicsuffix` file) and only read after. Both the
/// ICANN and the private sections count (`co.uk` and `github.io` are public suffixes), as in
/// browsers. Hosts must be lower-case ASCII (punycode), as serialized URLs have them.
enum PublicSuffixList {
  /// libpsl's context, never freed; `psl_latest` returns the built-in list when no file is newer.
  private nonisolated(unsafe) static let context: OpaquePointer? = psl_latest(nil) ?? psl_builtin()

  /// Whether `domain` is itself a listed public suffix.
  ///
  /// The list's implicit `*` rule is not applied: a single-label name that the list does not hold (`localhost`, an intranet name) is not one.
  static func isPublicSuffix(_ domain: String) -> Bool {
    guard let context else { return false }
    let type = Int32(PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE)
    return psl_is_public_suffix2(context, domain, type) != 0
  }

  /// The registrable domain of `host` (the public suffix and one more label), or nil when `host`
  /// is a public suffix itself (the implicit `*` rule applies: `example` has none).
  static func registrableDomain(_ host: String) -> String? {
    guard let context, let result = psl_registrable_domain(context, host) else { return nil }
    return String(cString: result)
  }
}
