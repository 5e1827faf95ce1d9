import Foundation
import Testing
import _CaperTestSupport

/// The DOM runtime's files under Debian's node 18, loaded as a page realm loads them, by the node-run test scripts in
/// `Tests/BrowserTests/JavaScript` (their own harness: trees built without the Swift parser, hostile built-ins, the selectors'
/// Level 4 cases).
///
/// Each script exits non-zero on any failure and prints what failed; those of `summarized` end
/// with "N passed, 0 failed". Also the Web API scripts' own cases (FormData, the layout-free CSSOM
/// View members, the forms scripts, the keyboard and text editing, Playwright's selector engine,
/// ARIA roles and accessible names, locator evaluation, XPath), run the same way.
@Suite struct DOMRuntimeNodeScriptTests {
  static let scripts = [
    "dom-tests.js", "selectors-wpt.js", "selectors-level4.js", "form-data-tests.js", "geometry-tests.js", "forms-tests.js",
    "keyboard-tests.js", "playwright-selectors-tests.js", "aria-tests.js", "locator-evaluation-tests.js", "xpath-tests.js",
  ]
  static let summarized: Set = [
    "dom-tests.js", "form-data-tests.js", "geometry-tests.js", "forms-tests.js", "keyboard-tests.js",
    "playwright-selectors-tests.js",
    "aria-tests.js", "locator-evaluation-tests.js", "xpath-tests.js",
  ]

  @Test(arguments: scripts)
  func script(_ name: String) throws {
    let folder = Repository.root.appendingPathComponent("Tests/BrowserTests/JavaScript")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["node", folder.appendingPathComponent(name).path]
    process.currentDirectoryURL = Repository.root
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "node \(name) failed:\n\(text.suffix(4000))")
    if Self.summarized.contains(name) { #expect(text.contains(" passed, 0 failed")) }
  }
}
