import CLibXML2
import Formatters
import Foundation
import Messages
import Testing
import _CaperTestSupport

/// A step that fails while a Playwright page is open carries the page's URL, its HTML snapshot
/// and its console (the runner's `attachEvidence`): every report shows them, none dumps the HTML.
@Suite struct FailureEvidenceTests {
  static let url = "http://127.0.0.1:9/cart"
  static let html =
    "<!DOCTYPE html><html><head><title>Cart</title></head><body><h1>Your cart is empty</h1>"
    + "<script>console.log('CAPER-SNAPSHOT-SCRIPT-RAN'); document.title = 'ran'</script><!-- <script> --></body></html>"
  static let console = "console.error: out of stock (http://127.0.0.1:9/cart.js:3)\npage error: TypeError: x is undefined"

  /// Three steps, the second failing with the evidence attached to it.
  static var stream: [Envelope] {
    let evidence = [
      Attachment(body: url, contentEncoding: .identity, mediaType: "text/uri-list"),
      Attachment(body: html, contentEncoding: .identity, fileName: "page \(url).html", mediaType: "text/html"),
      Attachment(body: console, contentEncoding: .identity, fileName: "console \(url).txt", mediaType: "text/plain"),
    ]
    // The html page lists scenarios under their feature.
    let feature = Feature(
      location: Location(line: 1), tags: [], language: "en", keyword: "Feature", name: "Cart", description: "", children: [])
    var envelopes: [Envelope] = [.gherkinDocument(GherkinDocument(uri: "f.feature", feature: feature, comments: []))]
    for envelope in ProgressFormatterTests.stream([.passed, .failed, .skipped]) {
      if case .testStepFinished(let finished) = envelope, finished.testStepId == "s1" {
        envelopes += evidence.map { attachment in
          var attachment = attachment
          attachment.testCaseStartedId = "cs"
          attachment.testStepId = "s1"
          return .attachment(attachment)
        }
      }
      envelopes.append(envelope)
    }
    return envelopes
  }

  func render(_ name: String = "out.txt", _ make: (FormatterOutput) -> Formatters.Formatter) throws -> String {
    let folder = try TemporaryDirectory()
    let path = folder.url.appendingPathComponent(name).path
    let formatter = make(try FormatterOutput.file(path))
    Self.stream.forEach(formatter.handle)
    try formatter.finish()
    return try String(contentsOfFile: path, encoding: .utf8)
  }

  static let named = [
    "      \(url)",
    "      Embedding page \(url).html [text/html \(html.utf8.count) bytes]",
    "      Embedding console \(url).txt [text/plain \(console.utf8.count) bytes]",
  ]

