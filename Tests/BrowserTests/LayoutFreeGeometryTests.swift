import Browser
import Foundation
import Testing
import V8
import _CaperTestSupport

/// CSSOM View without layout in a real page realm, under Debian's jQuery (`libjs-jquery`).
///
/// jQuery decides `:visible`/`:hidden` from `offsetWidth`, `offsetHeight` and `getClientRects()`,
/// which must follow the cascade's `display: none` although every box has zero size; `fadeOut`
/// must run to its end on the page's virtual clock. The members' details are tested under node by
/// `JavaScript/geometry-tests.js` (run by `DOMRuntimeNodeScriptTests`).
@Suite struct LayoutFreeGeometryTests {
  static let jQuery = URL(fileURLWithPath: "/usr/share/javascript/jquery/jquery.js")

  /// A page with Debian's jQuery evaluated in it.
  func jQueryPage(_ body: String) throws -> Page {
    let page = try PageFixture().page(
      """
      <!doctype html><html><head><style>.gone { display: none } .box { width: 10px }</style></head><body>
      \(body)
      </body></html>
      """)
    _ = try page.evaluate(String(contentsOf: Self.jQuery, encoding: .utf8), filename: Self.jQuery.absoluteString)
    return page
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: jQuery.path)))
  func jQueryVisibleAndHiddenFollowDisplayNone() throws {
    let page = try jQueryPage(
      """
      <div id="shown" class="box"><span id="inside">text</span></div>
      <div id="gone" class="gone"><span id="under">text</span></div>
      <p id="inline-none" style="display: none">p</p>
      <div id="hidden-attribute" hidden>h</div>
      <details id="details"><summary id="summary">s</summary><p id="closed">c</p></details>
      """)
    defer { page.close() }
    let visible = try page.evaluate("$('body :visible').map((i, e) => e.id).get().join()").stringValue
    #expect(visible == "shown,inside,details,summary")
    let hidden = try page.evaluate("$('body :hidden').map((i, e) => e.id).get().join()").stringValue
    #expect(hidden == "gone,under,inline-none,hidden-attribute,closed")
    // Showing and hiding move elements between the two, through the cascade.
    let toggled = try page.evaluate(
      "$('#gone').removeClass('gone'); $('#shown').hide(); [$('#under').is(':visible'), $('#inside').is(':hidden')].join()"
    ).stringValue
    #expect(toggled == "true,true")
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: jQuery.path)))
  func jQueryFadeOutCompletesInVirtualTime() throws {
    let page = try jQueryPage(#"<div id="box" class="box">fading</div>"#)
    defer { page.close() }
    _ = try page.evaluate(
      "window.done = []; $('#box').fadeOut(400, function () { done.push(this.id, $(this).is(':hidden'), this.style.display); });")
    #expect(try page.evaluate("done.length") == 0)
    try page.clock.runFor(1000)
    #expect(try page.evaluate("done.join()").stringValue == "box,true,none")
    #expect(
      try page.evaluate("[$('#box').is(':visible'), document.getElementById('box').getClientRects().length].join()").stringValue
        == "false,0")
  }
}
