import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// `caper scrape` scripts that wait on the page: awaiting a page promise lets the page's virtual
/// time pass (rule 4), Playwright's `waitFor*` methods, and the `idle` wait that runs the page's
/// queued tasks (messages, file reads) before the script sees it.
@Suite struct ScrapeWaitsTests {
  let folder: TemporaryDirectory
  init() throws { folder = try TemporaryDirectory() }

  func scrape(_ arguments: [String]) throws -> [String: Any] {
    let result = try CaperBinary.run(
      ["scrape"] + arguments, environment: ["CAPER_CACHE_DIR": folder.url.appendingPathComponent(".cache").path],
      directory: folder.url)
    #expect(result.status == 0, "\(result.stderr)")
    let line = try #require(result.stdout.split(separator: "\n").first, "no output: \(result.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
  }

  /// A page that renders 5 s after load, read by waiting on the page in several ways.
  @Test func awaitingThePageLetsItsVirtualTimePass() throws {
    try folder.write(
      "late.html",
      """
      <!doctype html><div id=out>waiting</div>
      <script>addEventListener('load', () => setTimeout(() => { out.textContent = 'late'; out.insertAdjacentHTML('afterend', '<p id=added>'); }, 5000));</script>
      """)
    try folder.write(
      "waits.js",
      """
      module.exports = async (page) => {
        const early = await page.$eval('#out', (e) => e.textContent);
        const awaited = await page.evaluate(() => new Promise((r) => setTimeout(() => r(document.getElementById('out').textContent), 5100)));
        return {
          early, awaited,
          pageTime: await page.evaluate(() => performance.now() >= 5100),
          timeout: await page.waitForTimeout(100).then(() => 'waited'),
          fn: await page.waitForFunction((id) => document.getElementById(id) && 'found', 'added').then((h) => h.jsonValue()),
          selector: await page.waitForSelector('#added').then((e) => e.getAttribute('id')),
          never: await page.waitForSelector('#never', { timeout: 2000 }).catch((e) => e.message),
          gone: await page.waitForSelector('#never', { state: 'detached' }),
        };
      };
      """)
    let value = try #require(try scrape(["waits.js", "late.html", "--wait-until", "load"])["result"] as? [String: Any])
    #expect(value["early"] as? String == "waiting")
    #expect(value["awaited"] as? String == "late")
    #expect(value["pageTime"] as? Bool == true)
    #expect(value["timeout"] as? String == "waited")
    #expect(value["fn"] as? String == "found")
    #expect(value["selector"] as? String == "added")
    #expect(
      value["never"] as? String
        == "page.waitForSelector: Timeout 2000ms exceeded.\nCall log:\n  - waiting for locator('#never') to be visible\n")
    #expect(value["gone"] is NSNull)
  }

  /// Work the page queues after `load` as tasks (a MessageChannel message, a window message, a
  /// FileReader's events) has run before an `idle` page is handed to the script.
  @Test func idleWaitsForTheTasksThePageQueued() throws {
    try folder.write(
      "tasks.html",
      """
      <!doctype html><ul></ul>
      <script>
      const add = (t) => { const li = document.createElement('li'); li.textContent = t; document.querySelector('ul').append(li); };
      addEventListener('message', (e) => add('window ' + e.data));
      addEventListener('load', () => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => add('channel ' + e.data);
        channel.port2.postMessage('after load');
        setTimeout(() => {
          postMessage('from a timer', '*');
          const reader = new FileReader();
          reader.onload = () => add('read ' + reader.result);
          reader.readAsText(new Blob(['blob text']));
        }, 50);
      });
      </script>
      """)
    try folder.write(
      "items.js", "module.exports = async (page) => page.$$eval('li', (items) => items.map((li) => li.textContent));")
    for wait in ["idle", "networkidle"] {
      let items = try scrape(["items.js", "tasks.html", "--wait-until", wait])["result"] as? [String]
      #expect(items == ["channel after load", "window from a timer", "read blob text"], "--wait-until \(wait)")
    }
  }
}
