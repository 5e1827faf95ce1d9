import Browser
import Foundation
import HTML
import Runtime
import Testing
import V8

/// Dynamic markup insertion (HTML §8.4): `document.write` from parser-inserted scripts inserts at
/// the parser's insertion point and is parsed at once (nested writes, written scripts, split
/// tokens), writes from async and defer scripts are ignored, `document.open()` while parsing does
/// nothing, and after loading `write` opens the document again.
@Suite struct DocumentWriteTests {
  /// The page's `log` array, as strings.
  static func log(_ page: Page) -> [String] {
    guard case .array(let entries) = try? page.evaluate("log") else { return [] }
    return entries.compactMap(\.stringValue)
  }

  // MARK: The parser's insertion point

  @Test func writtenTextIsTokenizedUpToTheInsertionPointAndTheRestWaits() {
    let parser = HTMLParser(scripting: true)
    #expect(parser.append(Array("<p>a<script>s</script>tail".utf8)) == .pausedAtScript)
    _ = parser.takeBatch()
    parser.enterScript()
    #expect(parser.scriptNestingLevel == 1)
    #expect(parser.hasInsertionPoint)
    // A start tag cut in an attribute value waits at the insertion point for the next write.
    #expect(parser.write(Array("<b id=\"x".utf8), process: true) == .needsInput)
    #expect(parser.write(Array("y\">w".utf8), process: true) == .needsInput)
    #expect(!parser.takeBatch().operations.isEmpty)
    parser.exitScript()
    #expect(!parser.hasInsertionPoint)
    #expect(parser.resume() == .needsInput)
    #expect(parser.finish() == .finished)
  }

  @Test func aScriptWrittenInsideAWriteHasItsOwnInsertionPointAndTheOuterOneComesBack() {
    let parser = HTMLParser(scripting: true)
    #expect(parser.append(Array("<script>outer</script>TAIL".utf8)) == .pausedAtScript)
    parser.enterScript()
    // The outer script writes a script and more text: the parser stops after the written script.
    #expect(parser.write(Array("<script>inner</script>rest".utf8), process: true) == .pausedAtScript)
    parser.enterScript()
    #expect(parser.scriptNestingLevel == 2)
    // The inner script's text goes before "rest"; the outer insertion point moves along.
    #expect(parser.write(Array("W".utf8), process: true) == .needsInput)
    parser.exitScript()
    #expect(parser.resume() == .needsInput)
    #expect(parser.write(Array("!".utf8), process: true) == .needsInput)
    parser.exitScript()
    #expect(parser.scriptNestingLevel == 0)
    #expect(parser.finish() == .finished)
    // Text in order: the inner script's W, then rest, then what the outer wrote after, then TAIL.
    let text = parser.takeBatch().textString
    #expect(text.contains("W"))
    let order = ["inner", "W", "rest", "!", "TAIL"].map { text.range(of: $0)!.lowerBound }
    #expect(order == order.sorted())
  }

  @Test func writtenTextWaitsWhileAParsingBlockingScriptIsPending() {
    let parser = HTMLParser(scripting: true)
    #expect(parser.append(Array("<script>s</script>".utf8)) == .pausedAtScript)
    parser.enterScript()
    _ = parser.takeBatch()
    #expect(parser.write(Array("<i>kept</i>".utf8), process: false) == .needsInput)
    #expect(!parser.takeBatch().textString.contains("kept"))
    parser.exitScript()
    #expect(parser.finish() == .finished)
    #expect(parser.takeBatch().textString.contains("kept"))
  }

  @Test func aScriptCreatedParserWaitsForCloseThenEnds() {
    let parser = HTMLParser(scripting: true)
    parser.openForScript()
    #expect(parser.isOpenForScript)
    #expect(parser.write(Array("<p>one".utf8), process: true) == .needsInput)
    parser.close()
    #expect(!parser.isOpenForScript)
    #expect(parser.resume() == .finished)
  }

