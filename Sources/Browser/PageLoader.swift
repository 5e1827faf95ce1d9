import Foundation
import HTML
import Network
import Runtime
import V8

/// Loads a document into a page realm with its scripts: the HTML parser runs over the decoded text, its tree operations are applied batch by batch, and it stops where the DOM runtime says a parsing-blocking script is pending (HTML §13.2.6: "the parser pauses"), going on in a task of the page's event loop once that script has run.
///
/// At the end of the input the DOM runtime runs "the end" (deferred scripts, `DOMContentLoaded`, `load`).
///
/// Guarantees: every step runs as a task at the isolate's top level (the page's scripts compile
/// with their caches produced after they ran, `ScriptLoader.produceDeferred()` after each step);
/// the parser is never re-entered while it runs. `document.write` reaches the parser from inside
/// a host callback (`DynamicMarkupAPI`, HTML §8.4): between two of the parser's runs, never
/// during one, as the parser stops before any script of its batches runs. `document.open()`
/// replaces the parser by a script-created one, which waits at its insertion point for more
/// `write` text until `document.close()`. The encoding is sniffed from the
/// BOM, the transport and the `<meta>` prescan; a later `<meta>` is honoured by learning the
/// declared encoding before the scripted parse (the standard navigates again). XML documents parse
/// whole (libxml2), then run "the end". Used on the isolate's thread.
final class PageLoader: @unchecked Sendable {
  private let realm: Realm
  private weak var environment: PageEnvironment?
  private var parser = HTMLParser(scripting: true)
  private let text: [UInt8]
  private let xmlBatch: TreeOperationBatch?
  private var next: Step = .append
  private var blocked = false

  private enum Step {
    /// Give the parser the text; resume after a script; announce the end of input; run "the end".
    case append, resume, finish, end, done
  }

  /// Starts loading `document` into the page realm: its document and window are made now, the
  /// parsing runs as tasks from here on.
  init(_ document: LoadedDocument, realm: Realm, environment: PageEnvironment) throws {
    self.realm = realm
    self.environment = environment
    let characterSet: String
    if DocumentParser.isXMLMIMEType(document.contentType) {
      let (batch, encoding) = DocumentParser.parse(document)
      xmlBatch = batch
      text = []
      characterSet = encoding
    } else {
      var (encoding, confidence) = DocumentParser.sniff(document)
      // A `<meta>` past the prescan's 1,024 bytes changes the encoding (§13.2.3.4): a browser
      // navigates again; Caper learns the declared encoding first, from a parse without scripts,
      // only for pages that mention a charset the prescan did not find.
      if confidence == .tentative, EncodingSniffer.prescan(document.bytes.prefix(1024)) == nil,
        document.bytes.firstRange(of: Array("charset".utf8)) != nil,
        let declared = Encoding(label: DocumentParser.parse(document).encoding)
      {
        encoding = declared
        confidence = .certain
      }
      text = EncodingDecoder.decode(document.bytes, encoding: encoding)
      xmlBatch = nil
      characterSet = encoding.name
    }
    environment.characterSet = characterSet
    // The policy container's referrer policy from the response (HTML §7.1.6 "create a policy
    // container from a fetch response"); `<meta name=referrer>` may change it later.
    environment.referrerPolicy = document.response?.headers.last { $0.name == "referrer-policy" }
      .flatMap { ReferrerPolicy(header: $0.value) }
    environment.documentLoader = self
    _ = try realm.context.call(
      realm.function("entry", "begin"),
      [.string(document.url), .string(document.contentType), .string(characterSet), .string(document.referrer ?? "")])
    // Playwright's exposed bindings and init scripts, before any of the document's own scripts.
    environment.topLevelPage?.prepare(realm, environment: environment)
    // Playwright's exposed bindings and init scripts, before any of the document's own scripts.
    environment.topLevelPage?.prepare(realm, environment: environment)
    environment.parserUnblocked = { [weak self] in
      guard let self else { return }
      self.blocked = false
      self.realm.loop.post(to: self.realm.context) { [weak self] in self?.parse() }
    }
    realm.loop.post(to: realm.context) { [weak self] in self?.parse() }
  }

