import Browser
import Foundation
import Testing

/// A page loaded without its scripts is parsed with the HTML parser's scripting flag off.
///
/// As `caper scrape --no-scripts` loads it (HTML §13.2.6.4.4 "in head noscript", §13.2.6.4.7
/// `noscript` in body): a `<noscript>` holds markup, as in a browser with scripting disabled; with
/// scripts it holds text. Expectations are html5lib tree-construction dumps, as in
/// `noscript01.dat`'s `#script-off` and `#script-on` cases.
@Suite struct NoScriptsParsingTests {
  /// The document's tree in html5lib's dump format (elements, text and comments; no attributes).
  static let dump = """
    (() => {
      const lines = [];
      const walk = (parent, depth) => {
        for (const node of parent.childNodes) {
          const pad = '| ' + '  '.repeat(depth);
          if (node.nodeType === 10) lines.push(pad + '<!DOCTYPE ' + node.name + '>');
          else if (node.nodeType === 1) lines.push(pad + '<' + node.localName + '>');
          else if (node.nodeType === 3) lines.push(pad + '"' + node.data + '"');
          else if (node.nodeType === 8) lines.push(pad + '<!-- ' + node.data + ' -->');
          walk(node, depth + 1);
        }
      };
      walk(document, 0);
      return lines.join('\\n');
    })()
    """

  func tree(_ html: String, scripts: Bool) throws -> String {
    let fixture = try PageFixture()
    let document = LoadedDocument(url: "https://example.test/page.html", bytes: Array(html.utf8), contentType: "text/html")
    let page = try Page(beside: fixture.support, document: document, scripts: scripts)
    defer { page.close() }
    return try page.evaluate(Self.dump).stringValue ?? ""
  }

  @Test func noscriptInHeadHoldsMarkupWithoutScripts() throws {
    let html = "<head><noscript><!doctype html><!--foo--></noscript>"
    #expect(
      try tree(html, scripts: false) == """
        | <html>
        |   <head>
        |     <noscript>
        |       <!-- foo -->
        |   <body>
        """)
    #expect(
      try tree(html, scripts: true) == """
        | <html>
        |   <head>
        |     <noscript>
        |       "<!doctype html><!--foo-->"
        |   <body>
        """)
  }

  @Test func noscriptInHeadKeepsLinkAndStyleAndEndsAtOtherContent() throws {
    #expect(
      try tree("<head><noscript><link><style></style><p>x", scripts: false) == """
        | <html>
        |   <head>
        |     <noscript>
        |       <link>
        |       <style>
        |   <body>
        |     <p>
        |       "x"
        """)
  }

  @Test func noscriptInBodyHoldsElementsWithoutScripts() throws {
    let html = "<!doctype html><body><noscript><p>Enable <b>JavaScript</b></p></noscript>"
    #expect(
      try tree(html, scripts: false) == """
        | <!DOCTYPE html>
        | <html>
        |   <head>
        |   <body>
        |     <noscript>
        |       <p>
        |         "Enable "
        |         <b>
        |           "JavaScript"
        """)
    #expect(
      try tree(html, scripts: true) == """
        | <!DOCTYPE html>
        | <html>
        |   <head>
        |   <body>
        |     <noscript>
        |       "<p>Enable <b>JavaScript</b></p>"
        """)
  }
}
