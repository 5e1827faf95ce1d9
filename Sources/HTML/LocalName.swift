/// The element local names the tree builder takes decisions on (HTML Standard §13.2.6), as one
/// small value each, so the insertion modes compare integers, never bytes.
///
/// A name the tree builder has no rule for is `other`; it is then told apart from other such names
/// by its interned name id. `spelling` is the name as the tokenizer produces it (lowercase);
/// `foreignObject`'s case-adjusted spelling for SVG comes from `ForeignContentAdjustment`. The raw
/// value indexes per-name tables (`count` of them). Immutable; safe from any thread.
enum LocalName: UInt8, CaseIterable, Sendable {
  case other
  case a, address, applet, area, article, aside, b, base, basefont, bgsound, big, blockquote, body, br, button
  case caption, center, code, col, colgroup, dd, details, dialog, dir, div, dl, dt, em, embed
  case fieldset, figcaption, figure, font, footer, form, frame, frameset
  case h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html, i, iframe, image, img, input, keygen
  case li, link, listing, main, marquee, menu, meta, nav, nobr, noembed, noframes, noscript
  case object, ol, optgroup, option, output, p, param, plaintext, pre, rb, rp, rt, rtc, ruby, s, script, search
  case section, select, small, source, span, strike, strong, style, sub, summary, sup
  case table, tbody, td, template, textarea, tfoot, th, thead, title, tr, track, tt, u, ul, `var`, wbr, xmp
  case math, mi, mo, mn, ms, mtext, mglyph, malignmark
  case annotationXML
  case svg, desc
  case foreignObject

  /// How many names there are, for tables indexed by raw value.
  static let count = allCases.count

  /// The name as the tokenizer produces it (lowercase ASCII); empty for `other`.
  var spelling: String {
    switch self {
    case .other: ""
    case .annotationXML: "annotation-xml"
    case .foreignObject: "foreignobject"
    default: String(describing: self)
    }
  }

  /// A name of up to 16 bytes packed into two words, which hashes far faster than an array.
  struct Key: Hashable {
    var low: UInt64
    var high: UInt64

    init(low: UInt64, high: UInt64) {
      self.low = low
      self.high = high
    }

    /// The key of `bytes`, nil when longer than 16 bytes.
    @inline(__always)
    init?(_ bytes: [UInt8]) {
      guard let key = bytes.withUnsafeBufferPointer({ Key($0) }) else { return nil }
      self = key
    }

    /// The key of `bytes`, nil when longer than 16 bytes or empty.
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      let count = bytes.count
      guard count <= 16, let base = bytes.baseAddress else { return nil }
      var low: UInt64 = 0
      var high: UInt64 = 0
      var index = 0
      while index < min(count, 8) {
        low |= UInt64(base[index]) << (8 * UInt64(index))
        index += 1
      }
      while index < count {
        high |= UInt64(base[index]) << (8 * UInt64(index - 8))
        index += 1
      }
      self.low = low
      self.high = high
    }

    /// A cheap hash of the two words (the keys are few and short: no adversary to resist).
    @inline(__always)
    var mixed: Int {
      let product = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
      return Int(truncatingIfNeeded: product >> 32 ^ product)
    }
  }

  /// Every name by its key, in an open-addressed table of `tableMask + 1` slots.
  private static let byKey: [(key: Key, name: LocalName)] = {
    var slots = [(key: Key, name: LocalName)](repeating: (Key(low: 0, high: 0), .other), count: tableMask + 1)
    for name in allCases where name != .other {
      let key = Key(Array(name.spelling.utf8))!
      var slot = key.mixed & tableMask
      while slots[slot].name != .other { slot = (slot + 1) & tableMask }
      slots[slot] = (key, name)
    }
    return slots
  }()
  private static let tableMask = 511

  /// The local name for a tag name as the tokenizer produced it; `other` when no rule names it.
  static func named(_ bytes: [UInt8]) -> LocalName {
    guard let key = Key(bytes) else { return .other }
    return named(key)
  }

  /// The local name for a packed tag name; `other` when no rule names it.
  static func named(_ key: Key) -> LocalName {
    byKey.withUnsafeBufferPointer { slots in
      var slot = key.mixed & tableMask
      while true {
        let entry = slots[slot]
        if entry.name == .other || entry.key == key { return entry.name }
        slot = (slot + 1) & tableMask
      }
    }
  }

  /// Whether this is one of `h1` to `h6`.
  var isHeading: Bool {
    switch self {
    case .h1, .h2, .h3, .h4, .h5, .h6: true
    default: false
    }
  }
}
