import Foundation
import HTML
import Runtime
import V8

/// Loads a document into a page realm with its scripts: the HTML parser runs over the decoded text, its tree operations are applied batch by batch, and it stops where the DOM runtime says a parsing-blocking script is pending (HTML §13.2.6: "the parser pauses"), going on in a task of the page's event loop once that script has run.
///
/// At the end of the input the DOM runtime runs "the end" (deferred scripts, `DOMContentLoaded`, `load`).
///
/// Guarantees: every step runs as a task at the isolate's top level (the page's scripts compile
/// with their caches produced after they ran, `ScriptLoader.produceDeferred()` after each step);
/// the parser is never re-entered from inside a host callback. The encoding is sniffed from the
/// BOM, the transport and the `<meta>` prescan; a later `<meta>` is honoured by learning the
/// declared encoding before the scripted parse (the standard navigates again). XML documents parse
/// whole (libxml2), then run "the end". Used on the isolate's thread.
final class PageLoader: @unchecked Sendable {
  private let realm: Realm
  private weak var environment: PageEnvironment?
  private let parser = HTMLParser(scripting: true)
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
    _ = try realm.context.call(
      realm.function("entry", "begin"), [.string(document.url), .string(document.contentType), .string(characterSet)])
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
}
