import Browser
import Testing
import V8

/// MutationObserver in a page realm (DOM Standard §4.3): which mutations queue records, what the
/// records hold, and their delivery in a microtask after the mutating code is done.
@Suite struct MutationObserverTests {
  static let html = #"<!doctype html><html><body><div id="a" title="t"><p>one</p><p>two</p></div></body></html>"#

  /// Page code that records each delivered record as one line, `log`, and the observer `observer`.
  static let recorder = """
    const a = document.getElementById('a');
    const log = [];
    const name = (node) => node === null ? 'null' : node.nodeName;
    const observer = new MutationObserver((records, self) => {
      log.push('callback ' + (self === observer));
      for (const r of records) {
        log.push([r.type, name(r.target), '+' + [...r.addedNodes].map(name).join(','), '-' + [...r.removedNodes].map(name).join(','),
          name(r.previousSibling), name(r.nextSibling), r.attributeName, r.oldValue].map(String).join(' '));
      }
    });
    """

  @Test func childListRecordsArriveInAMicrotaskWithTheirSiblings() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluateAwaiting(
      Self.recorder + """
        observer.observe(a, { childList: true });
        const span = document.createElement('span');
        a.insertBefore(span, a.lastChild);
        a.removeChild(a.firstChild);
        const synchronous = log.length;
        await null;
        return synchronous + '\\n' + log.join('\\n');
        """)
    #expect(
      result.stringValue == """
        0
        callback true
        childList DIV +SPAN - P P null null
        childList DIV + -P null SPAN null null
        """)
  }

  @Test func attributesWithOldValuesAndAFilter() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluateAwaiting(
      Self.recorder + """
        observer.observe(a, { attributeFilter: ['title', 'lang'], attributeOldValue: true });
        a.title = 'u';
        a.setAttribute('class', 'ignored');
        a.setAttribute('lang', 'en');
        a.removeAttribute('title');
        await null;
        return log.join('\\n');
        """)
    #expect(
      result.stringValue == """
        callback true
        attributes DIV + - null null title t
        attributes DIV + - null null lang null
        attributes DIV + - null null title u
        """)
  }

  @Test func characterDataInASubtree() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluateAwaiting(
      Self.recorder + """
        observer.observe(a, { characterDataOldValue: true, subtree: true });
        a.firstChild.firstChild.data = 'uno';
        a.lastChild.firstChild.appendData('!');
        await null;
        return log.join('\\n');
        """)
    #expect(
      result.stringValue == """
        callback true
        characterData #text + - null null null one
        characterData #text + - null null null two
        """)
  }

  @Test func innerHTMLAndTextContentQueueOneRecordEach() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluateAwaiting(
      Self.recorder + """
        observer.observe(a, { childList: true });
        a.innerHTML = '<b>1</b><i>2</i>';
        a.textContent = 'plain';
        await null;
        return log.join('\\n');
        """)
    #expect(
      result.stringValue == """
        callback true
        childList DIV +B,I -P,P null null null null
        childList DIV +#text -B,I null null null null
        """)
  }

  @Test func takeRecordsAndDisconnect() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluateAwaiting(
      Self.recorder + """
        observer.observe(a, { attributes: true });
        a.id = 'b';
        const taken = observer.takeRecords();
        a.id = 'c';
        observer.disconnect();
        a.id = 'd';
        await null;
        return taken.length + ' ' + taken[0].attributeName + ' ' + (taken[0] instanceof MutationRecord) + ' ' + log.length;
        """)
    #expect(result.stringValue == "1 id true 0")
  }

  @Test func removedNodesStayObservedUntilTheNextNotification() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluateAwaiting(
      Self.recorder + """
        observer.observe(a, { attributes: true, subtree: true });
        const p = a.firstChild;
        p.remove();
        p.id = 'gone';
        await null;
        p.id = 'later';
        await null;
        return log.join('\\n');
        """)
    #expect(
      result.stringValue == """
        callback true
        attributes P + - null null id null
        """)
  }

  @Test func optionsThatObserveNothingThrow() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluate(
      """
      const observer = new MutationObserver(() => {});
      const errors = [];
      for (const options of [{}, { attributeOldValue: true, attributes: false }, { characterDataOldValue: true, characterData: false },
        { attributeFilter: [], attributes: false }]) {
        try { observer.observe(document.body, options); errors.push('none'); } catch (e) { errors.push(e.constructor.name); }
      }
      try { new MutationObserver(1); } catch (e) { errors.push(e.constructor.name); }
      errors.join(' ')
      """)
    #expect(result.stringValue == "TypeError TypeError TypeError TypeError TypeError")
  }
}
