import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// `caper scrape` over bad and hostile inputs, as the user runs it: each bad input gets a clear
/// error (or page error) naming its URL and the rest of the run goes on; a hostile page, saved or
/// served on the loopback, reaches no file, process, environment, other origin or other input.
@Suite struct ScrapeBadInputTests {
  let folder: TemporaryDirectory
  init() throws { folder = try TemporaryDirectory() }

  /// `python3 -m http.server` over the test's folder on 127.0.0.1 (static files, as saved pages
  /// are served), stopped with the test.
  final class StaticServer {
    /// Why the server did not start.
    struct StartFailure: Error, CustomStringConvertible {
      let description: String
    }

    private let process = Process()
    let port: Int

    init(folder: URL) throws {
      let output = Pipe()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path]
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      var line = ""
      while !line.contains(")") {
        let chunk = output.fileHandleForReading.availableData
        guard !chunk.isEmpty else { throw StartFailure(description: "http.server printed no port") }
        line += String(decoding: chunk, as: UTF8.self)
      }
      guard let match = line.firstMatch(of: /port (\d+)/), let port = Int(match.1) else {
        throw StartFailure(description: "http.server printed no port: \(line)")
      }
      self.port = port
    }

    deinit {
      // SIGKILL: the test runner's children may inherit SIGTERM ignored.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }

    func url(_ path: String, host: String = "127.0.0.1") -> String { "http://\(host):\(port)/\(path)" }
  }

  func scrape(_ arguments: [String]) throws -> ProcessResult {
    try CaperBinary.run(
      ["scrape"] + arguments, environment: ["CAPER_CACHE_DIR": folder.url.appendingPathComponent(".cache").path],
      directory: folder.url)
  }

