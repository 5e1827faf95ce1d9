/// The HTML tokenizer (HTML Standard §13.2.5): every state of the state machine, over the UTF-8
/// bytes of decoded text, handing each token to its sink.
///
/// All of HTML's syntax is ASCII, so the tokenizer works on bytes; non-ASCII bytes pass through
/// unchanged, and the replacement character U+FFFD is written as its UTF-8 bytes. Text arrives
/// with `append(_:)` in chunks split anywhere and ends with `finish()`; `run()` tokenizes what it
/// can and says why it stopped, so tokenizing resumes at any chunk boundary (a state that must
/// look ahead, such as a named character reference, `<!--`, `DOCTYPE` or `[CDATA[`, waits for
/// more input unless the input is complete). Adjacent characters reach the sink as one
/// `characters` token per run of text, cut where other tokens come between and where the input
/// given so far ends (never inside a UTF-8 sequence). The sink's directive after each token
/// switches the state or pauses; while paused, `document.write` text enters at the insertion
/// point.
///
/// Parse errors are not reported (browsers do not surface them). A value type: one owner, one
/// thread at a time; it holds its sink strongly, so a sink that owns its tokenizer must break
/// that cycle itself.
public struct Tokenizer<Sink: TokenSink> {
  /// The receiver of the tokens.
  public let sink: Sink
  /// The state machine and input stream, which do the work.
  var machine: TokenizerStateMachine

  /// Makes a tokenizer in the data state, with no input yet.
  public init(sink: Sink) {
    self.sink = sink
    machine = TokenizerStateMachine(sink: sink)
  }

  /// The content model the tokenizer is in, or is switched to before the next character.
  ///
  /// Reading gives the family of the current state: within RCDATA's end-tag states it is still
  /// `.rcdata`; within a tag, comment or DOCTYPE it is `.data`.
  public var state: TokenizerState {
    get { machine.current.contentModel }
    set { machine.current = TokenizerInternalState(newValue) }
  }

  /// The tag name of the last start tag emitted, which makes an end tag appropriate (§13.2.5).
  ///
  /// `nil` when none has been. Settable for fragment parsing and tests.
  public var lastStartTagName: [UInt8]? {
    get { machine.lastStartTagName }
    set { machine.lastStartTagName = newValue }
  }

  /// Where the text after the last `script` start tag begins (just after its `>`): the line from
  /// 1 and the column in UTF-16 code units from 0; nil before the first script start tag.
  public var scriptStartTagEnd: (line: Int, column: Int)? { machine.scriptStartTagEnd }

  /// Appends decoded text (UTF-8 bytes, any split) at the end of the input.
  public mutating func append(_ bytes: some Collection<UInt8>) {
    machine.input.append(bytes)
  }

  /// Announces the end of the input; the next `run()` tokenizes to the end-of-file token.
  public mutating func finish() {
    machine.input.finish()
  }

  /// Tokenizes the input given so far, handing tokens to the sink, until the input runs out
  /// (`.needsInput`), the sink pauses (`.paused`) or the end-of-file token is emitted
  /// (`.finished`).
  public mutating func run() -> TokenizerStop {
    machine.run()
  }

  /// Defines the insertion point just before the next input character; from then on `run()`
  /// stops there (with `.needsInput`) until `removeInsertionPoint()`.
  public mutating func setInsertionPoint() {
    machine.input.setInsertionPoint()
  }

  /// Inserts `document.write` text just before the insertion point, which stays after it.
  public mutating func insertAtInsertionPoint(_ bytes: some Collection<UInt8>) {
    machine.input.insertAtInsertionPoint(bytes)
  }

  /// Makes the insertion point undefined: `run()` goes on to the end of the input.
  public mutating func removeInsertionPoint() {
    machine.input.removeInsertionPoint()
  }

  /// Whether the insertion point is defined.
  public var hasInsertionPoint: Bool { machine.input.insertionPoint != nil }

  /// Keeps the insertion point as the old one and defines it just before the next input character
  /// (before a script's processing, HTML §13.2.6.4.8).
  public mutating func enterInsertionPoint() {
    machine.input.enterInsertionPoint()
  }

  /// Gives the insertion point back the value the matching `enterInsertionPoint()` kept.
  public mutating func exitInsertionPoint() {
    machine.input.exitInsertionPoint()
  }
}
