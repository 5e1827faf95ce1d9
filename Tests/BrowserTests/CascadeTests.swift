import Foundation
import Testing
import _CaperTestSupport

/// The cascade end to end: pages parsed in Swift and built in a page realm, where page code asks
/// `getComputedStyle`, `matchMedia` and `innerText`; the user agent sheet (HTML §15.3), author
/// sheets (`<style>`, `<link rel=stylesheet>` read beside a saved page, `@import`), style
/// attributes, specificity, order, `!important`, inheritance and `@media` against the viewport.
@Suite(.serialized) struct CascadeTests {
  /// The `property` of each element `selectors` names, joined with spaces.
  static func computed(_ selectors: [String], _ property: String) -> String {
    let list = selectors.map { "'\($0)'" }.joined(separator: ", ")
    return "[\(list)].map((s) => getComputedStyle(document.querySelector(s)).getPropertyValue('\(property)')).join(' ')"
  }

  @Test func userAgentDefaults() throws {
    let page = try PageFixture().page(
      """
      <!doctype html><title>T</title><style>p {}</style><template><b>t</b></template>
      <div id=d>a</div><span id=s>b</span><div id=h hidden>c</div><div id=u hidden=until-found>d</div>
      <details id=det><summary id=sum>s</summary><p id=inside>x</p></details>
      <ul><li id=li>l</li></ul><table><tr id=tr><td id=td>c</td></tr></table><input id=hid type=HIDDEN><input id=txt>
      <pre id=pre>p</pre><textarea id=ta></textarea><dialog id=dlg>x</dialog><script id=scr>1</script>
      """)
    let display = try page.evaluate(
      Self.computed(
        [
          "#d", "#s", "head", "title", "style", "template", "script", "#h", "#det", "#sum", "#li", "#tr", "#td", "#hid", "#txt",
          "#dlg", "html", "body",
        ],
        "display")
    ).stringValue
    #expect(
      display
        == "block inline none none none none none none block list-item list-item table-row table-cell none inline-block none block block"
    )
    #expect(try page.evaluate(Self.computed(["#u", "#d"], "content-visibility")).stringValue == "hidden visible")
    #expect(try page.evaluate(Self.computed(["#pre", "#ta", "#d"], "white-space")).stringValue == "pre pre-wrap normal")
    #expect(try page.evaluate(Self.computed(["#d"], "opacity") + " + getComputedStyle(d).pointerEvents").stringValue == "1auto")
    #expect(
      try page.evaluate(
        "[h.hidden, u.hidden, d.hidden, (d.hidden = 'until-found', d.getAttribute('hidden')), (d.hidden = 0, d.hasAttribute('hidden'))].join()"
      ).stringValue == "true,until-found,false,until-found,false")
  }

  @Test func authorRulesBySpecificityThenOrder() throws {
    let page = try PageFixture().page(
      """
      <style>
        #x { display: flex } div { display: grid } .c { display: inline-block }
        .late { display: table } .late { display: flow-root }
        div.c.c { display: list-item } span { display: block; display: bogus-value }
        .op { opacity: 50% } .op2 { opacity: 7 } .tt { text-transform: Uppercase full-width } .inv { text-transform: uppercase lowercase }
      </style>
      <div id=x class=c>1</div><div class=c>2</div><div class=late>3</div><span>4</span><div class="c c">5</div>
      <p class=op>o</p><p class="op2 tt inv">p</p>
      """)
    #expect(
      try page.evaluate(Self.computed(["#x", "div.c:not(#x)", ".late", "span"], "display")).stringValue
        == "flex list-item flow-root block")
    #expect(try page.evaluate(Self.computed([".op", ".op2"], "opacity")).stringValue == "0.5 1")
    #expect(try page.evaluate(Self.computed([".tt"], "text-transform")).stringValue == "uppercase full-width")
  }

  @Test func importantAgainstStyleAttributes() throws {
    let page = try PageFixture().page(
      """
      <style> .a { display: block !important } .b { display: block } #c { display: none !important } </style>
      <span class=a style="display: inline">1</span><span class=b style="display: flex">2</span>
      <span id=c style="display: grid !important">3</span><input type=hidden style="display: block !important">
      """)
    #expect(try page.evaluate(Self.computed([".a", ".b", "#c", "input"], "display")).stringValue == "block flex grid none")
    _ = try page.evaluate("document.querySelector('.b').style.display = 'table'")
    #expect(try page.evaluate(Self.computed([".b"], "display")).stringValue == "table")
  }

  @Test func inheritanceAndBlockification() throws {
    let page = try PageFixture().page(
      """
      <style> .hide { visibility: hidden } .show { visibility: visible } .flex { display: flex } .abs { position: absolute }
      .pe { pointer-events: none } .reset { visibility: initial } .ua { display: revert } </style>
      <div class=hide><p id=a>a<span id=b class=show>b</span><span id=c>c</span><span id=r class=reset>r</span></p></div>
      <div class="flex pe"><span id=item>i</span></div><span id=abs class=abs>x</span><div class=ua id=ua>u</div><span class=ua>v</span>
      """)
    #expect(
      try page.evaluate(Self.computed(["#a", "#b", "#c", "#r"], "visibility")).stringValue == "hidden visible hidden visible")
    #expect(
      try page.evaluate(Self.computed(["#item", "#abs", "#ua", "span.ua"], "display")).stringValue == "block block block inline")
    #expect(try page.evaluate(Self.computed(["#item", ".flex", "body"], "pointer-events")).stringValue == "none none auto")
  }

  @Test func mediaQueriesAgainstTheViewport() throws {
    let page = try PageFixture().page(
      """
      <style>
        @media (min-width: 1200px) { .wide { display: none } }
        @media (max-width: 600px) { .narrow { display: none } }
        @media screen and (orientation: landscape) and (width >= 1280px) { .range { display: none } }
        @media print { .print { display: none } }
        @media (prefers-color-scheme: dark) { .dark { display: none } }
        @media not all and (prefers-color-scheme: dark), (400px < width < 500px) { .notdark { display: none } }
        @supports (display: grid) and (not (display: bogus)) { .sup { display: grid } }
      </style>
      <div class=wide>1</div><div class=narrow>2</div><div class=range>3</div><div class=print>4</div><div class=dark>5</div>
      <div class=notdark>6</div><div class=sup>7</div>
      """)
    #expect(
      try page.evaluate(Self.computed([".wide", ".narrow", ".range", ".print", ".dark", ".notdark", ".sup"], "display"))
        .stringValue
        == "none block none block block none grid")
    let queries = [
      "(min-width: 1280px)", "(width > 1280px)", "(max-height: 720px)", "(orientation: portrait)",
      "(prefers-color-scheme: light)",
      "(prefers-color-scheme: dark)", "screen", "print", "all", "not print", "only screen and (hover: hover)",
      "(min-width: 800px) and (max-width: 1000px)", "print, (min-aspect-ratio: 16/9)", "(width >= 600px)",
      "(1000px < width <= 1280px)",
      "(min-width: 80em)", "garbage(", "(unknown-feature)",
    ]
    let list = queries.map { "'\($0)'" }.joined(separator: ", ")
    let matches = try page.evaluate("[\(list)].map((q) => matchMedia(q).matches ? 1 : 0).join('')").stringValue
    #expect(matches == "101010101110111100")
    #expect(
      try page.evaluate(
        "const m = matchMedia('screen,  (min-width:1px)'); [m.media, m instanceof MediaQueryList, typeof m.addListener].join()"
      ).stringValue == "screen, (min-width:1px),true,function")
  }

  @Test func linkedStylesheetBesideASavedPage() throws {
    let directory = try TemporaryDirectory()
    try directory.write("css/site.css", "@import url('more.css') screen;\n.linked { display: none }\n")
    try directory.write("css/more.css", ".imported { visibility: hidden }")
    try directory.write("css/print.css", ".printed { display: none }")
    let path = try directory.write(
      "page.html",
      """
      <!doctype html><link rel=stylesheet href="css/site.css"><link rel=stylesheet href="css/print.css" media=print>
      <link rel=stylesheet href="css/missing.css"><div class=linked>gone</div><div class=imported>hid</div><div class=printed>kept</div>
      """)
    let page = try PageFixture().page(
      String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self),
      url: URL(fileURLWithPath: path).absoluteString)
    #expect(try page.evaluate(Self.computed([".linked", ".printed"], "display")).stringValue == "none block")
    #expect(try page.evaluate(Self.computed([".imported"], "visibility")).stringValue == "hidden")
    #expect(try page.evaluate("document.body.innerText").stringValue == "kept")
    #expect(
      try page.evaluate("[document.styleSheets.length, document.styleSheets[0].cssRules[1].cssText].join('|')").stringValue
        == "3|.linked { display: none; }")
  }

  @Test func anOnlinePageReadsNoLocalStylesheet() throws {
    let directory = try TemporaryDirectory()
    let css = try directory.write("site.css", ".linked { display: none }")
    let page = try PageFixture().page(
      "<link rel=stylesheet href='\(URL(fileURLWithPath: css).absoluteString)'><div class=linked>x</div>",
      url: "https://example.test/")
    #expect(try page.evaluate(Self.computed([".linked"], "display")).stringValue == "block")
  }

  @Test func innerTextFollowsTheCascade() throws {
    let page = try PageFixture().page(
      """
      <style> .gone { display: none } .ghost { visibility: hidden } .up { text-transform: uppercase } .cap { text-transform: capitalize }
      .pre { white-space: pre } .lines { white-space: pre-line } .row { display: flex } </style>
      <main id=m>Hello   <b>big</b>
        world<p>para</p><div class=gone>no</div><span hidden>no</span><div class=ghost>no <em style="visibility: visible">yes</em></div>
        <div class=up>up <i>case</i></div><div class=cap>hello wORLD it's</div><div class=pre>a  b
      c</div><div class=lines>x   y
        z</div>line<br>break<ul><li>one</li><li>two</li></ul>
        <table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td class=gone>4</td><td>5</td></tr></table>
        <div class=row><span>f1</span><span>f2</span></div><select><option>o1</option><option>o2</option></select>
        <details><summary>S</summary>D</details><script>code()</script><textarea>t</textarea>tail</main>
      <div id=off class=gone>off <b>text</b></div>
      """)
    let text = try page.evaluate("m.innerText").stringValue
    #expect(
      text
        == "Hello big world\n\npara\n\nyes\nUP CASE\nHello WORLD It's\na  b\nc\nx y\nz\nline\nbreak\none\ntwo\n1\t2\n3\t5\nf1\nf2\no1\no2\nS\ntail"
    )
    #expect(try page.evaluate("off.innerText").stringValue == "off text")
    #expect(try page.evaluate("document.createElement('div').innerText").stringValue == "")
  }

  @Test func aThousandComputedStylesFollowTheirRules() throws {
    let page = try PageFixture().page(
      """
      <style> .item { display: inline-block } .item:nth-child(2n) { visibility: hidden } #list > .item.last { opacity: 0.5 }
      @media (min-width: 600px) { .item { white-space: nowrap } } </style><div id=list></div>
      """)
    _ = try page.evaluate(
      "for (let i = 0; i < 1000; i++) { const d = document.createElement('div'); d.className = 'item' + (i % 7 ? '' : ' last'); list.append(d); }"
    )
    let summary = try page.evaluate(
      """
      let count = 0;
      for (const element of document.querySelectorAll('.item')) {
        const style = getComputedStyle(element);
        if (style.display === 'inline-block' && style.whiteSpace === 'nowrap') count++;
        if (style.visibility === 'hidden') count += 1000;
      }
      count
      """
    ).numberValue
    // Speed is the benchmarks' to show, not a test's: this checks every element's computed style.
    #expect(summary.map(Int.init) == 1000 + 500 * 1000)
  }
}
