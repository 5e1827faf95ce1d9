/// The tokenizer's state machine (HTML Standard §13.2.5) with its input stream: the work of
/// `Tokenizer`, which only adds its sink's type.
///
/// Not generic, so code outside the module runs it at full speed without specializing it. It hands
/// tokens to its sink through the `TokenSink` protocol and holds the sink strongly. A value type:
/// one owner, one thread at a time.
struct TokenizerStateMachine {
  typealias State = TokenizerInternalState

  /// The receiver of the tokens.
  let sink: any TokenSink
  /// The input stream (§13.2.3.5).
  var input = InputStream()
  /// The current state of the state machine.
  var current = State.data
  /// The return state of character references (§13.2.5.72).
  var returnState = State.data
  /// The temporary buffer (§13.2.5).
  var temporaryBuffer: [UInt8] = []
  /// Characters emitted but not yet handed to the sink.
  var text: [UInt8] = []
  /// The current tag token's name, lowercased.
  var tagName: [UInt8] = []
  /// Whether the current tag token is an end tag.
  var tagIsEndTag = false
  /// The current tag token's self-closing flag.
  var tagIsSelfClosing = false
  /// The current tag token's attributes before the current attribute.
  var attributes: [Attribute] = []
  /// Whether an attribute is being built in `attributeName` and `attributeValue`.
  var hasCurrentAttribute = false
  /// The current attribute's name, lowercased.
  var attributeName: [UInt8] = []
  /// The current attribute's value.
  var attributeValue: [UInt8] = []
  /// The current comment token's data.
  var commentData: [UInt8] = []
  /// The current DOCTYPE token.
  var doctype = Doctype()
  /// The character reference code (§13.2.5.75), saturated above U+10FFFF.
  var characterReferenceCode: UInt32 = 0
  /// Whether the sink answered the last token with `.pause`.
  var pauseRequested = false
  /// Tag and attribute names emitted recently, by a hash of their bytes, so that a name seen
  /// again is shared rather than allocated again.
  private var recentNames = [(name: [UInt8], localName: LocalName)](repeating: ([], .other), count: 256)

  /// The named character reference last found with its `;` (its index and length), which the
  /// next reference most often repeats: a name ending with `;` is no other name's prefix, so
  /// input that starts with it needs no search.
  var lastNamedReference = (index: -1, length: 0)

  /// The tag name of the last start tag emitted (§13.2.5), `nil` when none has been.
  var lastStartTagName: [UInt8]?

  /// Where the text after the last `script` start tag begins (just after its `>`).
  ///
  /// The line from 1 and the column in UTF-16 code units from 0, as V8's script origin offsets
  /// count; nil before the first. Taken when the sink switches the state to script data.
  var scriptStartTagEnd: (line: Int, column: Int)?

  init(sink: any TokenSink) {
    self.sink = sink
  }

  // MARK: - Emitting

  /// Hands the pending characters to the sink as one token.
  mutating func flushText() {
    guard !text.isEmpty else { return }
    // The token gets storage of exactly its size; the buffer keeps its capacity for the next run.
    let characters = copy(text)
    text.removeAll(keepingCapacity: true)
    obey(sink.process(.characters(characters)))
  }

  /// Hands a token other than characters to the sink, after the pending characters.
  mutating func emit(_ token: Token) {
    flushText()
    obey(sink.process(token))
  }

  /// Emits the current tag token, with its current attribute.
  mutating func emitTag() {
    finishAttribute()
    let (name, localName) = shared(tagName)
    let tag = Tag(name: name, localName: localName, attributes: attributes, selfClosing: tagIsSelfClosing)
    attributes = []
    if tagIsEndTag {
      emit(.endTag(tag))
    } else {
      lastStartTagName = tag.name
      emit(.startTag(tag))
    }
  }

  /// Emits the current comment token.
  mutating func emitComment() {
    let data = copy(commentData)
    emptyKeepingCapacity(&commentData)
    emit(.comment(data))
  }

  /// Emits the current DOCTYPE token.
  mutating func emitDoctype() {
    let token = doctype
    doctype = Doctype()
    emit(.doctype(token))
  }

  /// Emits the end-of-file token; the tokenizer is done.
  mutating func emitEndOfFile() {
    current = .done
    emit(.endOfFile)
  }

  private mutating func obey(_ directive: TokenDirective) {
    switch directive {
    case .proceed: break
    case .switchTo(let state):
      current = State(state)
      if state == .scriptData { scriptStartTagEnd = input.textPosition(at: input.position) }
    case .pause: pauseRequested = true
    }
  }

  // MARK: - Tags and attributes

  /// Creates a new start or end tag token with an empty name.
  mutating func startTag(isEndTag: Bool) {
    emptyKeepingCapacity(&tagName)
    tagIsEndTag = isEndTag
    tagIsSelfClosing = false
    emptyKeepingCapacity(&attributes)
    hasCurrentAttribute = false
  }

  /// Starts a new attribute in the current tag token, after finishing the current one.
  mutating func startAttribute() {
    finishAttribute()
    hasCurrentAttribute = true
  }

  /// Adds the current attribute to the tag token unless one of the same name is there already
  /// (§13.2.5.33: the duplicate is removed).
  mutating func finishAttribute() {
    guard hasCurrentAttribute else { return }
    hasCurrentAttribute = false
    let isDuplicate = attributes.contains { $0.name == attributeName }
    if !isDuplicate {
      if attributes.capacity == 0 { attributes.reserveCapacity(4) }
      attributes.append(Attribute(name: shared(attributeName).name, value: copy(attributeValue)))
    }
    emptyKeepingCapacity(&attributeName)
    emptyKeepingCapacity(&attributeValue)
  }

  /// A tag or attribute name as an array of its own, the one emitted before when it was recent,
  /// with its local name.
  private mutating func shared(_ name: [UInt8]) -> (name: [UInt8], localName: LocalName) {
    let count = name.count
    guard count > 0 && count <= 24 else { return (copy(name), LocalName.named(name)) }
    let hash = count &* 67 &+ Int(name[0]) &* 31 &+ Int(name[count / 2]) &* 7 &+ Int(name[count - 1])
    let slot = hash & (recentNames.count - 1)
    if recentNames[slot].name == name { return recentNames[slot] }
    let entry = (name: copy(name), localName: LocalName.named(name))
    recentNames[slot] = entry
    return entry
  }

  /// Whether the current end tag token is an appropriate end tag token (§13.2.5).
  var isAppropriateEndTag: Bool {
    guard let last = lastStartTagName else { return false }
    return tagName == last
  }
}

/// A copy of a buffer in storage of its own, of exactly its size, so that the buffer keeps its
/// capacity for the next token.
private func copy<Element>(_ buffer: [Element]) -> [Element] {
  buffer.withUnsafeBufferPointer { Array($0) }
}

/// Empties a buffer and keeps its capacity (without the cost of `removeAll` when it is empty
/// already, as most are).
func emptyKeepingCapacity<Element>(_ buffer: inout [Element]) {
  if !buffer.isEmpty { buffer.removeAll(keepingCapacity: true) }
}
