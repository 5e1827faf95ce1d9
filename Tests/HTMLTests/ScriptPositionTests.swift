import Testing

@testable import HTML

/// `HTMLParser.scriptStartTagEnd`: where the text of each script begins in the document (the line
/// from 1 and the UTF-16 column from 0 just after its start tag), which inline scripts compile
/// with as their line and column offsets; counted over normalized newlines, across chunk
/// boundaries, across the bytes the input stream drops, and over `document.write` text.
@Suite struct ScriptPositionTests {
  /// The positions of every script of `chunks`, in document order, as the parser pauses at each.
  static func positions(_ chunks: [[UInt8]]) -> [String] {
    let parser = HTMLParser(scripting: true)
    var found: [String] = []
    func record(_ progress: HTMLParser.Progress) -> HTMLParser.Progress {
      var progress = progress
      while progress == .pausedAtScript {
        if let position = parser.scriptStartTagEnd { found.append("\(position.line):\(position.column)") }
        progress = parser.resume()
      }
      return progress
    }
    for chunk in chunks { _ = record(parser.append(chunk)) }
    _ = record(parser.finish())
    return found
  }

  static func positions(_ text: String) -> [String] { positions([Array(text.utf8)]) }

  @Test func linesAndColumnsOfScriptsInOneChunk() {
    let page = "<!doctype html>\n<title>t</title>\n<script>a()</script>\n\n  <p>x <script type=module>b()</script>"
    #expect(Self.positions(page) == ["3:8", "5:27"])
  }

  @Test func noScriptNoPosition() {
    let parser = HTMLParser(scripting: true)
    parser.append(Array("<p>text\n<style>s</style>".utf8))
    parser.finish()
    #expect(parser.scriptStartTagEnd == nil)
  }

  @Test func carriageReturnsCountOnceAsNewlines() {
    #expect(Self.positions("a\r\nb\rc\n<script>x</script>") == ["4:8"])
  }

  @Test func columnsCountUTF16CodeUnits() {
    // é is one code unit, 😀 two (outside the BMP); the start tag is eight.
    #expect(Self.positions("é😀<script>x</script>") == ["1:11"])
  }

  @Test func chunksSplitAnywhere() {
    let page = Array("a\r\nbé\n<script>x</script>\r\n<script\n>y</script>".utf8)
    #expect(Self.positions(page.map { [$0] }) == ["3:8", "5:1"])
  }

  @Test func linesBeforeDroppedBytesStillCount() {
    // Over 64 KiB consumed before the script: the input stream drops those bytes on a later append.
    let lines = String(repeating: "line\n", count: 30_000)
    let page = Array((lines + "<p>\n<script>x</script>").utf8)
    let chunks = stride(from: 0, to: page.count, by: 4096).map { Array(page[$0..<min($0 + 4096, page.count)]) }
    #expect(Self.positions(chunks) == ["30002:8"])
  }

  @Test func writtenTextCountsWhereItIsInserted() {
    let parser = HTMLParser(scripting: true)
    #expect(parser.append(Array("<script>w</script>\n<p>".utf8)) == .pausedAtScript)
    parser.enterScript()
    #expect(parser.write(Array("\n\n<script>v</script>".utf8), process: true) == .pausedAtScript)
    #expect(parser.scriptStartTagEnd.map { "\($0.line):\($0.column)" } == "3:8")
    parser.exitScript()
  }
}
