/// The HTML parser: the tokenizer and the tree builder coupled, from decoded text to batches of
/// the tree-operation stream (HTML Standard §13.2, and §13.4 for fragments).
///
/// Input is UTF-8 bytes of decoded text (the encoding layer decodes first), given in chunks split
/// anywhere. `append` and `finish` run as far as the input allows and say where they stopped;
/// after a `script` end tag in a document parsed with scripting enabled they return
/// `.pausedAtScript`, so the caller can run the script (its `pop` operation ends the batch so far)
/// and call `resume()`. Not thread-safe: one parse on one thread at a time.
///
/// Dynamic markup insertion (HTML §8.4.3, §13.2.6.4.8): around the processing of a script
/// (preparing a parser-inserted script, running a parsing-blocking one) the caller brackets
/// `enterScript()` and `exitScript()`, which keep the parser's script nesting level and define
/// the insertion point just before the next input character; `write(_:process:)` inserts text
/// there and tokenizes it up to the insertion point, or up to the end tag of a script it wrote
/// (`.pausedAtScript`: the caller processes that script the same way, then calls `resume()`,
/// which goes on up to the insertion point again). A script-created parser (`document.open()`,
/// §8.4.1) starts with `openForScript()` and ends with `close()`. The parser never calls back
/// into its caller, so these calls may come from inside a script the caller runs between two of
/// them, never from inside one of them.
public final class HTMLParser {
  /// Where parsing stopped.
  public enum Progress: Sendable, Equatable {
    /// All input given so far is parsed; append more or finish.
    case needsInput
    /// A `script` element's end tag was just processed; run the script, then `resume()`.
    case pausedAtScript
    /// The end of the input was parsed; the stream is complete.
    case finished
  }

  private let treeBuilder: TreeBuilder
  private var tokenizer: Tokenizer<TreeBuilder>

  /// The parser's script nesting level (HTML §13.2.1): how many script processings, each between
  /// `enterScript()` and `exitScript()`, enclose the current moment.
  public private(set) var scriptNestingLevel = 0

  /// Whether `document.write` text has a place to go (the insertion point is defined, §13.2.1).
  public var hasInsertionPoint: Bool { tokenizer.hasInsertionPoint }

  /// Whether this is a script-created parser (`document.open()`) whose input `close()` has not
  /// ended yet: it waits for more `write` text rather than reach the end of the input.
  public private(set) var isOpenForScript = false

  /// A parser for a document (node 0 is the document), with the scripting flag given.
  public init(scripting: Bool) {
    treeBuilder = TreeBuilder(scripting: scripting)
    tokenizer = Tokenizer(sink: treeBuilder)
  }

  /// A parser for the fragment parsing algorithm with a context element: its local name and
  /// namespace, and the quirks mode of its document; node 0 receives the fragment's nodes.
  public init(
    fragmentContext: (localName: String, namespace: TreeBuilder.Namespace), quirksMode: TreeBuilder.QuirksMode = .noQuirks,
    scripting: Bool
  ) {
    treeBuilder = TreeBuilder(
      fragmentContextLocalName: Array(fragmentContext.localName.utf8), namespace: fragmentContext.namespace,
      quirksMode: quirksMode, scripting: scripting)
    tokenizer = Tokenizer(sink: treeBuilder)
    tokenizer.state = treeBuilder.initialTokenizerState
  }

  /// Parses more decoded text (UTF-8).
  @discardableResult
  public func append(_ bytes: some Collection<UInt8>) -> Progress {
    tokenizer.append(bytes)
    return run()
  }

  /// Announces the end of the input and parses to the end.
  @discardableResult
  public func finish() -> Progress {
    tokenizer.finish()
    return run()
  }

  /// Goes on after `.pausedAtScript`.
  @discardableResult
  public func resume() -> Progress {
    run()
  }

  /// Begins a script's processing (HTML §13.2.6.4.8 "an end tag whose tag name is script",
  /// before "prepare the script element"; the parsing-blocking script's execution): the old
  /// insertion point is kept, the insertion point is set just before the next input character,
  /// and the script nesting level goes up by one.
  public func enterScript() {
    tokenizer.enterInsertionPoint()
    scriptNestingLevel += 1
  }

  /// Ends the processing `enterScript()` began: the script nesting level goes down by one and
  /// the insertion point gets its old value back.
  public func exitScript() {
    precondition(scriptNestingLevel > 0, "exitScript() without enterScript()")
    scriptNestingLevel -= 1
    tokenizer.exitInsertionPoint()
  }

  /// The document write steps 5 and 6 (HTML §8.4.3): inserts `text` (UTF-8) just before the
  /// insertion point and, when `process` (no parsing-blocking script is pending), tokenizes it,
  /// stopping where the tokenizer reaches the insertion point (`.needsInput`) or after a script
  /// end tag (`.pausedAtScript`; `resume()` goes on after that script's processing).
  ///
  /// Requires a defined insertion point (`hasInsertionPoint`).
  @discardableResult
  public func write(_ text: some Collection<UInt8>, process: Bool) -> Progress {
    precondition(hasInsertionPoint, "write(_:process:) with no insertion point")
    tokenizer.insertAtInsertionPoint(text)
    return process ? run() : .needsInput
  }

  /// Makes this parser a script-created parser (`document.open()`, HTML §8.4.1 steps 16 and 17):
  /// its input is what `write` inserts, and it waits at the insertion point, just before the end
  /// of the (empty) input, until `close()`.
  public func openForScript() {
    tokenizer.setInsertionPoint()
    isOpenForScript = true
  }

  /// Ends a script-created parser's input (`document.close()`, HTML §8.4.5 step 4: the explicit
  /// end-of-file character); the next `resume()` parses to the end.
  public func close() {
    guard isOpenForScript else { return }
    isOpenForScript = false
    tokenizer.removeInsertionPoint()
    tokenizer.finish()
  }

  /// The encoding the first `<meta>` inserted so far declares (`<meta charset>` or
  /// `<meta http-equiv=content-type>`, HTML §13.2.6.4.4), nil when none has.
  ///
  /// When the document's encoding confidence is tentative, pass it to
  /// `EncodingSniffer.changeTheEncoding` (§13.2.3.4): when the answer is to reparse, the caller
  /// parses the document's bytes again, decoded in that encoding, with confidence certain.
  public var declaredEncoding: Encoding? { treeBuilder.declaredEncoding }

  /// Where the text of the last HTML `script` element begins in the input.
  ///
  /// The line (from 1) and column (UTF-16 code units from 0) just after its start tag's `>`,
  /// counting the text `document.write` inserted; nil before the first. After `.pausedAtScript` it is the script
  /// the pause is for (a script's text holds no tag), which a browser compiles with these as its
  /// line and column offsets, so its errors name the document's lines.
  public var scriptStartTagEnd: (line: Int, column: Int)? { tokenizer.scriptStartTagEnd }

  /// Takes the operations written so far.
  public func takeBatch() -> TreeOperationBatch {
    treeBuilder.takeBatch()
  }

  private func run() -> Progress {
    switch tokenizer.run() {
    case .needsInput: .needsInput
    case .paused: .pausedAtScript
    case .finished: .finished
    }
  }
}
