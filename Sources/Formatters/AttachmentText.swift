import Foundation
import Messages

/// An attachment as the text reports (`pretty`, `summary`, `junit`) show it: one line each.
///
/// Worded as cucumber's pretty formatter words an embedding (@cucumber/pretty-formatter,
/// formatting/formatAttachment.ts: `Embedding <fileName> [<mediaType> <n> bytes]`). It prints a
/// text attachment's whole body; here only logs, links and short unnamed text are printed, so a
/// page's HTML snapshot or console log (named files, see the runner's `attachEvidence`) never
/// floods a terminal or a CI log.
enum AttachmentText {
  /// The body's size in bytes (decoded, for base64).
  static func size(_ attachment: Attachment) -> Int {
    guard attachment.contentEncoding == .base64 else { return attachment.body.utf8.count }
    let body = attachment.body.utf8
    let padding = body.reversed().prefix(2).prefix { $0 == UInt8(ascii: "=") }.count
    return max(0, body.count / 4 * 3 - padding)
  }

  /// The body as text (decoded from base64 when it is valid UTF-8), nil for bytes that are not.
  static func text(_ attachment: Attachment) -> String? {
    guard attachment.contentEncoding == .base64 else { return attachment.body }
    guard let data = Data(base64Encoded: attachment.body) else { return nil }
    return String(data: data, encoding: .utf8)
  }

  /// `Embedding page http://host/.html [text/html 1234 bytes]`.
  static func summary(_ attachment: Attachment) -> String {
    let name = attachment.fileName.map { $0.isEmpty ? "" : "\($0) " } ?? ""
    return "Embedding \(name)[\(attachment.mediaType) \(size(attachment)) bytes]"
  }

  /// What a terminal report prints under the step: logs as written, links, unnamed short text
  /// (a line of at most 200 characters) as cucumber prints it; anything else as its summary line.
  static func lines(_ attachment: Attachment) -> [String] {
    let verbatim: Bool
    switch attachment.mediaType {
    case "text/x.cucumber.log+plain", "text/uri-list": verbatim = attachment.contentEncoding == .identity
    case "text/plain":
      verbatim =
        attachment.contentEncoding == .identity && attachment.fileName == nil && attachment.body.count <= 200
        && !attachment.body.contains("\n")
    default: verbatim = false
    }
    guard verbatim else { return [summary(attachment)] }
    return attachment.body.split(separator: "\n", omittingEmptySubsequences: attachment.mediaType == "text/uri-list").map(
      String.init)
  }
}