  // MARK: Pages

  @Test func writeInsertsAfterTheScriptAndTheScriptSeesItAtOnce() throws {
    let page = try PageFixture().page(
      """
      <!doctype html><body><script>var log = [];</script><div id="t"><script>
      var span = document.createElement('span'); span.id = 'appended'; document.getElementById('t').appendChild(span);
      document.write('<p id="w">written</p>');
      var w = document.getElementById('w');
      log.push('seen ' + !!w + ' ' + w.parentNode.id + ' ' + w.previousSibling.id);
      </script><span id="parsed"></span></div>
      <script>log.push([].map.call(document.getElementById('t').childNodes, function (n) { return n.id || n.nodeName }).join())</script>
      """)
    defer { page.close() }
    #expect(Self.log(page) == ["seen true t appended", "SCRIPT,appended,w,parsed"])
  }

  @Test func markupSplitAcrossWritesIsOneStreamAndWritelnEndsLines() throws {
    let page = try PageFixture().page(
      """
      <!doctype html><body><script>var log = [];
      document.write('<p id="a'); document.write('b" class="c">x</'); document.write('p>');
      log.push(document.getElementById('ab').className + ' ' + document.getElementById('ab').textContent);
      document.write('<pre id="p">'); document.writeln('a'); document.writeln('b', 'c'); document.write('d', 'e', '</pre>');
      log.push(JSON.stringify(document.getElementById('p').textContent));
      log.push(document.write.length + ' ' + document.writeln.length);
      document.write('<p id="r">&amp;&lt;x&gt; &copy &#65;</p>');
      log.push(document.getElementById('r').textContent);
      </script>
      """)
    defer { page.close() }
    #expect(Self.log(page) == ["c x", "\"a\\nbc\\nde\"", "0 0", "&<x> © A"])
  }

  @Test func aWrittenInlineScriptRunsBeforeWriteReturnsAndMayWriteItself() throws {
    let page = try PageFixture().page(
      """
      <!doctype html><body><script>var log = [];</script><div id="t"><script id="outer">
      log.push('before');
      document.write('<script id="inner">log.push("inner " + document.currentScript.id); document.write("<b id=deep>deep<\\/b>")<\\/script><i id="after-inner"></i>');
      log.push('after write ' + document.currentScript.id + ' ' + !!document.getElementById('after-inner'));
      </script><span id="parsed"></span></div>
      <script>log.push([].map.call(document.getElementById('t').childNodes, function (n) { return n.id || n.nodeName }).join())</script>
      """)
    defer { page.close() }
    #expect(Self.log(page) == ["before", "inner inner", "after write outer true", "outer,inner,deep,after-inner,parsed"])
  }

  @Test func aScriptStartTagWrittenWithoutItsEndTagRunsWhenALaterWriteClosesIt() throws {
    let page = try PageFixture().page(
      """
      <!doctype html><body><script>var log = [];
      document.write('<script>log.push("split runs"');
      log.push('between');
      document.write(')<\\/script>');
      log.push('after');
      </script>
      """)
    defer { page.close() }
    #expect(Self.log(page) == ["between", "split runs", "after"])
  }

