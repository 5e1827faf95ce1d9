import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// `caper scrape` scripts that act on pages with Playwright's page-level methods.
///
/// Run as a user runs them (the built binary, its code cache on): forms, links, the history,
/// dialogs, waits that span a navigation, and Playwright's errors, over saved pages.
@Suite struct ScrapeActionsTests {
  let folder: TemporaryDirectory
  init() throws { folder = try TemporaryDirectory() }

  func scrape(_ arguments: [String]) throws -> ProcessResult {
    try CaperBinary.run(
      ["scrape"] + arguments, environment: ["CAPER_CACHE_DIR": folder.url.appendingPathComponent(".cache").path],
      directory: folder.url)
  }

  /// The `result` of each output line (or the error's message).
  func results(_ output: String) throws -> [Any] {
    try output.split(separator: "\n").map { line in
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      return object["result"] ?? ((object["error"] as? [String: Any])?["message"] ?? "no result")
    }
  }

  func writeSite() throws {
    try folder.write(
      "index.html",
      """
      <!doctype html><title>start</title>
      <form action="result.html"><input name=q id=q><input type=checkbox name=c id=c>
      <select name=s id=s><option>a</option><option value=bv>b</option><option disabled>off</option></select><button id=go>Go</button></form>
      <a id=frag href="#part">part</a> <p id=text>text</p>
      <button id=ask onclick="document.title = confirm('sure?') ? 'yes' : 'no'">ask</button>
      <button id=later onclick="setTimeout(() => location.assign('result.html?later'), 1500)">later</button>
      <button id=count onclick="setTimeout(() => { this.textContent = 'counted'; }, 0)">count</button>
      """)
    try folder.write(
      "result.html", "<!doctype html><title>result</title><script>document.title = 'result ' + location.search</script>")
  }

