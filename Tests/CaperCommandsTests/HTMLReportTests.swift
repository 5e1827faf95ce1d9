import Foundation
import Runtime
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// The `html` report, checked in a real browser: headless Chromium (Debian's `chromium`, which
/// the test command installs) loads the file with a view in its URL fragment and the test reads
/// the DOM the page's script built.
///
/// A Chromium crash is retried once; an assertion never is.
@Suite struct HTMLReportTests {
  static let feature = """
    @shop
    Feature: Shopping cart
      Customers put products in a cart.

      @smoke
      Scenario: Adding a product
        Given an empty cart
        When I add "Tea" to the cart
        Then the cart holds 1 product

      Scenario: Paying with a declined card
        Given an empty cart
        When I pay with a card
        Then I see "Payment declined"

      Rule: Discounts
        Scenario: Unknown code
          Given an empty cart
          When I apply a code nobody wrote
    """

  static let steps = """
    const { Given, When, Then } = require('@cucumber/cucumber');
    const assert = require('assert');
    Given('an empty cart', function () { this.cart = []; });
    When('I add {string} to the cart', function (p) { this.cart.push(p); this.attach(JSON.stringify({ cart: this.cart }), 'application/json'); });
    Then('the cart holds {int} product', function (n) { assert.strictEqual(this.cart.length, n); });
    When('I pay with a card', function () {
      this.log('paying</script><b>not markup</b>');
      this.attach(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'), 'image/png');
    });
    Then('I see {string}', function (t) { assert.strictEqual('Payment accepted', t); });
    """

  /// Writes the project, runs it with the html report, and returns the report's path.
  static func report(feature: String = feature, steps: String = steps) throws -> (folder: TemporaryDirectory, path: String) {
    let project = try TemporaryDirectory()
    _ = try project.write("features/shop.feature", feature)
    _ = try project.write("features/steps.js", steps)
    _ = try CaperBinary.run(["run", "--no-cache", "--format", "html:reports/report.html"], directory: project.url)
    return (project, project.url.appendingPathComponent("reports/report.html").path)
  }

  /// The DOM headless Chromium builds for `path` with `fragment`.
  static func dom(_ path: String, fragment: String = "") throws -> String {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    let browser = try #require(chromium, "chromium is not installed (Support/scripts/test installs it)")
    for attempt in 0..<2 {
      let profile = FileManager.default.temporaryDirectory.appendingPathComponent("caper-chromium-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: profile) }
      let result = try ChildProcess.run(
        URL(fileURLWithPath: "/usr/bin/timeout"),
        [
          "-k", "5", "60", browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--user-data-dir=\(profile.path)", "--virtual-time-budget=10000", "--dump-dom", "file://\(path)\(fragment)",
        ])
      let html = String(decoding: result.stdout, as: UTF8.self)
      if result.status == 0 && html.contains("</html>") { return html }
      if attempt == 1 { Issue.record("chromium failed twice: \(String(decoding: result.stderr, as: UTF8.self).suffix(800))") }
    }
    return ""
  }

  @Test func aFailingRunWithAttachments() throws {
    let (project, path) = try Self.report()
    defer { withExtendedLifetime(project) {} }
    let file = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!file.contains("http://") && !file.contains("https://"), "self-contained: nothing is fetched")
    let html = try Self.dom(path)
    #expect(html.contains("<h1 id=\"title\">Failed</h1>"))
    #expect(html.contains("3 scenarios (1 passed, 1 failed, 1 undefined)"))
    #expect(html.contains("Feature: Shopping cart"))
    #expect(html.contains("Rule: Discounts"))
    #expect(html.contains("AssertionError"))
    #expect(html.contains("data:image/png;base64,iVBORw0KGgo"), "the image inline")
    #expect(html.contains("paying&lt;/script&gt;&lt;b&gt;not markup&lt;/b&gt;"), "text attachments stay text")
    #expect(html.contains("&quot;cart&quot;") || html.contains("\"cart\""), "JSON attachments shown")
    #expect(html.contains("Slowest scenarios"))
    #expect(html.contains("When('I apply a code nobody wrote', function () {"), "the undefined step's snippet")
  }

  @Test func filteredViewsFromTheURLFragment() throws {
    let (project, path) = try Self.report()
    defer { withExtendedLifetime(project) {} }
    let failed = try Self.dom(path, fragment: "#status=failed")
    #expect(failed.contains("Paying with a declined card"))
    #expect(!failed.contains("Scenario: Adding a product"))
    #expect(failed.contains("1 of 3 shown"))
    let tagged = try Self.dom(path, fragment: "#tag=@smoke")
    #expect(tagged.contains("Scenario: Adding a product") && !tagged.contains("Scenario: Unknown code"))
    let searched = try Self.dom(path, fragment: "#q=nobody%20wrote")
    #expect(searched.contains("Scenario: Unknown code") && !searched.contains("Scenario: Paying with"))
    let none = try Self.dom(path, fragment: "#status=passed&q=declined")
    #expect(none.contains("No scenario matches this view."))
  }

  @Test func aPassingRun() throws {
    let (project, path) = try Self.report(
      feature: "Feature: Calm\n  Scenario: Fine\n    Given an empty cart\n",
      steps: "const { Given } = require('@cucumber/cucumber');\nGiven('an empty cart', () => {});\n")
    defer { withExtendedLifetime(project) {} }
    let html = try Self.dom(path)
    #expect(html.contains("<h1 id=\"title\">Passed</h1>"))
    #expect(html.contains("1 scenario (1 passed)"))
  }

  @Test func aThousandScenarios() throws {
    let examples = (1...1000).map { "      | \($0) |" }.joined(separator: "\n")
    let (project, path) = try Self.report(
      feature: "Feature: Many\n  Scenario Outline: number <n>\n    Given number <n>\n    Examples:\n      | n |\n\(examples)\n",
      steps:
        "const { Given } = require('@cucumber/cucumber');\nGiven('number {int}', (n) => { if (n === 500) throw new Error('five hundred'); });\n"
    )
    defer { withExtendedLifetime(project) {} }
    let html = try Self.dom(path, fragment: "#status=failed")
    #expect(html.contains("1000 scenarios (999 passed, 1 failed)"))
    #expect(html.contains("1 of 1000 shown"))
    #expect(html.contains("five hundred"))
  }
}
