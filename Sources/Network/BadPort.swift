/// Fetch §2.9 port blocking: the ports a browser refuses to fetch HTTP(S) from, whatever the
/// host, so that a page cannot make it speak to mail, FTP, IRC or similar servers.
///
/// Follows "should request be blocked due to a bad port?" of the Fetch Standard (the list as of
/// its 2024 edition, ports 4190 and 6679 included; Chromium's `net::ERR_UNSAFE_PORT`). Pure and
/// `Sendable`.
enum BadPort {
  /// The Fetch Standard's bad ports.
  static let ports: Set<Int> = [
    0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111,
    113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554,
    556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666,
    6667, 6668, 6669, 6679, 6697, 10080,
  ]

  /// The bad port of `url` when it is an HTTP(S) URL whose port is one (the request is then a
  /// network error), else nil.
  static func blocking(_ url: String) -> Int? {
    guard let record = URLRecord(url), record.scheme == "http" || record.scheme == "https", let port = record.port,
      ports.contains(port)
    else { return nil }
    return port
  }
}