  @Test func prettyNamesThemUnderTheFailingStep() throws {
    let text = try render { PrettyFormatter(output: $0, colors: false) }
    let scenario = try #require(text.components(separatedBy: "\n\n").first { $0.contains("Scenario: S") })
    #expect(
      scenario.contains(
        "    ✖ step 1 # steps.js:7\n" + Self.named.joined(separator: "\n") + "\n      Error: boom\n"))
    #expect(!text.contains("Your cart is empty") && !text.contains("out of stock"), "no body dumped")
  }

  @Test func summaryListsThemInTheFailure() throws {
    let text = try render { SummaryFormatter(output: $0) }
    let indented = Self.named.map { " " + $0 }.joined(separator: "\n")
    #expect(
      text.contains(
        "1) Scenario: S # f.feature:2\n   ✖ Step: step 1 # steps.js:7\n       Error: boom\n           at steps.js:8:9\n"
          + indented + "\n"))
    #expect(!text.contains("Your cart is empty"))
  }

  @Test func junitPutsTheURLAndConsoleInSystemOut() throws {
    let xml = try render("junit.xml") { JUnitFormatter(output: $0) }
    #expect(try JUnitFormatterTests.validate(xml) == [])
    let out = try #require(xml.range(of: "<system-out><![CDATA[").map { String(xml[$0.upperBound...]) })
    #expect(
      out.hasPrefix(
        "step 0" + String(repeating: ".", count: 70) + "passed\nstep 1" + String(repeating: ".", count: 70)
          + "failed\nstep 2" + String(repeating: ".", count: 70) + "skipped\n\n\(Self.url)\n"
          + "Embedding page \(Self.url).html [text/html \(Self.html.utf8.count) bytes]\n"
          + "console \(Self.url).txt:\n  console.error: out of stock (http://127.0.0.1:9/cart.js:3)\n"
          + "  page error: TypeError: x is undefined]]></system-out>"))
    #expect(!xml.contains("Your cart is empty"))
  }

  @Test func jsonEmbedsThemOnTheStep() throws {
    let text = try render("cucumber.json") { JSONFormatter(output: $0) }
    let features = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    let steps = try #require((features.first?["elements"] as? [[String: Any]])?.first?["steps"] as? [[String: Any]])
    #expect(steps[0]["embeddings"] == nil && steps[2]["embeddings"] == nil)
    let embeddings = try #require(steps[1]["embeddings"] as? [[String: String]])
    #expect(
      embeddings == [
        ["data": Data(Self.url.utf8).base64EncodedString(), "mime_type": "text/uri-list"],
        [
          "data": Data(Self.html.utf8).base64EncodedString(), "mime_type": "text/html", "name": "page \(Self.url).html",
        ],
        [
          "data": Data(Self.console.utf8).base64EncodedString(), "mime_type": "text/plain",
          "name": "console \(Self.url).txt",
        ],
      ])
  }

  /// Headless Chromium (Debian's `chromium`, as `HTMLReportTests` in CaperCommandsTests drives
  /// it) loads the report: its dumped DOM and, from its log, whether the snapshot's script ran.
  static func chromium(_ path: String) throws -> (dom: String, log: String) {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    let browser = try #require(chromium, "chromium is not installed (Support/scripts/test installs it)")
    for attempt in 0..<2 {
      let profile = try TemporaryDirectory()
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
      process.arguments = [
        "-k", "5", "60", browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--user-data-dir=\(profile.url.path)", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
        "--dump-dom", "file://\(path)",
      ]
      let stdout = profile.url.appendingPathComponent("dom.html")
      let stderr = profile.url.appendingPathComponent("log.txt")
      try Data().write(to: stdout)
      try Data().write(to: stderr)
      process.standardOutput = try FileHandle(forWritingTo: stdout)
      process.standardError = try FileHandle(forWritingTo: stderr)
      try process.run()
      process.waitUntilExit()
      let dom = try String(contentsOf: stdout, encoding: .utf8)
      let log = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
      if process.terminationStatus == 0 && dom.contains("</html>") { return (dom, log) }
      if attempt == 1 { Issue.record("chromium failed twice: \(log.suffix(800))") }
    }
    return ("", "")
  }

  @Test func htmlShowsTheSnapshotInASandboxedFrameAndTheConsoleAsText() throws {
    let folder = try TemporaryDirectory()
    let path = folder.url.appendingPathComponent("report.html").path
    let formatter = HTMLFormatter(output: try FormatterOutput.file(path))
    Self.stream.forEach(formatter.handle)
    try formatter.finish()
    let file = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!file.contains("<!-- <script>"), "a snapshot cannot put the report's script in escaped state")
    let (dom, log) = try Self.chromium(path)
    #expect(dom.contains("<h1 id=\"title\">Failed</h1>"), "the report's own script ran to the end")
    // Collapsed, titled with the URL; sandboxed without allow-scripts.
    #expect(dom.contains("<details class=\"snapshot\"><summary title=\"page \(Self.url).html\">\(Self.url)</summary>"))
    #expect(
      dom.contains("<iframe sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"\(Self.url)\" srcdoc=\"&lt;!DOCTYPE html&gt;"))
    #expect(dom.contains("&lt;h1&gt;Your cart is empty&lt;/h1&gt;"), "the snapshot is the frame's document")
    #expect(
      dom.contains(
        "<div class=\"muted\">console \(Self.url).txt</div><pre>console.error: out of stock (http://127.0.0.1:9/cart.js:3)\npage error: TypeError: x is undefined</pre>"
      ))
    #expect(dom.contains("<a href=\"\(Self.url)\">\(Self.url)</a>"))
    #expect(log.contains("about:srcdoc"), "the frame loaded (Chromium logs its blocked script)")
    #expect(!log.contains("CAPER-SNAPSHOT-SCRIPT-RAN"), "no script runs in the snapshot")
  }
}
