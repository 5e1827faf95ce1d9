import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// `caper scrape`, run as the user runs it: the built binary in a child, over files, folders,
/// globs, a list on stdin, and URLs on the network tests' loopback server (HTTP and HTTPS with a
/// self-signed certificate).
@Suite struct ScrapeCommandTests {
  let folder: TemporaryDirectory
  init() throws { folder = try TemporaryDirectory() }

  /// A script giving the page's title and the number of its paragraphs.
  static let titleScript = """
    module.exports = async (page, input) => ({ title: await page.title(), paragraphs: await page.$$eval('p', (ps) => ps.length) });
    """

  /// Runs `caper scrape` in the test's folder (its own code cache there), with `input` on stdin.
  func scrape(_ arguments: [String], input: String? = nil) throws -> ProcessResult {
    try CaperBinary.run(
      ["scrape"] + arguments, environment: ["CAPER_CACHE_DIR": folder.url.appendingPathComponent(".cache").path],
      directory: folder.url, input: input.map { Data($0.utf8) })
  }

  /// The JSON objects of a jsonl output, in order.
  func lines(_ output: String) throws -> [[String: Any]] {
    try output.split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
    }
  }

  func page(_ name: String, title: String, paragraphs: Int = 1) throws {
    try folder.write(name, "<!doctype html><title>\(title)</title>" + String(repeating: "<p>text", count: paragraphs))
  }

  @Test func filesFoldersAndGlobsInTheOrderGiven() throws {
    try folder.write("title.js", Self.titleScript)
    try page("one.html", title: "One")
    try page("site/b.html", title: "B", paragraphs: 2)
    try page("site/deeper/a.htm", title: "A", paragraphs: 3)
    try folder.write("site/notes.txt", "not a page")
    try page("glob/x1.html", title: "X1")
    try page("glob/x2.html", title: "X2")
    let result = try scrape(["title.js", "site", "glob/x*.html", "one.html"])
    #expect(result.status == 0, "\(result.stderr)")
    let outputs = try lines(result.stdout)
    #expect(
      outputs.map { $0["input"] as? String } == ["site/b.html", "site/deeper/a.htm", "glob/x1.html", "glob/x2.html", "one.html"])
    #expect(outputs.map { ($0["result"] as? [String: Any])?["title"] as? String } == ["B", "A", "X1", "X2", "One"])
    #expect(outputs.map { ($0["result"] as? [String: Any])?["paragraphs"] as? Int } == [2, 3, 1, 1, 1])
  }

  @Test func aListOnStandardInputAndAFileURL() throws {
    try folder.write("title.js", Self.titleScript)
    try page("a.html", title: "A")
    try page("b.html", title: "B")
    let fileURL = folder.url.appendingPathComponent("b.html").absoluteString
    let result = try scrape(["title.js", "-"], input: "a.html\n\n# a comment\n\(fileURL)\n")
    #expect(result.status == 0, "\(result.stderr)")
    let outputs = try lines(result.stdout)
    #expect(outputs.map { $0["input"] as? String } == ["a.html", fileURL])
    #expect(outputs.map { ($0["result"] as? [String: Any])?["title"] as? String } == ["A", "B"])
  }

  @Test func twoWorkersStillWriteInInputOrder() throws {
    // Earlier inputs take longer, so with two workers they finish after later ones.
    try folder.write(
      "slow.mjs",
      """
      export default async (page, input) => {
        const n = Number(input.match(/(\\d+)/)[1]);
        await new Promise((resolve) => setTimeout(resolve, (6 - n) * 40));
        return n;
      };
      """)
    for n in 1...6 { try page("p\(n).html", title: "P\(n)") }
    let result = try scrape(["slow.mjs", "--concurrency", "2"] + (1...6).map { "p\($0).html" })
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try lines(result.stdout).map { $0["result"] as? Int } == [1, 2, 3, 4, 5, 6])
  }

  @Test func jsonAndCSVFormats() throws {
    try folder.write(
      "rows.js",
      """
      module.exports = async (page, input) => input === 'b.html'
        ? { title: await page.title(), tags: ['x', 'y'], extra: 1 }
        : { input, title: await page.title(), tags: null };
      """)
    try page("a.html", title: "A, \"quoted\"")
    try page("b.html", title: "B")
    let json = try scrape(["rows.js", "a.html", "b.html", "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    try #require(array.count == 2)
    #expect(array.map { $0["input"] as? String } == ["a.html", "b.html"])
    #expect((array[1]["result"] as? [String: Any])?["tags"] as? [String] == ["x", "y"])

    let csv = try scrape(["rows.js", "a.html", "b.html", "--format", "csv"])
    #expect(csv.status == 0)
    #expect(
      csv.stdout
        == "input,result.input,title,tags,error\r\na.html,a.html,\"A, \"\"quoted\"\"\",,\r\nb.html,,B,\"[\"\"x\"\",\"\"y\"\"]\",\r\n"
    )
    #expect(csv.stderr.contains("'extra' (from b.html)"), "one warning names the dropped field")

    // A first input that fails does not decide the columns: the first result does.
    let failedFirst = try scrape(["rows.js", "missing.html", "b.html", "--format", "csv"])
    #expect(failedFirst.status == 1)
    let rows = failedFirst.stdout.components(separatedBy: "\r\n")
    #expect(rows.first == "input,title,tags,extra,error")
    #expect(rows.dropFirst().first?.hasPrefix("missing.html,,,,") == true)
    #expect(rows.dropFirst(2).first == "b.html,B,\"[\"\"x\"\",\"\"y\"\"]\",1,")

    // A result that is not an object is one column, `result`.
    try folder.write("scalar.js", "module.exports = async (page, input) => input === 'a.html' ? page.title() : [1, 2];")
    let scalar = try scrape(["scalar.js", "a.html", "b.html", "--format", "csv"])
    #expect(scalar.stdout == "input,result,error\r\na.html,\"A, \"\"quoted\"\"\",\r\nb.html,\"[1,2]\",\r\n")
  }

  @Test func aBadInputAmongGoodOnesFailsAloneAndTheRunExitsOne() throws {
    try folder.write(
      "pick.js",
      """
      module.exports = async (page, input) => {
        if (input === 'throws.html') throw new TypeError('no price on ' + input);
        return page.title();
      };
      """)
    try page("good.html", title: "Good")
    try page("throws.html", title: "Throws")
    try Data([0x00, 0x01, 0x02, 0xFF]).write(to: folder.url.appendingPathComponent("binary.html"))
    try folder.write("empty.html", "")
    try folder.write("malformed.html", "<table><tr><td>cell<p>para</b></table></i><title>Still</title><<>")
    let result = try scrape([
      "pick.js", "missing.html", "good.html", "binary.html", "throws.html", "empty.html", "malformed.html",
    ])
    #expect(result.status == 1)
    let outputs = try lines(result.stdout)
    try #require(outputs.count == 6)
    let missing = try #require(outputs[0]["error"] as? [String: Any])
    #expect(missing["message"] as? String == "missing.html: cannot read the file (no such file)")
    #expect(outputs[1]["result"] as? String == "Good")
    #expect(((outputs[2]["error"] as? [String: Any])?["message"] as? String)?.contains("a binary file, not a page") == true)
    let thrown = try #require(outputs[3]["error"] as? [String: Any])
    #expect(thrown["message"] as? String == "no price on throws.html")
    #expect(thrown["location"] as? String == folder.url.appendingPathComponent("pick.js").path + ":2:38")
    #expect(outputs[4]["result"] as? String == "")
    #expect(outputs[5]["result"] as? String == "Still")
  }

  @Test func usageErrorsExitTwo() throws {
    try page("a.html", title: "A")
    try folder.write("none.mjs", "export const x = 1;")
    try folder.write("broken.js", "module.exports = async () => {")
    try folder.write("ok.js", "module.exports = async () => 1;")
    let cases: [([String], String)] = [
      (["none.mjs", "a.html"], "has no default export"),
      (["broken.js", "a.html"], "broken.js:1:31: SyntaxError: Unexpected end of input"),
      (["absent.js", "a.html"], "cannot read the script absent.js"),
      (["ok.js", "nothing*.html"], "no file matches nothing*.html"),
      (["ok.js"], "no inputs"),
      (["ok.js", "a.html", "--format", "xml"], "--format must be one of: jsonl, json, csv"),
      (["ok.js", "a.html", "--concurrency", "0"], "--concurrency must be at least 1"),
      (["ok.js", "a.html", "--timeout", "0"], "--timeout must be a positive number of seconds"),
      (["ok.js", "a.html", "--timeout", "nan"], "--timeout must be a positive number of seconds"),
      (["ok.js", "a.html", "--timeout", "inf"], "--timeout must be a positive number of seconds, at most 86400"),
      (["ok.js", "a.html", "--timeout", "1e300"], "--timeout must be a positive number of seconds, at most 86400"),
      (["ok.js", "a.html", "--timeout", "86401"], "--timeout must be a positive number of seconds, at most 86400"),
      (["ok.js", "a.html", "--cache-max-size", "9223372036854775807"], "--cache-max-size takes a number of MiB, 1 or more"),
    ]
    for (arguments, message) in cases {
      let result = try scrape(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stdout.isEmpty, "\(arguments)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
  }

  @Test func theTimeoutStopsARunawayScriptAndTheNextInputRuns() throws {
    try folder.write(
      "spin.js",
      """
      module.exports = async (page, input) => {
        if (input === 'loop.html') while (true) {}
        if (input === 'never.html') return new Promise(() => {});
        return page.title();
      };
      """)
    for name in ["loop", "never", "after"] { try page("\(name).html", title: name) }
    let started = ContinuousClock.now
    let result = try scrape(["spin.js", "loop.html", "never.html", "after.html", "--timeout", "1"])
    #expect(ContinuousClock.now - started < .seconds(8))
    #expect(result.status == 1)
    let outputs = try lines(result.stdout)
    try #require(outputs.count == 3)
    #expect(
      (outputs[0]["error"] as? [String: Any])?["message"] as? String
        == "loop.html: timed out after 1 s (--timeout) waiting for the script's result")
    #expect(
      (outputs[1]["error"] as? [String: Any])?["message"] as? String
        == "never.html: the script's promise never settled: nothing was left to run that could settle it (the page has no task, timer or request left: a wait with no timeout, or a promise nothing resolves)"
    )
    #expect(outputs[2]["result"] as? String == "after")
  }

  /// A page script that never returns is stopped after `--timeout` when that is under the 10 s
  /// task limit, and fails its input, while loading or in a timer after `load`.
  @Test func aPageScriptStuckInALoopFailsItsInputAtTheTimeout() throws {
    try folder.write("title.js", Self.titleScript)
    try folder.write("inline.html", "<title>inline</title><script>while (true) {}</script><p>after")
    try folder.write(
      "timer.html",
      "<title>timer</title><script>addEventListener('load', () => setTimeout(() => { while (true) {} }, 100));</script>")
    try page("fine.html", title: "fine")
    let result = try scrape(["title.js", "inline.html", "timer.html", "fine.html", "--timeout", "2"])
    #expect(result.status == 1)
    let outputs = try lines(result.stdout)
    try #require(outputs.count == 3)
    for (output, name) in zip(outputs.prefix(2), ["inline.html", "timer.html"]) {
      let message = try #require((output["error"] as? [String: Any])?["message"] as? String, "\(output)")
      #expect(message.hasPrefix("\(name): timed out after 2 s (--timeout) waiting for the page to reach idle; at "), "\(message)")
      #expect(
        message.hasSuffix(
          "the page's script ran for more than 2 s without returning to the event loop and was stopped (taskTimeout)"))
    }
    #expect((outputs[2]["result"] as? [String: Any])?["title"] as? String == "fine")
  }

  @Test func theScriptsConsoleGoesToStandardError() throws {
    try folder.write(
      "talk.js", "module.exports = async (page) => { console.log('working on', page.url()); console.error('note'); return 1; };")
    try page("a.html", title: "A")
    let result = try scrape(["talk.js", "a.html"])
    #expect(result.status == 0)
    #expect(result.stdout == "{\"input\":\"a.html\",\"result\":1}\n")
    #expect(result.stderr.contains("working on file://"))
    #expect(result.stderr.contains("note\n"))
  }

  /// `--console` prints the pages' console messages on stderr, each naming its input; without
  /// it nothing of the pages' console is printed.
  @Test func consolePrintsThePagesConsoleMessages() throws {
    try folder.write("title.js", Self.titleScript)
    try folder.write("talk.html", "<title>talk</title><script>console.log('hello', 1);\nconsole.warn('careful');</script>")
    let quiet = try scrape(["title.js", "talk.html"])
    #expect(quiet.status == 0, "\(quiet.stderr)")
    #expect(!quiet.stderr.contains("console."))
    let loud = try scrape(["title.js", "talk.html", "--console"])
    #expect(loud.status == 0, "\(loud.stderr)")
    let path = folder.url.appendingPathComponent("talk.html").absoluteString
    #expect(loud.stderr.contains("talk.html: console.log: hello 1 (\(path):1:36)\n"), "\(loud.stderr)")
    #expect(loud.stderr.contains("talk.html: console.warning: careful (\(path):2:9)\n"), "\(loud.stderr)")
  }

  /// A page that asks to navigate to another document gets one warning naming its input, the URL
  /// and how; its result is still the first document's.
  @Test func aNavigationThePageAsksForIsNotFollowedAndSaysSo() throws {
    try folder.write("title.js", Self.titleScript)
    try folder.write(
      "script.html", "<title>script</title><script>location.href = 'next.html'; location.assign('again.html');</script>")
    try folder.write("refresh.html", "<title>refresh</title><meta http-equiv=refresh content='5; url=later.html'>")
    // A click on a link: to a fragment of the page at once (hashchange), elsewhere warned about.
    try folder.write(
      "link.html",
      "<title>link</title><a id=here href='#part'>part</a><a href='next.html'><span id=inside>next</span></a>"
        + "<script>addEventListener('hashchange', () => { document.title += ' ' + location.hash; }); here.click(); inside.click();</script>"
    )
    try page("still.html", title: "still")
    let result = try scrape(["title.js", "script.html", "refresh.html", "link.html", "still.html"])
    #expect(result.status == 0, "\(result.stderr)")
    let outputs = try lines(result.stdout)
    #expect(
      outputs.map { ($0["result"] as? [String: Any])?["title"] as? String } == ["script", "refresh", "link #part", "still"])
    let base = folder.url.appendingPathComponent("x").absoluteString.dropLast()
    let warnings = result.stderr.split(separator: "\n").filter { $0.contains("asked to navigate") }
    #expect(
      warnings == [
        "script.html: the page asked to navigate to \(base)next.html (a script set location) while it loaded; caper scrape does not follow a page's own navigations before the script runs: the result is from the first document",
        "refresh.html: the page asked to navigate to \(base)later.html (<meta http-equiv=refresh> after 5 s) while it loaded; caper scrape does not follow a page's own navigations before the script runs: the result is from the first document",
        "link.html: the page asked to navigate to \(base)next.html (a link was followed) while it loaded; caper scrape does not follow a page's own navigations before the script runs: the result is from the first document",
      ])
  }

  /// With `--no-scripts` the parser's scripting flag is off: `<noscript>` content is markup.
  @Test func noScriptsParsesNoscriptAsMarkup() throws {
    try folder.write("count.js", "module.exports = async (page) => page.$$eval('noscript p', (found) => found.length);")
    try folder.write("ns.html", "<body><noscript><p>Enable JavaScript</p></noscript>")
    let off = try scrape(["count.js", "ns.html", "--no-scripts"])
    #expect(off.stdout == "{\"input\":\"ns.html\",\"result\":1}\n", "\(off.stderr)")
    let on = try scrape(["count.js", "ns.html"])
    #expect(on.stdout == "{\"input\":\"ns.html\",\"result\":0}\n", "\(on.stderr)")
  }

  @Test func thePageAPIEvaluatesInThePage() throws {
    try folder.write(
      "api.js",
      """
      module.exports = async (page) => ({
        sum: await page.evaluate(([a, b]) => a + b, [2, 3]),
        expression: await page.evaluate('document.querySelectorAll("li").length'),
        node: await page.evaluate(() => document.body),
        texts: await page.$$eval('li', (items, suffix) => items.map((li) => li.textContent + suffix), '!'),
        first: await page.$eval('li', (li) => li.id),
        missing: await page.$eval('.none', () => 1).catch((e) => e.message),
        thrown: await page.evaluate(() => { throw new RangeError('in the page'); }).catch((e) => e.message),
        special: await page.evaluate(() => [NaN, -0, new Date(0)]).then(([n, z, d]) => [Number.isNaN(n), Object.is(z, -0), d.toISOString()]),
        direct: page.document.querySelector('li:last-child').textContent,
        status: page.response(),
        elements: await page.$$('li').then(async (items) => [items instanceof Array, (await Promise.all(items.map((li) => li.getAttribute('id')))).join()]),
        pushed: await page.evaluate(() => { Array.prototype.map = () => ['forged']; history.pushState(null, '', '#/b'); }).then(() => page.url()),
      });
      """)
    try folder.write("list.html", "<ul><li id=first>one<li>two</ul>")
    let result = try scrape(["api.js", "list.html"])
    #expect(result.status == 0, "\(result.stderr)")
    let value = try #require(try lines(result.stdout).first?["result"] as? [String: Any])
    #expect(value["sum"] as? Int == 5)
    #expect(value["expression"] as? Int == 2)
    #expect(value["node"] as? String == "ref: <Node>")
    #expect(value["texts"] as? [String] == ["one!", "two!"])
    #expect(value["first"] as? String == "first")
    #expect(value["missing"] as? String == "page.$eval: Failed to find element matching selector \".none\"")
    #expect(value["thrown"] as? String == "page.evaluate: RangeError: in the page")
    #expect(value["special"] as? NSArray == [true, true, "1970-01-01T00:00:00.000Z"] as NSArray)
    #expect(value["direct"] as? String == "two")
    #expect(value["status"] is NSNull, "a file has no response")
    #expect(value["elements"] as? NSArray == [true, "first,"] as NSArray, "an array of the script's realm")
    #expect((value["pushed"] as? String)?.hasSuffix("/list.html#/b") == true, "the URL after pushState")
  }

  @Test func aMetaCharsetDecodesAFile() throws {
    try folder.write("title.js", Self.titleScript)
    let bytes = Array("<meta charset=windows-1252><title>caf".utf8) + [0xE9] + Array("</title>".utf8)
    try Data(bytes).write(to: folder.url.appendingPathComponent("legacy.html"))
    let result = try scrape(["title.js", "legacy.html"])
    #expect((try lines(result.stdout).first?["result"] as? [String: Any])?["title"] as? String == "café")
  }

  @Test func urlsOnALoopbackServer() throws {
    let server = try TestServer.shared.get()
    try folder.write(
      "fetch.js",
      """
      module.exports = async (page) => ({
        url: page.url(), status: page.response().status(), type: page.response().headers()['content-type'] ?? null,
        text: page.document.body.textContent.slice(0, 20),
      });
      """)
    let result = try scrape([
      "fetch.js", server.url("/page"), server.url("/missing"), server.url("/redirect/302?to=/page"), server.url("/gzip"),
      server.url("/charset"), server.refusingURL, server.url("/slow?seconds=4"), "--timeout", "1",
    ])
    #expect(result.status == 1)
    let outputs = try lines(result.stdout)
    try #require(outputs.count == 7)
    let values = outputs.map { $0["result"] as? [String: Any] }
    #expect(values[0]?["status"] as? Int == 200)
    #expect(values[0]?["text"] as? String == "Hello from the test ")
    #expect(values[1]?["status"] as? Int == 404, "a 404 is still parsed")
    #expect(values[1]?["text"] as? String == "no such page")
    #expect(values[2]?["url"] as? String == server.url("/page"), "redirects are followed")
    #expect(values[3]?["text"] as? String == "compressed compresse")
    #expect(values[4]?["text"] as? String == "café", "the Content-Type charset decodes the page")
    #expect(values[4]?["type"] as? String == "text/plain; charset=\"ISO-8859-1\"")
    #expect(((outputs[5]["error"] as? [String: Any])?["message"] as? String)?.hasSuffix("connection refused") == true)
    #expect(((outputs[6]["error"] as? [String: Any])?["message"] as? String)?.contains("timed out") == true)
  }

  /// The document's own response sets cookies (on a redirect hop, then the page's) as a browser
  /// stores them: the page reads the non-HttpOnly ones and its next fetch sends them all.
  @Test func theDocumentsSetCookieIsStoredAndSentOnEveryHop() throws {
    let server = try TestServer.shared.get()
    try folder.write(
      "cookies.js",
      """
      module.exports = async (page) => page.evaluate(async () => {
        const echo = await (await fetch('/echo')).json();
        const sent = echo.headers.filter(([name]) => name.toLowerCase() === 'cookie').map(([, value]) => value);
        return { cookie: document.cookie, sent };
      });
      """)
    let target = "/set-cookie?c=sid%3Dabc%3B%20Path%3D%2F&c=token%3Dsecret%3B%20Path%3D%2F%3B%20HttpOnly"
    let first = "/set-cookie?c=hop%3D1%3B%20Path%3D%2F&to=" + target.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    let result = try scrape(["cookies.js", server.url(first), server.url("/page")])
    #expect(result.status == 0, "\(result.stderr)")
    let outputs = try lines(result.stdout)
    try #require(outputs.count == 2)
    let value = try #require(outputs[0]["result"] as? [String: Any], "\(outputs[0])")
    #expect(value["cookie"] as? String == "hop=1; sid=abc")
    #expect(value["sent"] as? [String] == ["hop=1; sid=abc; token=secret"])
    let other = try #require(outputs[1]["result"] as? [String: Any], "\(outputs[1])")
    #expect(other["cookie"] as? String == "", "each input has its own cookie jar")
    #expect(other["sent"] as? [String] == [])
  }

  @Test func tlsFailsUnlessIgnoreHTTPSErrors() throws {
    let server = try TestServer.secure.get()
    try folder.write("title.js", Self.titleScript)
    let url = server.secureURL("/page")
    let refused = try scrape(["title.js", url])
    #expect(refused.status == 1)
    let message = try #require((try lines(refused.stdout).first?["error"] as? [String: Any])?["message"] as? String)
    #expect(message.contains("TLS failure") && message.contains("--ignore-https-errors"))
    for flag in ["--ignore-https-errors", "--insecure"] {
      let accepted = try scrape(["title.js", url, flag])
      #expect(accepted.status == 0, "\(flag): \(accepted.stdout)")
      #expect((try lines(accepted.stdout).first?["result"] as? [String: Any])?["title"] as? String == "Caper")
    }
  }
}
