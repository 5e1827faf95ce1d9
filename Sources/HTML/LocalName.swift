/// The element local names the tree builder takes decisions on (HTML Standard §13.2.6), as one
/// small value each, so the insertion modes compare integers, never bytes.
///
/// A name the tree builder has no rule for is `other`; it is then told apart from other such names
/// by its interned name id. The raw value is the name as the tokenizer produces it (lowercase);
/// `foreignObject`'s case-adjusted spelling for SVG comes from `ForeignContentAdjustment`.
/// Immutable; safe from any thread.
enum LocalName: String, CaseIterable, Sendable {
  case other = ""
  case a, address, applet, area, article, aside, b, base, basefont, bgsound, big, blockquote, body, br, button
  case caption, center, code, col, colgroup, dd, details, dialog, dir, div, dl, dt, em, embed
  case fieldset, figcaption, figure, font, footer, form, frame, frameset
  case h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html, i, iframe, image, img, input, keygen
  case li, link, listing, main, marquee, menu, meta, nav, nobr, noembed, noframes, noscript
  case object, ol, optgroup, option, output, p, param, plaintext, pre, rb, rp, rt, rtc, ruby, s, script, search
  case section, select, small, source, span, strike, strong, style, sub, summary, sup
  case table, tbody, td, template, textarea, tfoot, th, thead, title, tr, track, tt, u, ul, `var`, wbr, xmp
  case math, mi, mo, mn, ms, mtext, mglyph, malignmark
  case annotationXML = "annotation-xml"
  case svg, desc
  case foreignObject = "foreignobject"

  /// A name of up to 16 bytes packed into two words, which hashes far faster than an array.
  struct Key: Hashable {
    var low: UInt64
    var high: UInt64

    /// The key of `bytes`, nil when longer than 16 bytes.
    init?(_ bytes: [UInt8]) {
      guard bytes.count <= 16 else { return nil }
      var low: UInt64 = 0
      var high: UInt64 = 0
      for (index, byte) in bytes.enumerated() {
        if index < 8 { low |= UInt64(byte) << (8 * UInt64(index)) } else { high |= UInt64(byte) << (8 * UInt64(index - 8)) }
      }
      self.low = low
      self.high = high
    }
  }

  /// Every name by its lowercase UTF-8 bytes.
  private static let byName: [Key: LocalName] = Dictionary(
    uniqueKeysWithValues: allCases.filter { $0 != .other }.map { (Key(Array($0.rawValue.utf8))!, $0) })

  /// The local name for a tag name as the tokenizer produced it; `other` when no rule names it.
  static func named(_ bytes: [UInt8]) -> LocalName {
    guard let key = Key(bytes) else { return .other }
    return byName[key] ?? .other
  }

  /// Whether this is one of `h1` to `h6`.
  var isHeading: Bool {
    switch self {
    case .h1, .h2, .h3, .h4, .h5, .h6: true
    default: false
    }
  }
}
