import Browser
import Testing
import V8

/// Custom elements in a page realm (HTML Standard §4.13): definitions, upgrades, creation of a
/// defined name, the lifecycle callbacks in order, `:defined`, and the registry's errors.
@Suite struct CustomElementsTests {
  static let html = #"<!doctype html><html><body><my-el id="early" title="t" lang="en">x</my-el><p>after</p></body></html>"#

  /// A class that logs its constructor and lifecycle callbacks into `log`.
  static let definition = """
    const log = [];
    class MyElement extends HTMLElement {
      static get observedAttributes() { return ['title']; }
      constructor() { super(); log.push('constructor ' + this.id); }
      connectedCallback() { log.push('connected ' + this.id + ' ' + this.isConnected); }
      disconnectedCallback() { log.push('disconnected ' + this.id); }
      adoptedCallback(oldDocument, newDocument) { log.push('adopted ' + this.id + ' ' + (oldDocument === document) + ' ' + (newDocument !== document)); }
      attributeChangedCallback(name, oldValue, value, namespace) { log.push(['attribute', this.id, name, oldValue, value, namespace].map(String).join(' ')); }
    }
    """

  @Test func defineUpgradesParsedElementsInOrder() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluate(
      Self.definition + """
        const before = [document.querySelectorAll(':defined').length, document.querySelectorAll(':not(:defined)').length];
        const early = document.getElementById('early');
        log.push('instance ' + (early instanceof MyElement));
        customElements.define('my-el', MyElement);
        log.push('instance ' + (early instanceof MyElement) + ' ' + early.matches(':defined') + ' ' + before.join('/'));
        log.join('\\n')
        """)
    #expect(
      result.stringValue == """
        instance false
        constructor early
        attribute early title null t null
        connected early true
        instance true true 4/1
        """)
  }

  @Test func createElementConstructsAndCallbacksFollowTheTree() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluate(
      Self.definition + """
        customElements.define('my-el', MyElement);
        log.length = 0;
        const made = document.createElement('my-el');
        made.id = 'made';
        log.push('instance ' + (made instanceof MyElement) + ' ' + made.localName + ' ' + made.tagName);
        document.body.append(made);
        made.setAttribute('title', 'x');
        made.setAttribute('lang', 'fr');
        made.removeAttribute('title');
        made.remove();
        const other = document.implementation.createHTMLDocument('');
        other.adoptNode(made);
        const constructed = new MyElement();
        log.push('new ' + constructed.localName + ' ' + (constructed.ownerDocument === document) + ' ' + constructed.isConnected);
        log.join('\\n')
        """)
    #expect(
      result.stringValue == """
        constructor 
        instance true my-el MY-EL
        connected made true
        attribute made title null x null
        attribute made title x null null
        disconnected made
        adopted made true true
        constructor 
        new my-el true false
        """)
  }

  @Test func innerHTMLUpgradesOnlyWhenConnectedOrAskedTo() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluate(
      Self.definition + """
        customElements.define('my-el', MyElement);
        log.length = 0;
        const detached = document.createElement('div');
        detached.innerHTML = '<my-el id="inner"></my-el>';
        const inner = detached.firstChild;
        log.push('detached ' + (inner instanceof MyElement));
        customElements.upgrade(detached);
        log.push('upgraded ' + (inner instanceof MyElement));
        document.body.innerHTML = '<section><my-el id="connected"></my-el></section>';
        log.push('connected ' + (document.getElementById('connected') instanceof MyElement));
        log.join('\\n')
        """)
    #expect(
      result.stringValue == """
        detached false
        constructor inner
        upgraded true
        disconnected early
        constructor connected
        connected connected true
        connected true
        """)
  }

  @Test func registryLookupsAndErrors() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluateAwaiting(
      """
      class A extends HTMLElement {}
      const out = [];
      const whenDefined = customElements.whenDefined('x-a');
      customElements.define('x-a', A);
      out.push((await whenDefined) === A, customElements.get('x-a') === A, customElements.getName(A), customElements.get('x-b'));
      const error = (f) => { try { f(); return 'none'; } catch (e) { return e.name; } };
      out.push(error(() => customElements.define('x-a', class extends HTMLElement {})));
      out.push(error(() => customElements.define('x-c', A)));
      out.push(error(() => customElements.define('nodash', class extends HTMLElement {})));
      out.push(error(() => customElements.define('font-face', class extends HTMLElement {})));
      out.push(error(() => customElements.define('x-d', () => {})));
      out.push(error(() => new HTMLElement()));
      out.push(error(() => { class Undefined extends HTMLElement {} return new Undefined(); }));
      out.push(await customElements.whenDefined('bad').then(() => 'resolved', (e) => e.name));
      return out.join(' ');
      """)
    #expect(
      result.stringValue
        == "true true x-a  NotSupportedError NotSupportedError SyntaxError SyntaxError TypeError TypeError TypeError SyntaxError")
  }

  @Test func aThrowingCallbackDoesNotReachTheDOMCaller() throws {
    let page = try PageFixture().page(Self.html)
    let result = try page.evaluate(
      """
      customElements.define('x-throws', class extends HTMLElement { connectedCallback() { throw new Error('boom'); } });
      const element = document.createElement('x-throws');
      document.body.append(element);
      element.isConnected + ' ' + (document.body.lastChild === element)
      """)
    #expect(result.stringValue == "true true")
  }
}
