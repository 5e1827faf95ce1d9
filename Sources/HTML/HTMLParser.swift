/// The HTML parser: the tokenizer and the tree builder coupled, from decoded text to batches of
/// the tree-operation stream (HTML Standard §13.2, and §13.4 for fragments).
///
/// Input is UTF-8 bytes of decoded text (the encoding layer decodes first), given in chunks split
/// anywhere. `append` and `finish` run as far as the input allows and say where they stopped;
/// after a `script` end tag in a document parsed with scripting enabled they return
/// `.pausedAtScript`, so the caller can run the script (its `pop` operation ends the batch so far)
/// and call `resume()`. Not thread-safe: one parse on one thread at a time.
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

  /// The encoding the first `<meta>` inserted so far declares (`<meta charset>` or
  /// `<meta http-equiv=content-type>`, HTML §13.2.6.4.4), nil when none has.
  ///
  /// When the document's encoding confidence is tentative, pass it to
  /// `EncodingSniffer.changeTheEncoding` (§13.2.3.4): when the answer is to reparse, the caller
  /// parses the document's bytes again, decoded in that encoding, with confidence certain.
  public var declaredEncoding: Encoding? { treeBuilder.declaredEncoding }

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
