import Browser
import Testing
import V8

/// Shadow DOM in a page realm (DOM Standard §4.2.2, §2.9; HTML §4.12.4): declarative shadow roots
/// from the parser, named and default slots, `slotchange`, and events retargeted across shadow
/// boundaries.
@Suite struct ShadowDOMTests {
  static let html = """
    <!doctype html><html><body>
    <div id="host"><template shadowrootmode="open" shadowrootserializable><header><slot name="title">Untitled</slot></header>\
    <slot id="default"></slot></template><h2 slot="title">Title</h2><p>Body</p>text</div>
    <span id="closed"><template shadowrootmode="closed"><b>hidden</b></template>light</span>
    <p id="plain"><template shadowrootmode="open">not a host</template></p>
    </body></html>
    """

  @Test func declarativeShadowRootsAttachToTheirHosts() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluate(
      """
      const host = document.getElementById('host');
      const root = host.shadowRoot;
      [root instanceof ShadowRoot, root.mode, root.host === host, root.serializable, root.querySelectorAll('slot').length,
        host.children.length, host.querySelector('template'), document.getElementById('closed').shadowRoot,
        document.getElementById('closed').textContent, document.getElementById('plain').shadowRoot !== null,
        document.getElementById('plain').querySelector('template')].map(String).join(' ')
      """)
    #expect(result.stringValue == "true open true true 2 2 null null light true null")
  }

  @Test func namedAndDefaultSlotsAssignTheHostsChildren() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluate(
      """
      const host = document.getElementById('host');
      const root = host.shadowRoot;
      const title = root.querySelector('slot[name=title]'), main = root.getElementById('default');
      const names = (list) => list.map((n) => n.nodeName).join(',');
      [names(title.assignedNodes()), names(main.assignedNodes()), names(main.assignedElements()),
        host.querySelector('h2').assignedSlot === title, host.lastChild.assignedSlot === main,
        names(root.querySelector('header').appendChild(document.createElement('slot')).assignedNodes({ flatten: true }))].join(' ')
      """)
    // The new slot comes first in tree order among the default slots: the default content moves to it.
    #expect(result.stringValue == "H2 P,#text P true true P,#text")
  }

  @Test func fallbackContentIsFlattenedWhenNothingIsAssigned() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluate(
      """
      const host = document.getElementById('host');
      host.querySelector('h2').remove();
      const title = host.shadowRoot.querySelector('slot[name=title]');
      [title.assignedNodes().length, title.assignedNodes({ flatten: true }).map((n) => n.data).join()].join(' ')
      """)
    #expect(result.stringValue == "0 Untitled")
  }

  @Test func slotChangeFiresOnceAfterTheAssignmentChanges() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluateAwaiting(
      """
      const host = document.getElementById('host');
      const root = host.shadowRoot;
      const events = [];
      root.addEventListener('slotchange', (event) => events.push((event.target.name || 'default') + ' ' + event.bubbles));
      host.append(document.createElement('em'), document.createElement('strong'));
      host.querySelector('h2').slot = 'elsewhere';
      const synchronous = events.length;
      await null;
      return synchronous + ' ' + events.join(', ');
      """)
    #expect(result.stringValue == "0 default true, title true")
  }

  @Test func eventsAreRetargetedAndComposedPathsGoThroughSlots() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluate(
      """
      const host = document.getElementById('host');
      const root = host.shadowRoot;
      const log = [];
      const name = (n) => n === window ? 'window' : n.nodeName;
      const inner = root.querySelector('header');
      document.body.addEventListener('click', (e) => log.push('body sees ' + name(e.target)));
      root.addEventListener('click', (e) => log.push('root sees ' + name(e.target)));
      inner.click();
      const p = host.querySelector('p');
      p.addEventListener('click', (e) => log.push(e.composedPath().map(name).join('>')));
      p.click();
      log.push(inner.getRootNode() === root, inner.getRootNode({ composed: true }) === document);
      log.join('\\n')
      """)
    #expect(
      result.stringValue == """
        root sees HEADER
        body sees DIV
        P>SLOT>#document-fragment>DIV>BODY>HTML>#document>window
        root sees P
        body sees P
        true
        true
        """)
  }

  @Test func closedShadowRootsHideTheirInsidesFromComposedPath() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluate(
      """
      const closed = document.createElement('div');
      const root = closed.attachShadow({ mode: 'closed' });
      root.innerHTML = '<i>inside</i>';
      document.body.append(closed);
      let path = '';
      document.addEventListener('click', (e) => { path = e.composedPath().map((n) => n === window ? 'window' : n.nodeName).join('>'); });
      root.firstChild.click();
      [closed.shadowRoot, path].join(' ')
      """)
    #expect(result.stringValue == " DIV>BODY>HTML>#document>window")
  }
}
