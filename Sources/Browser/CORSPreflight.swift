import Foundation
import Network
import WebURL

/// The CORS-preflight fetch of a page's cross-origin `cors` request that is not CORS-safelisted
/// (Fetch §4.8, §4.1 main fetch step "use-CORS-preflight"): an `OPTIONS` request asking the server
/// whether the method and headers may be sent, and the check of its answer.
///
/// Pure values, usable from any thread. Not kept: there is no preflight cache, so every such
/// request is preceded by its preflight (a browser may skip it within `Access-Control-Max-Age`).
enum CORSPreflight {
  /// The request-header names that are not CORS-safelisted (lowercased, sorted, as
  /// `Access-Control-Request-Headers` lists them), or nil when no preflight is needed: a
  /// CORS-safelisted method (`GET`, `HEAD`, `POST`) and only CORS-safelisted headers (Fetch §2.2.2).
  static func unsafeHeaderNames(of request: Request) -> [String]? {
    let names = Array(Set(request.headers.filter { !isSafelisted($0) }.map { $0.name.lowercased() })).sorted()
    if ["GET", "HEAD", "POST"].contains(request.method) && names.isEmpty { return nil }
    return names
  }

  /// The `OPTIONS` request that asks for `request` (`origin` the page's serialized origin): no
  /// body, no credentials, `Access-Control-Request-Method` and, when there are some, the unsafe
  /// header names in `Access-Control-Request-Headers`.
  static func request(for request: Request, unsafeHeaderNames: [String], origin: String) -> Request {
    var headers = [Header("Accept", "*/*"), Header("Access-Control-Request-Method", request.method), Header("Origin", origin)]
    if !unsafeHeaderNames.isEmpty {
      headers.append(Header("Access-Control-Request-Headers", unsafeHeaderNames.joined(separator: ",")))
    }
    var preflight = Request(url: request.url, method: "OPTIONS", headers: headers, body: nil, redirect: .error)
    preflight.referrer = request.referrer
    return preflight
  }

  /// Why the preflight's `response` does not allow `request` (Chrome's wording after "Response to
  /// preflight request doesn't pass access control check: " or as the whole reason), or nil when
  /// it does: an ok status, the CORS check, the method and every unsafe header allowed (`*` only
  /// without credentials, and never for `Authorization`).
  static func problem(
    with response: Response, for request: Request, unsafeHeaderNames: [String], origin: String, credentialed: Bool
  ) -> String? {
    if let problem = FetchAPI.corsProblem(response.headers, origin: origin, credentialed: credentialed) {
      return "Response to preflight request doesn't pass access control check: " + problem
    }
    guard (200...299).contains(response.status) else {
      return "Response to preflight request doesn't pass access control check: It does not have HTTP ok status."
    }
    let methods = list(response.headers.value(named: "Access-Control-Allow-Methods"))
    if !["GET", "HEAD", "POST"].contains(request.method) && !methods.contains(request.method)
      && !(methods.contains("*") && !credentialed)
    {
      return "Method \(request.method) is not allowed by Access-Control-Allow-Methods in preflight response."
    }
    let allowed = Set(list(response.headers.value(named: "Access-Control-Allow-Headers")).map { $0.lowercased() })
    for name in unsafeHeaderNames where !allowed.contains(name) {
      if allowed.contains("*") && !credentialed && name != "authorization" { continue }
      return "Request header field \(name) is not allowed by Access-Control-Allow-Headers in preflight response."
    }
    return nil
  }

  /// A header's comma-separated values, trimmed, empty ones dropped.
  private static func list(_ value: String?) -> [String] {
    (value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// Fetch §2.2.2 "CORS-safelisted request-header": `Accept`, `Accept-Language`,
  /// `Content-Language` and a form or plain-text `Content-Type`, each at most 128 bytes without
  /// CORS-unsafe bytes (`Accept`'s) or with only the language characters (the language headers).
  static func isSafelisted(_ header: Header) -> Bool {
    let value = Array(header.value.utf8)
    guard value.count <= 128 else { return false }
    switch header.name.lowercased() {
    case "accept":
      return !value.contains(where: isCORSUnsafeByte)
    case "accept-language", "content-language":
      return value.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
          || [0x20, 0x2A, 0x2C, 0x2D, 0x2E, 0x3B, 0x3D].contains(byte)
      }
    case "content-type":
      guard !value.contains(where: isCORSUnsafeByte), let type = MIMEType(header.value) else { return false }
      return ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"].contains(type.essence.lowercased())
    default:
      return false
    }
  }

  /// Fetch's CORS-unsafe request-header byte.
  private static func isCORSUnsafeByte(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09) || byte == 0x7F || Array("\"():<>?@[\\]{}".utf8).contains(byte)
  }
}