  @Test func aScriptFillsAndSubmitsAFormAndWalksTheHistory() throws {
    try writeSite()
    try folder.write(
      "act.js",
      """
      module.exports = async (page) => {
        const log = [];
        page.on('dialog', (dialog) => { log.push(dialog.type() + ': ' + dialog.message()); dialog.accept(); });
        await page.click('#ask');
        log.push(await page.title());
        await page.click('#count');
        log.push(await page.$eval('#count', (b) => b.textContent));
        await page.fill('#q', 'hello world');
        await page.check('#c');
        log.push(JSON.stringify(await page.selectOption('#s', 'b')));
        await page.click('#go');
        log.push(page.url().replace(/.*\\//, ''), await page.title());
        await page.goBack();
        log.push(await page.title(), await page.evaluate(() => history.length));
        await page.goForward();
        log.push(await page.title());
        await page.goBack();
        await page.click('#frag');
        await page.goBack();
        log.push(page.url().replace(/.*\\//, ''));
        await page.press('#q', 'x');
        await page.press('#q', 'Enter');
        await page.waitForLoadState();
        log.push(await page.title());
        return log;
      };
      """)
    for run in 1...2 {  // the second with the code cache the first wrote
      let result = try scrape(["act.js", "index.html"])
      #expect(result.status == 0, "run \(run): \(result.stderr)")
      let log = try #require(try results(result.stdout).first as? [Any], "run \(run): \(result.stdout)")
      #expect(
        log.map { "\($0)" } == [
          "confirm: sure?", "yes", "counted", "[\"bv\"]", "result.html?q=hello+world&c=on&s=bv",
          "result ?q=hello+world&c=on&s=bv", "start", "3", "result ?q=hello+world&c=on&s=bv", "index.html", "result ?q=x&s=a",
        ])
    }
  }

  @Test func waitsGoOnAcrossANavigationThePageStarts() throws {
    try writeSite()
    try folder.write(
      "wait.js",
      """
      module.exports = async (page) => {
        await page.click('#later');
        await page.waitForTimeout(3000);
        const title = await page.title();
        await page.goBack();
        await page.click('#later');
        await page.waitForFunction(() => document.title.startsWith('result'), null, { timeout: 5000 });
        return [title, await page.title()];
      };
      """)
    let result = try scrape(["wait.js", "index.html"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try results(result.stdout).first as? [String] == ["result ?later", "result ?later"])
  }

  @Test func actionsFailWithPlaywrightsMessages() throws {
    try writeSite()
    try folder.write(
      "errors.js",
      """
      module.exports = async (page) => {
        const messages = [];
        const attempt = async (body) => { try { await body(); messages.push('no error'); } catch (error) { messages.push(error.message); } };
        await attempt(() => page.click('#missing', { timeout: 1000 }));
        await attempt(() => page.fill('#text', 'x'));
        await attempt(() => page.fill('#q', 42));
        await attempt(() => page.selectOption('#s', 'off', { timeout: 500 }));
        await attempt(() => page.click('div['));
        return messages;
      };
      """)
    let result = try scrape(["errors.js", "index.html"])
    let messages = try #require(try results(result.stdout).first as? [String], "\(result.stdout)\n\(result.stderr)")
    #expect(messages.count == 5)
    #expect(messages.first == "page.click: Timeout 1000ms exceeded.\nCall log:\n  - waiting for locator('#missing')\n")
    // Playwright's wording and call log (its "editable" state check refuses a <p>).
    let fillMessage: String = [
      "page.fill: Error: Element is not an <input>, <textarea>, <select> or [contenteditable] and does not have a role",
      " allowing [aria-readonly]\nCall log:\n  - waiting for locator('#text')\n  - locator resolved to <p id=\"text\">text</p>\n",
      "  - fill(\"x\")\n  - attempting fill action\n  - waiting for element to be visible, enabled and editable\n",
    ].joined()
    #expect(messages.dropFirst().first == fillMessage)
    #expect(messages.dropFirst(2).first?.contains("expected string, got number") == true)
    let selectMessage: String = [
      "page.selectOption: Timeout 500ms exceeded.\nCall log:\n  - waiting for locator('#s')\n",
      "  - locator resolved to <select id=\"s\" name=\"s\">…</select>\n  - attempting select option action\n",
      "  - waiting for element to be visible and enabled\n  - option being selected is not enabled\n",
      "  - retrying select option action\n  - waiting 500ms\n",
    ].joined()
    #expect(messages.dropFirst(3).first == selectMessage)
    #expect(
      messages.last == "page.click: Unexpected token \"\" while parsing css selector \"div[\". Did you mean to CSS.escape it?"
    )
  }

  /// Playwright's ElementHandles: `page.$` (any selector syntax), `$$`, `waitForSelector`,
  /// `evaluateHandle` (any node); their reads and actions; a handle passed to `evaluate` arrives as
  /// the element; a removed node still answers reads; `dispose`; after a navigation (with its
  /// `framenavigated`, `domcontentloaded` and `load` events) the handle is no longer attached.
  @Test func elementHandlesReadActAndCrossIntoEvaluate() throws {
    try writeSite()
    try folder.write(
      "handles.js",
      """
      module.exports = async (page) => {
        const out = [];
        const text = await page.$('text=text');
        out.push(await text.textContent(), await text.getAttribute('id'), await text.isVisible());
        out.push(await page.evaluate((element) => element.tagName, text));
        out.push(await page.evaluate(([a, b]) => a.compareDocumentPosition(b), [text, await page.$('#q')]));
        out.push((await page.$$('select option')).length, await page.$('#nothing'));
        const query = await page.waitForSelector('#q');
        await query.fill('handles');
        out.push(await query.inputValue(), await query.$eval('xpath=..', (form) => form.tagName));
        const button = await page.evaluateHandle(() => document.querySelector('#count'));
        await button.click();
        out.push(await button.textContent(), await (await page.evaluateHandle(() => 40 + 2)).jsonValue());
        // A node removed from its document still answers reads; an action on it throws.
        await page.evaluate(() => document.getElementById('text').remove());
        out.push(await text.textContent(), await text.evaluate((p) => p.isConnected));
        try { await text.click(); } catch (error) { out.push(error.message); }
        // Any node can be a handle: the document (its $ works) and a text node.
        const documentHandle = await page.evaluateHandle(() => document);
        out.push(String(documentHandle), await (await documentHandle.$('#q')).getAttribute('name'));
        out.push(await (await page.evaluateHandle(() => document.querySelector('#go').firstChild)).textContent());
        out.push(await (await query.getProperty('value')).jsonValue());
        await button.dispose();
        try { await button.textContent(); } catch (error) { out.push(error.message); }
        const events = [];
        for (const name of ['framenavigated', 'domcontentloaded', 'load']) page.on(name, () => events.push(name));
        await page.click('#go');
        out.push(events.join());
        try { await query.inputValue(); } catch (error) { out.push(error.message); }
        return out;
      };
      """)
    let result = try scrape(["handles.js", "index.html"])
    #expect(
      result.stdout.contains(
        #"["text","text",true,"P",2,3,null,"handles","FORM","counted",42,"text",false,"#
          + #""elementHandle.click: Element is not attached to the DOM","JSHandle@node","q","Go","handles","#
          + #""elementHandle.textContent: JSHandle is disposed","framenavigated,domcontentloaded,load","#
          + #""elementHandle.inputValue: Element is not attached to the DOM"]"#
      ), "\(result.stdout)\n\(result.stderr)")
  }

  @Test func labelsRadioGroupsRangesAndFragments() throws {
    try folder.write(
      "controls.html",
      """
      <!doctype html><title>t</title>
      <input type=range id=r min=0 max=10>
      <form><input type=radio name=g id=ga><input type=radio name=g id=gb checked><input type=radio name=g id=gc><input id=after></form>
      <label id=lab>Name <input id=name></label><label id=lc><input type=checkbox id=cb style="display:none"> agree</label>
      <p id=sec>sec</p><button id=err onclick="null.x">err</button>
      <div inert><button id=asleep onclick="document.title = 'clicked'">asleep</button></div>
      """)
    try folder.write(
      "controls.js",
      """
      module.exports = async (page) => {
        const out = [await page.$eval('#r', (r) => r.value)];
        try { await page.fill('#r', '3.6'); } catch (error) { out.push(error.message.split('\\n')[0]); }
        await page.focus('#ga');
        await page.press('#ga', 'Tab');
        out.push(await page.evaluate(() => document.activeElement.id));
        await page.focus('#gb');
        await page.press('#gb', 'ArrowDown');
        out.push(await page.evaluate(() => document.activeElement.id + ' ' + document.querySelector('input[name=g]:checked').id));
        await page.fill('#lab', 'Ada');
        await page.check('#lc');
        out.push(await page.$eval('#name', (e) => e.value) + ' ' + await page.$eval('#cb', (e) => e.checked));
        out.push(String(await page.goto('#sec')) + ' ' + page.url().split('#')[1]);
        try { await page.click('#asleep', { timeout: 500 }); } catch (error) {
          out.push(error.message.split('\\n').find((line) => line.includes('pointer events')).trim());
        }
        await page.click('#err');
        return out;
      };
      """)
    let plain = try scrape(["controls.js", "controls.html"])
    #expect(
      try results(plain.stdout).first as? [String] == [
        "5", "page.fill: Error: Malformed value", "after", "gc gc", "Ada true", "null sec",
        "- element does not receive pointer events",
      ])
    // An error a page's listener throws while the script acts fails the input with --fail-on-page-errors.
    let strict = try scrape(["controls.js", "controls.html", "--fail-on-page-errors"])
    #expect(strict.status == 1)
    #expect(try (results(strict.stdout).first as? String)?.hasPrefix("1 page error (--fail-on-page-errors)") == true)
  }
}
