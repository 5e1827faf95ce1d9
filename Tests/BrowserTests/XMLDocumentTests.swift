import Browser
import Foundation
import Testing
import V8

/// XML documents end to end: pages of an XML MIME type and `DOMParser`'s XML types parsed by
/// libxml2 in Swift (`XMLDocumentParser`), built by the DOM runtime in a page realm, serialized by
/// `XMLSerializer` (DOM Parsing §3.2); a document that is not well-formed is Chromium's
/// `parsererror` document; nothing outside the document is loaded.
@Suite struct XMLDocumentTests {
  static let xhtml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
    <html xmlns="http://www.w3.org/1999/xhtml" xmlns:svg="http://www.w3.org/2000/svg" xml:lang="en">
    <head><title>XHTML &amp; more</title></head>
    <body>
    <myElement Data-Case="Kept" class="box"><p id="first">caf\u{E9} &lt;1&gt; &#x263A;</p></myElement>
    <svg:svg viewBox="0 0 10 10"><svg:rect width="5"/></svg:svg>
    <!--note--><?app-data keep?>
    <template id="t"><b>in the template</b></template>
    </body>
    </html>
    """

  @Test func anXHTMLPageIsAnXMLDocument() throws {
    let page = try PageFixture().page(Self.xhtml, url: "https://example.test/page.xhtml", contentType: "application/xhtml+xml")
    let result = try page.evaluate(
      """
      const out = [];
      const root = document.documentElement;
      out.push(document.contentType, document.characterSet, document instanceof XMLDocument, document.compatMode);
      out.push(root.namespaceURI, root.localName, root.tagName, root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang'));
      out.push(document.doctype.name, document.doctype.publicId, document.doctype.systemId, document.title);
      const custom = document.querySelector('myElement');
      out.push(custom.localName, custom.tagName, custom.namespaceURI, custom.getAttribute('Data-Case'), custom.getAttribute('data-case'));
      out.push(document.querySelector('myelement'), document.getElementsByTagName('myElement').length);
      out.push(document.querySelector('#first').textContent, document.querySelector('.box > p').id);
      const rect = document.querySelector('rect');
      out.push(rect.namespaceURI, rect.prefix, rect.tagName, rect instanceof SVGElement, rect.parentNode.localName);
      out.push(document.createElement('Mixed').localName, document.createElement('Mixed').namespaceURI);
      const body = document.querySelector('body');
      const kinds = [];
      for (let node = body.firstChild; node !== null; node = node.nextSibling) if (node.nodeType !== 3) kinds.push(node.nodeName);
      out.push(kinds.join());
      const template = document.getElementById('t');
      out.push(template.childNodes.length, template.content.firstChild.localName);
      out.push(root.attributes[0].name, root.attributes[0].namespaceURI, root.attributes[1].name, root.attributes[2].name);
      out.join('\\n')
      """)
    #expect(
      result.stringValue == """
        application/xhtml+xml
        UTF-8
        true
        CSS1Compat
        http://www.w3.org/1999/xhtml
        html
        html
        en
        html
        -//W3C//DTD XHTML 1.0 Strict//EN
        http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd
        XHTML & more
        myElement
        myElement
        http://www.w3.org/1999/xhtml
        Kept


        1
        café <1> ☺
        first
        http://www.w3.org/2000/svg
        svg
        svg:rect
        true
        svg
        Mixed
        http://www.w3.org/1999/xhtml
        myElement,svg:svg,#comment,app-data,template
        0
        b
        xmlns
        http://www.w3.org/2000/xmlns/
        xmlns:svg
        xml:lang
        """)
  }

  @Test func theTransportCharsetWinsOverTheXMLDeclaration() throws {
    let markup = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>caf\u{E9}</r>"
    let latin1 = Array(markup.unicodeScalars.map { UInt8($0.value) })
    let fixture = try PageFixture()
    let declared = try fixture.page(
      bytes: Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>caf\u{E9}</r>".unicodeScalars.map { UInt8($0.value) }),
      contentType: "application/xml")
    #expect(
      try declared.evaluate("document.documentElement.textContent + ' ' + document.characterSet").stringValue
        == "café windows-1252")
    let transport = try Page(
      beside: fixture.support,
      document: LoadedDocument(
        url: "https://example.test/a.xml", bytes: latin1, contentType: "text/xml", transportCharset: "iso-8859-1"))
    #expect(
      try transport.evaluate("document.documentElement.textContent + ' ' + document.characterSet").stringValue
        == "café windows-1252")
  }

  @Test func domParserParsesEachXMLType() throws {
    let page = try PageFixture().page("<!doctype html><title>t</title>")
    let result = try page.evaluate(
      """
      const out = [];
      const parser = new DOMParser();
      for (const type of ['text/xml', 'application/xml', 'application/xhtml+xml', 'image/svg+xml']) {
        const doc = parser.parseFromString('<Root xmlns:x="urn:x"><x:Item A="1">text</x:Item><plain/></Root>', type);
        const item = doc.documentElement.firstChild;
        out.push([type, doc.contentType, doc instanceof XMLDocument, doc.documentElement.tagName, String(doc.documentElement.namespaceURI),
          item.namespaceURI, item.prefix, item.localName, item.getAttribute('A'), doc.querySelector('plain') !== null,
          doc.getElementsByTagName('parsererror').length].join(' '));
      }
      const xhtml = parser.parseFromString('<html xmlns="http://www.w3.org/1999/xhtml"><body><DIV/></body></html>', 'application/xhtml+xml');
      out.push(xhtml.querySelector('body').namespaceURI, xhtml.querySelector('DIV').tagName, xhtml.body === null ? 'no body' : 'body');
      const svg = parser.parseFromString('<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>', 'image/svg+xml');
      out.push(svg.documentElement instanceof SVGElement, svg.querySelector('circle').getAttribute('r'));
      try { parser.parseFromString('<a/>', 'text/plain'); } catch (error) { out.push(error.constructor.name); }
      out.join('\\n')
      """)
    #expect(
      result.stringValue == """
        text/xml text/xml true Root null urn:x x Item 1 true 0
        application/xml application/xml true Root null urn:x x Item 1 true 0
        application/xhtml+xml application/xhtml+xml true Root null urn:x x Item 1 true 0
        image/svg+xml image/svg+xml true Root null urn:x x Item 1 true 0
        http://www.w3.org/1999/xhtml
        DIV
        body
        true
        1
        TypeError
        """)
  }

  @Test func xmlSerializerRoundTripsXMLDocuments() throws {
    let page = try PageFixture().page("<!doctype html><title>t</title>")
    let result = try page.evaluate(
      #"""
      const out = [];
      const parser = new DOMParser(), serializer = new XMLSerializer();
      const source = '<?xml-stylesheet href="a.css"?><!--top--><r xmlns="urn:default" xmlns:p="urn:p" p:attr="1 &amp; &lt;2&gt; &quot;q&quot;">' +
        '<p:child><![CDATA[<raw> & ]]>text &amp; &lt;tag&gt;</p:child><empty/><?pi some data?><!-- c --><n xmlns="">none</n></r>';
      const doc = parser.parseFromString(source, 'application/xml');
      const serialized = serializer.serializeToString(doc);
      out.push(serialized);
      out.push(serializer.serializeToString(parser.parseFromString(serialized, 'application/xml')) === serialized);
      out.push(doc.documentElement.firstChild.firstChild.nodeType, doc.documentElement.firstChild.firstChild.data);
      // Namespaces the DOM made without declarations get them; prefixes are generated when needed.
      const made = document.implementation.createDocument('urn:a', 'a:root', null);
      const child = made.createElementNS('urn:b', 'b:child');
      child.setAttributeNS('urn:c', 'c:attr', 'v');
      child.setAttributeNS('urn:d', 'plain', 'w');
      made.documentElement.appendChild(child);
      made.documentElement.appendChild(made.createElementNS('urn:a', 'a:same'));
      made.documentElement.appendChild(made.createElementNS(null, 'none'));
      out.push(serializer.serializeToString(made));
      const xhtml = parser.parseFromString('<html xmlns="http://www.w3.org/1999/xhtml"><body><br/><p>x</p></body></html>', 'application/xhtml+xml');
      out.push(serializer.serializeToString(xhtml.querySelector('body')));
      const doctype = parser.parseFromString('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml');
      out.push(serializer.serializeToString(doctype));
      out.push(serializer.serializeToString(document.createElement('p')));
      out.join('\n')
      """#)
    #expect(
      result.stringValue == #"""
        <?xml-stylesheet href="a.css"?><!--top--><r xmlns="urn:default" xmlns:p="urn:p" p:attr="1 &amp; &lt;2&gt; &quot;q&quot;"><p:child><![CDATA[<raw> & ]]>text &amp; &lt;tag&gt;</p:child><empty/><?pi some data?><!-- c --><n xmlns="">none</n></r>
        true
        4
        <raw> & 
        <a:root xmlns:a="urn:a"><b:child xmlns:b="urn:b" xmlns:ns1="urn:c" ns1:attr="v" xmlns:ns2="urn:d" ns2:plain="w"/><a:same/><none/></a:root>
        <body xmlns="http://www.w3.org/1999/xhtml"><br /><p>x</p></body>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>
        <p></p>
        """#)
  }

  @Test func aDocumentThatIsNotWellFormedIsAParsererrorDocument() throws {
    let page = try PageFixture().page("<!doctype html><title>t</title>")
    let result = try page.evaluate(
      """
      const out = [];
      const parser = new DOMParser();
      const doc = parser.parseFromString('<root>\\n  <a>text</b>\\n</root>', 'application/xml');
      const error = doc.documentElement.firstChild;
      out.push(doc.documentElement.localName, error.localName, error.namespaceURI, doc.getElementsByTagName('parsererror').length);
      out.push(error.querySelector('div').textContent);
      out.push(error.querySelector('h3').textContent, error.nextElementSibling.localName, error.nextElementSibling.textContent.trim());
      const empty = parser.parseFromString('', 'text/xml');
      out.push(empty.documentElement.localName, empty.documentElement.firstChild.localName, empty.querySelector('parsererror div').textContent);
      const svg = parser.parseFromString('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', 'image/svg+xml');
      const svgBody = svg.documentElement.lastChild;
      out.push(svg.documentElement.localName, svgBody.localName, svgBody.firstChild.localName, svgBody.lastChild.localName);
      const prefix = parser.parseFromString('<a><u:b/></a>', 'text/xml');
      out.push(prefix.querySelector('parsererror div').textContent);
      out.join('\\n')
      """)
    #expect(
      result.stringValue == """
        root
        parsererror
        http://www.w3.org/1999/xhtml
        1
        error on line 2 at column 14: Opening and ending tag mismatch: a line 2 and b

        This page contains the following errors:
        a
        text
        html
        body
        error on line 1 at column 1: Document is empty

        html
        body
        parsererror
        svg
        error on line 1 at column 8: Namespace prefix u on b is not defined

        """)
  }

  @Test func aPageThatIsNotWellFormedShowsWhereTheErrorIs() throws {
    let page = try PageFixture().page(
      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>one<br></p></body></html>", contentType: "application/xhtml+xml")
    let result = try page.evaluate(
      """
      const error = document.querySelector('parsererror');
      [error.parentNode.localName, error.querySelector('div').textContent.trim(), document.querySelector('p').textContent].join('\\n')
      """)
    #expect(
      result.stringValue == """
        html
        error on line 1 at column 64: Opening and ending tag mismatch: br line 1 and p
        one
        """)
  }

  @Test func anExternalEntityIsNotLoaded() throws {
    let secret = FileManager.default.temporaryDirectory.appendingPathComponent("caper-xxe-\(UUID().uuidString).txt")
    try Data("SECRET".utf8).write(to: secret)
    defer { try? FileManager.default.removeItem(at: secret) }
    let markup = """
      <?xml version="1.0"?>
      <!DOCTYPE r [
        <!ENTITY external SYSTEM "\(secret.absoluteString)">
        <!ENTITY % parameter SYSTEM "\(secret.absoluteString)">
        %parameter;
        <!ENTITY internal "in &#x26;amp; out">
      ]>
      <r a="[&internal;]">[&external;] &internal;</r>
      """
    let page = try PageFixture().page(markup, url: "file:///tmp/page.xml", contentType: "application/xml")
    let result = try page.evaluate(
      """
      const doc = new DOMParser().parseFromString(\(jsonString(markup)), 'text/xml');
      [document.documentElement.textContent, document.documentElement.getAttribute('a'), doc.documentElement.textContent,
        document.getElementsByTagName('parsererror').length, new XMLSerializer().serializeToString(document).includes('SECRET')].join('\\n')
      """)
    #expect(
      result.stringValue == """
        [] in & out
        [in & out]
        [] in & out
        0
        false
        """)
  }

  @Test func billionLaughsFailsCleanly() throws {
    var markup = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 \"lol\">\n"
    for level in 1...9 {
      markup += " <!ENTITY lol\(level) \"\(String(repeating: "&lol\(level - 1);", count: 10))\">\n"
    }
    markup += "]>\n<lolz>&lol9;</lolz>"
    let started = ContinuousClock.now
    let page = try PageFixture().page(markup, contentType: "application/xml")
    let result = try page.evaluate(
      """
      const error = document.querySelector('parsererror');
      [error === null ? 'no error' : error.querySelector('div').textContent.split('\\n')[0], document.documentElement.textContent.length < 100000]
        .join('\\n')
      """)
    #expect(ContinuousClock.now - started < .seconds(10))
    let lines = (result.stringValue ?? "").split(separator: "\n")
    #expect(lines.first?.contains("entity") == true, "\(lines)")
    #expect(lines.last == "true")
  }

  private func jsonString(_ text: String) -> String {
    String(decoding: (try? JSONEncoder().encode(text)) ?? Data(), as: UTF8.self)
  }
}
