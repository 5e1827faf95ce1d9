/// A token of the HTML tokenizer (HTML Standard §13.2.5), as the tokenizer hands it to the tree
/// builder.
///
/// Text is UTF-8 bytes of already-decoded, preprocessed input (newlines normalized); tag and
/// attribute names are lowercased ASCII as the tokenizer produces them. A `characters` token is a
/// run of one or more characters (it may hold U+0000 as a zero byte, which the tree builder
/// handles per insertion mode).
public enum Token: Sendable {
  case doctype(Doctype)
  case startTag(Tag)
  case endTag(Tag)
  case comment([UInt8])
  case characters([UInt8])
  case endOfFile
}

/// A start or end tag token's name, attributes and self-closing flag.
///
/// Attributes keep their source order; a duplicate name is already dropped (§13.2.5.33). The
/// tree builder's `LocalName` of the name is worked out once, when the name is set.
public struct Tag: Sendable {
  public var name: [UInt8] {
    didSet { localName = LocalName.named(name) }
  }
  public var attributes: [Attribute]
  public var selfClosing: Bool
  /// The local name the tree builder's rules know `name` by (`other` for the rest).
  private(set) var localName: LocalName

  public init(name: [UInt8], attributes: [Attribute] = [], selfClosing: Bool = false) {
    self.name = name
    self.attributes = attributes
    self.selfClosing = selfClosing
    localName = LocalName.named(name)
  }

  /// A tag whose name's local name is known already (the tokenizer's names it has seen before).
  init(name: [UInt8], localName: LocalName, attributes: [Attribute], selfClosing: Bool) {
    self.name = name
    self.attributes = attributes
    self.selfClosing = selfClosing
    self.localName = localName
  }
}

/// One attribute of a tag token: its name (lowercased) and value (character references resolved).
public struct Attribute: Sendable, Equatable {
  public var name: [UInt8]
  public var value: [UInt8]

  public init(name: [UInt8], value: [UInt8]) {
    self.name = name
    self.value = value
  }
}

/// A DOCTYPE token; `nil` identifiers are missing, which differs from empty (§13.2.5).
public struct Doctype: Sendable {
  public var name: [UInt8]?
  public var publicIdentifier: [UInt8]?
  public var systemIdentifier: [UInt8]?
  public var forceQuirks: Bool

  public init(name: [UInt8]? = nil, publicIdentifier: [UInt8]? = nil, systemIdentifier: [UInt8]? = nil, forceQuirks: Bool = false)
  {
    self.name = name
    self.publicIdentifier = publicIdentifier
    self.systemIdentifier = systemIdentifier
    self.forceQuirks = forceQuirks
  }
}

/// The tokenizer states the tree builder switches the tokenizer to (§13.2.6: "switch the
/// tokenizer to the RCDATA state", ...), and the data state it starts in.
public enum TokenizerState: Sendable {
  case data
  case rcdata
  case rawtext
  case scriptData
  case plaintext
}

/// What the tree builder tells the tokenizer after a token.
public enum TokenDirective: Sendable, Equatable {
  case proceed
  /// Switch to this state before the next character.
  case switchTo(TokenizerState)
  /// Stop after this token (a parser-blocking script's end tag); the caller resumes later.
  case pause
}

/// The receiver of tokens: the tree builder, or a test's recorder.
///
/// Called on the tokenizer's thread, one token at a time, in order.
public protocol TokenSink: AnyObject {
  /// Processes one token and says how the tokenizer goes on.
  func process(_ token: Token) -> TokenDirective
  /// Whether there is an adjusted current node and it is not an element in the HTML namespace
  /// (§13.2.5.42: only then is `<![CDATA[` a CDATA section).
  var acceptsCDATA: Bool { get }
}
