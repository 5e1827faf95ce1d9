import Testing

@testable import HTML

/// The tokenizer's input stream and its conversation with the sink: newline normalization and
/// UTF-8 sequences across chunk boundaries, lookahead that waits for more input, characters
/// handed over when the input runs out, directives, pausing and `document.write` insertion.
@Suite struct TokenizerInputTests {
  /// Records tokens as text, answering start tags from a table of directives.
  final class Transcript: TokenSink {
    var lines: [String] = []
    var directives: [String: TokenDirective] = [:]
    var pauseAtEndTag: String?
    let acceptsCDATA = false

    func process(_ token: Token) -> TokenDirective {
      switch token {
      case .startTag(let tag):
        let name = String(decoding: tag.name, as: UTF8.self)
        lines.append("<\(name)>")
        return directives[name] ?? .proceed
      case .endTag(let tag):
        let name = String(decoding: tag.name, as: UTF8.self)
        lines.append("</\(name)>")
        return name == pauseAtEndTag ? .pause : .proceed
      case .characters(let data): lines.append("text \(String(decoding: data, as: UTF8.self))")
      case .comment(let data): lines.append("comment \(String(decoding: data, as: UTF8.self))")
      case .doctype(let doctype): lines.append("doctype \(String(decoding: doctype.name ?? [], as: UTF8.self))")
      case .endOfFile: lines.append("EOF")
      }
      return .proceed
    }
  }

  @Test func crLFSplitAcrossChunksIsOneLineFeed() {
    let transcript = Transcript()
    var tokenizer = Tokenizer(sink: transcript)
    for chunk in ["a\r", "\nb\r", "\r\n", "c\r"] {
      tokenizer.append(Array(chunk.utf8))
      #expect(tokenizer.run() == .needsInput)
    }
    tokenizer.finish()
    #expect(tokenizer.run() == .finished)
    // Each CR is a line feed at once; the LF after it, in the next chunk, is dropped.
    #expect(transcript.lines == ["text a\n", "text b\n", "text \n", "text c\n", "EOF"])
  }

  @Test func charactersNeverSplitAUTF8Sequence() {
    let transcript = Transcript()
    var tokenizer = Tokenizer(sink: transcript)
    let bytes = Array("a€b".utf8)  // € is E2 82 AC
    tokenizer.append(bytes[0..<3])
    #expect(tokenizer.run() == .needsInput)
    #expect(transcript.lines == ["text a"])
    tokenizer.append(bytes[3..<5])
    #expect(tokenizer.run() == .needsInput)
    #expect(transcript.lines == ["text a", "text €b"])
    tokenizer.finish()
    #expect(tokenizer.run() == .finished)
  }

  @Test func lookaheadWaitsForMoreInput() {
    let transcript = Transcript()
    var tokenizer = Tokenizer(sink: transcript)
    tokenizer.append(Array("x&no".utf8))
    #expect(tokenizer.run() == .needsInput)
    // `&no` may still become `&notin;`: only the text before it is out.
    #expect(transcript.lines == ["text x"])
    tokenizer.append(Array("tin;<!-".utf8))
    #expect(tokenizer.run() == .needsInput)
    #expect(transcript.lines == ["text x", "text ∉"])
    tokenizer.append(Array("- c --><!DOC".utf8))
    #expect(tokenizer.run() == .needsInput)
    tokenizer.append(Array("TYPE html>".utf8))
    tokenizer.finish()
    #expect(tokenizer.run() == .finished)
    #expect(transcript.lines == ["text x", "text ∉", "comment  c ", "doctype html", "EOF"])
  }

  @Test func legacyReferenceWithoutSemicolonResolvesAtTheEndOfInput() {
    let transcript = Transcript()
    var tokenizer = Tokenizer(sink: transcript)
    tokenizer.append(Array("&not".utf8))
    #expect(tokenizer.run() == .needsInput)
    #expect(transcript.lines.isEmpty)
    tokenizer.finish()
    #expect(tokenizer.run() == .finished)
    #expect(transcript.lines == ["text ¬", "EOF"])
  }

  @Test func switchDirectiveChangesTheState() {
    let transcript = Transcript()
    transcript.directives = ["style": .switchTo(.rawtext), "textarea": .switchTo(.rcdata)]
    var tokenizer = Tokenizer(sink: transcript)
    tokenizer.append(Array("<style><b>&amp;</style><textarea><i>&amp;</textarea><p>".utf8))
    tokenizer.finish()
    #expect(tokenizer.run() == .finished)
    #expect(
      transcript.lines == [
        "<style>", "text <b>&amp;", "</style>", "<textarea>", "text <i>&", "</textarea>", "<p>", "EOF",
      ])
  }

  @Test func pauseThenDocumentWriteAtTheInsertionPoint() {
    let transcript = Transcript()
    transcript.directives = ["script": .switchTo(.scriptData)]
    transcript.pauseAtEndTag = "script"
    var tokenizer = Tokenizer(sink: transcript)
    tokenizer.append(Array("<script>w()</script><p>after".utf8))
    #expect(tokenizer.run() == .paused)
    #expect(transcript.lines == ["<script>", "text w()", "</script>"])
    // The script writes twice; the second write goes after the first.
    tokenizer.setInsertionPoint()
    tokenizer.insertAtInsertionPoint(Array("<b>one\r\n".utf8))
    tokenizer.insertAtInsertionPoint(Array("</b>".utf8))
    #expect(tokenizer.run() == .needsInput)
    #expect(transcript.lines.suffix(3) == ["<b>", "text one\n", "</b>"])
    tokenizer.removeInsertionPoint()
    tokenizer.finish()
    #expect(tokenizer.run() == .finished)
    #expect(transcript.lines.suffix(3) == ["<p>", "text after", "EOF"])
  }

  @Test func stateReadsAsTheContentModel() {
    var tokenizer = Tokenizer(sink: Transcript())
    tokenizer.state = .rcdata
    tokenizer.lastStartTagName = Array("title".utf8)
    tokenizer.append(Array("a</tit".utf8))
    #expect(tokenizer.run() == .needsInput)
    #expect(tokenizer.state == .rcdata)
  }

  @Test func numericReferencesFollowTheReplacementTable() {
    #expect(Self.text("&#x80;&#150;&#x81;&#0;&#xD800;&#x110000;&#xFFFF;") == "€–\u{81}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFF}")
  }

  @Test func longInputAcrossManyChunks() {
    // Long enough that consumed bytes are dropped from the stream along the way.
    let page = String(repeating: "<p class=x>one &amp; two\r\n</p>", count: 10_000)
    let transcript = Transcript()
    var tokenizer = Tokenizer(sink: transcript)
    let bytes = Array(page.utf8)
    var offset = 0
    while offset < bytes.count {
      let next = min(offset + 4093, bytes.count)
      tokenizer.append(bytes[offset..<next])
      #expect(tokenizer.run() == .needsInput)
      offset = next
    }
    tokenizer.finish()
    #expect(tokenizer.run() == .finished)
    let text = transcript.lines.filter { $0.hasPrefix("text ") }.map { $0.dropFirst(5) }.joined()
    #expect(text == String(repeating: "one & two\n", count: 10_000))
    #expect(transcript.lines.filter { $0 == "<p>" }.count == 10_000)
  }

  static func text(_ html: String) -> String {
    let transcript = Transcript()
    var tokenizer = Tokenizer(sink: transcript)
    tokenizer.append(Array(html.utf8))
    tokenizer.finish()
    _ = tokenizer.run()
    return transcript.lines.filter { $0.hasPrefix("text ") }.map { $0.dropFirst(5) }.joined()
  }
}