  @Test func aWrittenExternalScriptBlocksTheParserUntilItRanAndMayWriteInTurn() throws {
    let site = try PageScriptsTests.Site([
      "page.html": """
      <!doctype html><body><script>var log = [];</script><div id="t"><script>
      document.write('<script src="a.js" id="a"><\\/script><script src="b.js"><\\/script>');
      log.push('after write ' + !!document.getElementById('a'));
      document.write('<i id="later"></i>');
      </script><span id="parsed"></span></div>
      <script>log.push('next ' + [].map.call(document.getElementById('t').childNodes, function (n) { return n.id || n.nodeName }).join())</script>
      """,
      "a.js": "log.push('A ' + document.currentScript.id); document.write('<b id=\"from-a\"></b>');",
      // B runs before the parser reaches what the outer script wrote after it.
      "b.js": "log.push('B ' + !!document.getElementById('from-a') + ' ' + !!document.getElementById('later'));",
    ])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    #expect(
      Self.log(page) == [
        "after write true", "A a", "B true false", "next SCRIPT,a,from-a,SCRIPT,later,parsed",
      ])
  }

  @Test func writesFromDeferAndAsyncScriptsAreIgnoredWithAWarning() throws {
    let site = try PageScriptsTests.Site([
      "page.html": """
      <!doctype html><body><script>var log = [];</script><p id="kept">kept</p>
      <script defer src="deferred.js"></script><script async src="async.js"></script>
      """,
      "deferred.js": "document.write('<p id=\"from-defer\">'); log.push('defer ' + !!document.getElementById('from-defer'));",
      "async.js": "document.write('<p id=\"from-async\">'); log.push('async ' + !!document.getElementById('from-async'));",
    ])
    let page = try PageFixture().page(document: try site.document("page.html"))
    defer { page.close() }
    #expect(Set(Self.log(page)) == ["defer false", "async false"])
    #expect(try page.evaluate("!!document.getElementById('kept')") == .bool(true))
    #expect(page.environment.consoleMessages.filter { $0.text.contains("asynchronously-loaded external script") }.count == 2)
  }

  @Test func openWhileTheParserRunsAScriptDoesNothing() throws {
    let page = try PageFixture().page(
      """
      <!doctype html><body><p id="before">before</p><script>var log = [];
      log.push(String(document.open() === document));
      document.write('<i id="after-open"></i>');
      log.push(!!document.getElementById('before') + ' ' + !!document.getElementById('after-open') + ' ' + document.readyState);
      </script>
      """)
    defer { page.close() }
    #expect(Self.log(page) == ["true", "true true loading"])
  }

  @Test func afterLoadWriteOpensTheDocumentAgainAndCloseRunsTheEnd() throws {
    let page = try PageFixture().page(
      """
      <!doctype html><body><p id="old">old</p><script>addEventListener('load', function () { window.oldLoads = (window.oldLoads || 0) + 1; });</script>
      """)
    defer { page.close() }
    let result = try page.evaluate(
      """
      window.events = [];
      document.write('<p id="new">new</p><script>window.events.push("inline " + document.readyState);' +
        'document.addEventListener("DOMContentLoaded", function () { window.events.push("DOMContentLoaded") });' +
        'addEventListener("load", function () { window.events.push("load") });<\\/script>');
      window.events.push('written ' + !!document.getElementById('new') + ' ' + !!document.getElementById('old') + ' ' + document.readyState);
      document.close();
      window.events.push('closed ' + document.readyState + ' ' + document.body.innerHTML);
      window.events.join('|')
      """)
    #expect(
      result
        == .string(
          "inline loading|written true false loading|DOMContentLoaded|load|closed complete <p id=\"new\">new</p><script>"
            + "window.events.push(\"inline \" + document.readyState);document.addEventListener(\"DOMContentLoaded\", function () "
            + "{ window.events.push(\"DOMContentLoaded\") });addEventListener(\"load\", function () { window.events.push(\"load\") });"
            + "</script>"))
    // No doctype was written: quirks mode, as in Chromium.
    #expect(try page.evaluate("document.compatMode") == "BackCompat")
    // The listeners of the document before are erased: the old load listener ran only once.
    #expect(try page.evaluate("window.oldLoads") == .number(1))
  }

  @Test func writeOnAnXMLDocumentThrows() throws {
    let page = try PageFixture().page(
      "<root xmlns=\"http://www.w3.org/1999/xhtml\"/>", url: "https://example.test/doc.xhtml",
      contentType: "application/xhtml+xml")
    defer { page.close() }
    #expect(
      try page.evaluate("try { document.write('x'); 'no' } catch (error) { error.name }") == "InvalidStateError")
  }
}
