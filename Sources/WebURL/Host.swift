internal import CAda

/// Hosts and domains as the URL Standard turns text into them (§3): the host parser, and UTS #46
/// "domain to ASCII" and "domain to Unicode" through Ada's IDNA.
///
/// Stateless and thread-safe. Failure is `nil`, never a thrown error: the callers (Node's `url`
/// module, the `URL` setters) turn it into an empty string or leave the URL as it was.
public enum Host {
  /// The URL Standard's domain to ASCII (§3.3) with `beStrict` false: UTS #46 ToASCII with
  /// CheckHyphens, CheckBidi and CheckJoiners as the standard sets them; `nil` when it fails or
  /// gives the empty string.
  public static func domainToASCII(_ domain: String) -> String? {
    let ascii = Ada.consume(Ada.withUTF8(domain) { ada_idna_to_ascii($0, $1) })
    return ascii.isEmpty ? nil : ascii
  }

  /// The URL Standard's domain to Unicode (§3.3): UTS #46 ToUnicode, errors ignored.
  public static func domainToUnicode(_ domain: String) -> String {
    Ada.consume(Ada.withUTF8(domain) { ada_idna_to_unicode($0, $1) })
  }

  /// The host a special URL gets when its hostname setter is given `input`, serialized.
  ///
  /// The setter (§6.1) runs the host parser with `isOpaque` false on `input` up to the first `:`,
  /// `/`, `?`, `#` or `\`. The result is a domain in ASCII, an IPv4 address in dotted decimal or
  /// an IPv6 address in brackets; `nil` when the host parser fails. Node's `url.domainToASCII` is
  /// this, with the empty string for `nil`.
  public static func parse(_ input: String) -> String? {
    guard var record = URLRecord("ws://x") else { return nil }
    guard record.setHostname(input) else { return nil }
    return record.hostname
  }
}