  /// Parses until a parsing-blocking script is pending or the input ends.
  private func parse() {
    do {
      while !blocked {
        let progress: HTMLParser.Progress
        switch next {
        case .append:
          if let xmlBatch {
            blocked = try apply(xmlBatch)
            next = .end
            continue
          }
          progress = parser.append(text)
        case .resume: progress = parser.resume()
        case .finish: progress = parser.finish()
        case .end:
          next = .done
          _ = try realm.context.call(realm.function("entry", "finishParsing"))
          realm.loader.produceDeferred()
          return
        case .done: return
        }
        switch progress {
        case .pausedAtScript: next = .resume
        case .needsInput where parser.isOpenForScript:
          // A script-created parser waits for `write` text or `document.close()`.
          next = .resume
          return
        case .needsInput: next = .finish
        case .finished: next = .end
        }
        blocked = try apply(parser.takeBatch())
        realm.loader.produceDeferred()
      }
    } catch {
      // A stop (termination, heap limit) of the page's own script ends its loading; the page
      // stays, and says why.
      environment?.report(PageError(name: "Error", message: "the page's loading stopped: \(error)", stack: "", location: nil))
    }
  }

  private func apply(_ batch: TreeOperationBatch) throws -> Bool {
    try realm.context.call(
      realm.function("entry", "applyBatch"), [.arrayBuffer(batch.operationBytes), .string(batch.textString)]) == .bool(true)
  }

  // MARK: Dynamic markup insertion (HTML §8.4, reached through `DynamicMarkupAPI`)

  /// Where the text of the script the parser last reached begins in the document (its start
  /// tag's end; `HTMLParser.scriptStartTagEnd`): the line and column offsets its code compiles with.
  var scriptStartTagEnd: (line: Int, column: Int)? { parser.scriptStartTagEnd }

  /// Begins the processing of a script of the parser (`HTMLParser.enterScript()`).
  func enterScript() {
    parser.enterScript()
  }

  /// Ends what `enterScript()` began; nothing when nothing was begun.
  func exitScript() {
    if parser.scriptNestingLevel > 0 { parser.exitScript() }
  }

  /// The document write steps 5 and 6: the tree operations of `text` inserted at the insertion
  /// point (tokenized when `process`), and whether they end at a written script's end tag; nil
  /// when the insertion point is undefined (the caller runs the document open steps).
  func write(_ text: String, process: Bool) -> (batch: TreeOperationBatch, pausedAtScript: Bool)? {
    guard parser.hasInsertionPoint, next != .done else { return nil }
    let progress = parser.write(Array(text.utf8), process: process)
    return (parser.takeBatch(), progress == .pausedAtScript)
  }

  /// Goes on after the processing of a script that written text ended at, up to the insertion
  /// point; nil when it is undefined.
  func resumeWriting() -> (batch: TreeOperationBatch, pausedAtScript: Bool)? {
    guard parser.hasInsertionPoint, next != .done else { return nil }
    let progress = parser.resume()
    return (parser.takeBatch(), progress == .pausedAtScript)
  }

  /// Replaces the parser by a script-created one (the document open steps 16 and 17, HTML §8.4.1).
  ///
  /// The active parser, if any, stops and its input is thrown away. False when there is no HTML
  /// parser to replace (an XML document).
  func open() -> Bool {
    guard xmlBatch == nil else { return false }
    parser = HTMLParser(scripting: true)
    parser.openForScript()
    next = .resume
    blocked = false
    return true
  }

  /// Ends the script-created parser's input (`document.close()`, HTML §8.4.5).
  ///
  /// When `process` (no parsing-blocking script is pending) it parses to the end now and gives the
  /// batch, and the caller runs "the end"; else the parser gets there once the pending script has
  /// run. Nil when there is no script-created parser.
  func close(process: Bool) -> TreeOperationBatch? {
    guard parser.isOpenForScript else { return nil }
    parser.close()
    guard process else { return nil }
    while parser.resume() == .pausedAtScript {}
    next = .done
    return parser.takeBatch()
  }
}