  func lines(_ output: String) throws -> [[String: Any]] {
    try output.split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
    }
  }

  static func error(_ output: [String: Any]) -> String { (output["error"] as? [String: Any])?["message"] as? String ?? "" }

  @Test func eachBadInputFailsAloneWithItsURLAndTheRunGoesOn() throws {
    let server = try TestServer.shared.get()
    let secure = try TestServer.secure.get()
    let site = try StaticServer(folder: folder.url)
    try folder.write(
      "report.js",
      """
      module.exports = async (page) => ({
        status: page.response() === null ? null : page.response().status(),
        log: await page.evaluate(() => window.log ?? null),
      });
      """)
    try folder.write(
      "scripts.html",
      """
      <!doctype html><script>window.log = [];</script>
      <script src="missing.js" onerror="log.push('error event')"></script>
      <script>this is not javascript (</script>
      <script>log.push('went on');</script>
      """)
    try folder.write(
      "loop.html",
      "<!doctype html><script>window.log = ['before'];</script><script>\nwhile (true) {}\n</script><script>log.push('after');</script>"
    )
    try folder.write(
      "navigate.html",
      """
      <!doctype html><script>
      window.log = ['loaded'];
      let count = 0;
      const again = () => { location.assign(location.href); if (++count < 500) setTimeout(again, 0); };
      again();
      addEventListener('load', () => location.reload());
      </script>
      """)
    // 100 MB, past the 64 MB Caper keeps of one response.
    FileManager.default.createFile(atPath: folder.url.appendingPathComponent("big.html").path, contents: nil)
    let big = try FileHandle(forWritingTo: folder.url.appendingPathComponent("big.html"))
    let block = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
    for _ in 0..<100 { big.write(block) }
    try big.close()
    let inputs = [
      server.refusingURL, "http://caper-no-such-host.invalid/", secure.secureURL("/page"), server.url("/missing"),
      server.url("/redirect/500?to=/page"), server.url("/loop"), site.url("scripts.html"), site.url("loop.html"),
      site.url("big.html"), site.url("navigate.html"),
    ]
    let result = try scrape(["report.js"] + inputs)
    #expect(result.status == 1, "some inputs failed")
    let outputs = try lines(result.stdout)
    try #require(outputs.count == inputs.count, "\(result.stdout)\n\(result.stderr)")
    #expect(outputs.map { $0["input"] as? String } == inputs)
    #expect(Self.error(outputs[0]) == "\(server.refusingURL): connection refused")
    #expect(Self.error(outputs[1]).hasPrefix("http://caper-no-such-host.invalid/: "))
    #expect(Self.error(outputs[2]).hasPrefix(secure.secureURL("/page") + ": TLS failure"))
    let values = outputs.map { $0["result"] as? [String: Any] }
    #expect(values[3]?["status"] as? Int == 404, "a 404 page is loaded, its status exposed")
    #expect(values[4]?["status"] as? Int == 500, "a 500 page is loaded, its status exposed")
    #expect(Self.error(outputs[5]) == "\(server.url("/loop")): more than 20 redirects")
    #expect(values[6]?["log"] as? [String] == ["error event", "went on"], "a 404 script fires error; a syntax error goes on")
    #expect(result.stderr.contains("\(site.url("scripts.html")): page error: \(site.url("scripts.html")):3:"))
    #expect(result.stderr.contains("SyntaxError"))
    #expect(values[7]?["log"] as? [String] == ["before", "after"], "the endless loop was stopped, the page went on")
    #expect(result.stderr.contains("\(site.url("loop.html")): page error: \(site.url("loop.html")):2:"))
    #expect(
      Self.error(outputs[8])
        == "\(site.url("big.html")): the response body is larger than 64 MB, the most Caper keeps of one response")
    #expect(values[9]?["log"] as? [String] == ["loaded"], "a page navigating itself over and over still settles")
  }

  /// A page that timed out with its own fetch still in flight is closed: the late response, arriving
  /// while the next input loads, touches nothing of it (it crashed the run once).
  @Test func aLateResponseOfATimedOutPageLeavesTheNextInputAlone() throws {
    let server = try TestServer.shared.get()
    let site = try StaticServer(folder: folder.url)
    try folder.write("title.js", "module.exports = async (page) => page.title();")
    try folder.write("slow.html", "<title>slow</title><script>fetch('\(server.url("/slow?seconds=3"))');</script>")
    try folder.write("next.html", "<title>next</title><script>fetch('\(server.url("/slow?seconds=2"))');</script>")
    try folder.write("plain.html", "<title>next</title>")
    let result = try scrape(["title.js", site.url("slow.html"), site.url("next.html"), "plain.html", "--timeout", "1.5"])
    #expect(result.status == 1, "\(result.stderr)")
    let outputs = try lines(result.stdout)
    try #require(outputs.count == 3, "\(result.stdout)\n\(result.stderr)")
    #expect(Self.error(outputs[0]).contains("timed out"))
    #expect(Self.error(outputs[1]).contains("timed out"))
    #expect(outputs[2]["result"] as? String == "next")
  }

  @Test func aHostilePageSavedOrServedReachesNothingItMayNot() throws {
    let site = try StaticServer(folder: folder.url)
    try folder.write("secret.txt", "the secret")
    let hostile = """
      <!doctype html><title>hostile</title><script>
      window.found = [];
      const tries = [
        () => fetch('file:///etc/passwd').then((r) => r.text()),
        () => fetch('\(folder.url.appendingPathComponent("secret.txt").absoluteString)').then((r) => r.text()),
        () => fetch('\(site.url("secret.txt", host: "localhost"))', { credentials: 'include' }).then((r) => r.text()),
        () => new Promise((resolve, reject) => {
          const x = new XMLHttpRequest();
          x.open('GET', 'file:///etc/hostname');
          x.onload = () => resolve(x.responseText);
          x.onerror = () => reject(new TypeError('xhr'));
          x.send();
        }),
      ];
      (async () => {
        for (const attempt of tries) {
          try { found.push('read: ' + String(await attempt()).slice(0, 20)); } catch (e) { found.push('refused'); }
        }
        found.push(typeof process, typeof require, typeof Buffer);
        document.cookie = 'planted=1';
        localStorage.setItem('planted', 'yes');
      })();
      </script>
      """
    try folder.write("hostile.html", hostile)
    try folder.write("read.html", "<!doctype html><title>reader</title>")
    try folder.write(
      "inspect.js",
      """
      module.exports = async (page) => ({
        found: await page.evaluate(() => window.found ?? null),
        cookie: await page.evaluate(() => document.cookie),
        storage: await page.evaluate(() => localStorage.getItem('planted')),
      });
      """)
    let before = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    let inputs = ["hostile.html", site.url("hostile.html"), site.url("read.html")]
    let result = try scrape(["inspect.js"] + inputs)
    #expect(result.status == 0, "\(result.stderr)")
    let values = try lines(result.stdout).map { $0["result"] as? [String: Any] }
    try #require(values.count == 3)
    let refused = ["refused", "refused", "refused", "refused", "undefined", "undefined", "undefined"]
    #expect(values[0]?["found"] as? [String] == refused, "the saved page")
    #expect(values[1]?["found"] as? [String] == refused, "the served page")
    #expect(values[1]?["cookie"] as? String == "planted=1", "its own cookie it keeps")
    #expect(values[2]?["cookie"] as? String == "", "another input is another browser context")
    #expect(values[2]?["storage"] is NSNull)
    let after = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0 != ".cache" }.sorted()
    #expect(after == before.filter { $0 != ".cache" }, "no file written")
  }
}
