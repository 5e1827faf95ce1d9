import Foundation
import Testing

/// Core DOM behaviours pages and step definitions rely on, run as page code in page realms.
///
/// They have no conformance data here: insertion validity (DOM §4.2.3), cloning and equality
/// (§4.4), document positions, `normalize`, traversal (§6), live collections, `classList` (§7.1),
/// `dataset`, `style`, the markup accessors (HTML §8.4, §13.3), `document.title`, named access
/// (HTML §7.2.2.3, §3.1.4, §4.10.3) and event dispatch (DOM §2.9). Each test loads a small page,
/// runs a script that logs `label=value` lines, and compares every line with the value the
/// specification gives. Behaviours Caper gets wrong today are expected under `withKnownIssue`
/// with the bug named, so they show in the report and fail once fixed (except an intermittent one).
@Suite struct DOMCoreTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  /// A known bug: the label of the line it breaks, why, and whether it shows only some of the time.
  struct KnownIssue {
    let label: String
    let bug: String
    var intermittent = false
  }

  /// Loads `body` as the body of an HTML page, runs `script` there as page code (with `log(label,
  /// value)`, `failure(f)` giving the name and code of what `f` throws, and `$(id)`), and gives
  /// the logged lines in order.
  func run(body: String, head: String = "", _ script: String) throws -> [(label: String, value: String)] {
    let page = try fixture.page("<!DOCTYPE html><html><head>\(head)</head><body>\(body)</body></html>")
    let source = """
      (() => {
        const lines = [];
        const log = (label, value) => { lines.push([label, String(value)]); };
        const failure = (f) => {
          try { f(); return 'none'; } catch (error) { return error.name + (error instanceof DOMException ? '/' + error.code : ''); }
        };
        const $ = (id) => document.getElementById(id);
        \(script)
        return JSON.stringify(lines);
      })()
      """
    let json = try #require(try page.evaluate(source).stringValue)
    let lines = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String]])
    return lines.map { ($0[0], $0[1]) }
  }

  /// Expects exactly the `expected` lines, in order; a line a known issue names is expected under
  /// `withKnownIssue`.
  func check(
    _ actual: [(label: String, value: String)], _ expected: KeyValuePairs<String, String>, knownIssues: [KnownIssue] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(actual.map(\.label) == expected.map(\.key), "the script logged these lines", sourceLocation: sourceLocation)
    for (label, value) in expected {
      let got = actual.first { $0.label == label }?.value
      if let issue = knownIssues.first(where: { $0.label == label }) {
        withKnownIssue(Comment(rawValue: issue.bug), isIntermittent: issue.intermittent) {
          #expect(got == value, "\(label)", sourceLocation: sourceLocation)
        }
      } else {
        #expect(got == value, "\(label)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test func insertionValidity() throws {
    let lines = try run(
      body: #"<div id="a"><span id="b"></span></div>"#,
      #"""
      const a = $('a'), b = $('b');
      const doctype = (name) => document.implementation.createDocumentType(name, '', '');
      log('ancestor into descendant', failure(() => b.appendChild(a)));
      log('node into itself', failure(() => a.appendChild(a)));
      log('child of a text node', failure(() => document.createTextNode('t').appendChild(document.createElement('i'))));
      log('reference child not a child', failure(() => a.insertBefore(document.createElement('i'), document.body)));
      log('doctype into an element', failure(() => a.appendChild(doctype('html'))));
      log('text into the document', failure(() => document.appendChild(document.createTextNode('t'))));
      log('second element into the document', failure(() => document.appendChild(document.createElement('html'))));
      log('fragment of two elements into a document', failure(() => {
        const fragment = document.createDocumentFragment();
        fragment.append(document.createElement('x'), document.createElement('y'));
        document.implementation.createDocument(null, null).appendChild(fragment);
      }));
      log('second doctype', failure(() => document.insertBefore(doctype('x'), document.documentElement)));
      log('doctype after the element', failure(() => {
        const other = document.implementation.createDocument(null, null);
        other.appendChild(other.createElement('r'));
        other.appendChild(doctype('x'));
      }));
      log('removeChild of a non-child', failure(() => a.removeChild(document.body)));
      log('replaceChild of a non-child', failure(() => a.replaceChild(document.createElement('i'), document.body)));
      log('document into an element', failure(() => a.appendChild(document)));
      log('attribute as a child', failure(() => a.appendChild(document.createAttribute('x'))));
      log('tree unchanged', a.outerHTML);
      const made = document.implementation.createHTMLDocument('t');
      log('createHTMLDocument', made.doctype.name + ' ' + made.documentElement.outerHTML);
      const moved = document.createElement('i');
      a.appendChild(moved);
      b.appendChild(moved);
      log('insertion moves a node', a.outerHTML);
      """#)
    check(
      lines,
      [
        "ancestor into descendant": "HierarchyRequestError/3",
        "node into itself": "HierarchyRequestError/3",
        "child of a text node": "HierarchyRequestError/3",
        "reference child not a child": "NotFoundError/8",
        "doctype into an element": "HierarchyRequestError/3",
        "text into the document": "HierarchyRequestError/3",
        "second element into the document": "HierarchyRequestError/3",
        "fragment of two elements into a document": "HierarchyRequestError/3",
        "second doctype": "HierarchyRequestError/3",
        "doctype after the element": "HierarchyRequestError/3",
        "removeChild of a non-child": "NotFoundError/8",
        "replaceChild of a non-child": "NotFoundError/8",
        "document into an element": "HierarchyRequestError/3",
        "attribute as a child": "HierarchyRequestError/3",
        "tree unchanged": #"<div id="a"><span id="b"></span></div>"#,
        "createHTMLDocument": "html <html><head><title>t</title></head><body></body></html>",
        "insertion moves a node": #"<div id="a"><span id="b"><i></i></span></div>"#,
      ])
  }

  @Test func cloneNodeAndIsEqualNode() throws {
    let lines = try run(
      body: #"<div id="src" class="c" data-x="1"><p>one <b>two</b></p><!--note--><template><i>t</i></template></div>"#,
      #"""
      const src = $('src');
      const shallow = src.cloneNode();
      log('shallow clone', shallow.outerHTML);
      const deep = src.cloneNode(true);
      log('deep clone', deep.outerHTML === src.outerHTML);
      log('deep clone is a copy', deep !== src && deep.firstChild !== src.firstChild && deep.firstChild.isEqualNode(src.firstChild));
      log('clone is detached', deep.isConnected + ' ' + deep.parentNode + ' ' + (deep.ownerDocument === document));
      deep.setAttribute('data-x', '2');
      log('attributes are copied', src.getAttribute('data-x') + ' ' + deep.getAttribute('data-x'));
      const template = deep.querySelector('template');
      log('template contents cloned', template.content.firstChild.outerHTML + ' ' + (template.content !== src.querySelector('template').content));
      log('equal to its deep clone', src.isEqualNode(src.cloneNode(true)));
      log('not equal to its shallow clone', src.isEqualNode(shallow));
      const x = document.createElement('div'), y = document.createElement('div');
      x.setAttribute('a', '1'); x.setAttribute('b', '2');
      y.setAttribute('b', '2'); y.setAttribute('a', '1');
      log('attribute order ignored', x.isEqualNode(y));
      y.setAttribute('a', '3');
      log('attribute values compared', x.isEqualNode(y));
      log('namespaces compared', document.createElementNS('http://www.w3.org/2000/svg', 'div').isEqualNode(document.createElement('div')));
      const text = (data) => document.createTextNode(data);
      log('text data compared', text('a').isEqualNode(text('a')) + ' ' + text('a').isEqualNode(text('b')));
      log('node types compared', text('a').isEqualNode(document.createComment('a')));
      const doctype = (systemId) => document.implementation.createDocumentType('html', 'p', systemId);
      log('doctype ids compared', doctype('s').isEqualNode(doctype('s')) + ' ' + doctype('s').isEqualNode(doctype('')));
      log('null', x.isEqualNode(null));
      log('isSameNode', x.isSameNode(x) + ' ' + x.isSameNode(x.cloneNode()));
      """#)
    check(
      lines,
      [
        "shallow clone": #"<div id="src" class="c" data-x="1"></div>"#,
        "deep clone": "true",
        "deep clone is a copy": "true",
        "clone is detached": "false null true",
        "attributes are copied": "1 2",
        "template contents cloned": "<i>t</i> true",
        "equal to its deep clone": "true",
        "not equal to its shallow clone": "false",
        "attribute order ignored": "true",
        "attribute values compared": "false",
        "namespaces compared": "false",
        "text data compared": "true false",
        "node types compared": "false",
        "doctype ids compared": "true false",
        "null": "false",
        "isSameNode": "true false",
      ])
  }

  @Test func compareDocumentPositionBits() throws {
    let lines = try run(
      body: #"<div id="p"><span id="c1"><i id="g"></i></span><span id="c2"></span></div>"#,
      #"""
      const p = $('p'), c1 = $('c1'), c2 = $('c2'), g = $('g');
      log('itself', p.compareDocumentPosition(p));
      log('its parent', c1.compareDocumentPosition(p));
      log('its child', p.compareDocumentPosition(c1));
      log('following sibling', c1.compareDocumentPosition(c2));
      log('preceding sibling', c2.compareDocumentPosition(c1));
      log('descendant of the preceding sibling', c2.compareDocumentPosition(g));
      log('from the document', document.compareDocumentPosition(g));
      const detached = document.createElement('x');
      const there = detached.compareDocumentPosition(p), back = p.compareDocumentPosition(detached);
      log('disconnected', (there & ~6) + ' ' + (back & ~6));
      log('disconnected, consistent', [there, back, detached.compareDocumentPosition(p), p.compareDocumentPosition(detached)]
        .map((bits) => bits & 6).join(' ') === [there & 6, 6 - (there & 6), there & 6, 6 - (there & 6)].join(' '));
      p.setAttribute('a', '1');
      p.setAttribute('b', '2');
      const a1 = p.getAttributeNode('a'), a2 = p.getAttributeNode('b');
      log('an attribute and its element', a1.compareDocumentPosition(p) + ' ' + p.compareDocumentPosition(a1));
      log('two attributes of one element', a1.compareDocumentPosition(a2) + ' ' + a2.compareDocumentPosition(a1));
      log("an attribute and its element's child", a1.compareDocumentPosition(c1));
      log('contains', p.contains(g) + ' ' + g.contains(p) + ' ' + p.contains(p) + ' ' + p.contains(null));
      """#)
    check(
      lines,
      [
        "itself": "0",
        "its parent": "10",
        "its child": "20",
        "following sibling": "4",
        "preceding sibling": "2",
        "descendant of the preceding sibling": "2",
        "from the document": "20",
        "disconnected": "33 33",
        "disconnected, consistent": "true",
        "an attribute and its element": "10 20",
        "two attributes of one element": "36 34",
        "an attribute and its element's child": "4",
        "contains": "true false true false",
      ])
  }

  @Test func normalizeMergesText() throws {
    let lines = try run(
      body: "",
      #"""
      const n = document.createElement('div');
      n.append('', 'a', 'b', document.createElement('i'), 'c', '', 'd');
      n.querySelector('i').append('x', '', 'y');
      const kept = n.childNodes[1];
      n.normalize();
      log('children', Array.from(n.childNodes, (c) => (c.nodeType === 3 ? JSON.stringify(c.data) : c.nodeName)).join(' '));
      log('the first text node is kept', n.firstChild === kept);
      log('descendants too', n.querySelector('i').childNodes.length + ' ' + n.querySelector('i').firstChild.data);
      const empty = document.createElement('p');
      empty.append('', '');
      empty.normalize();
      log('empty text removed', empty.childNodes.length);
      """#)
    check(
      lines,
      [
        "children": "\"ab\" I \"cd\"",
        "the first text node is kept": "true",
        "descendants too": "1 xy",
        "empty text removed": "0",
      ])
  }

  @Test func treeWalkerAndNodeIteratorFilters() throws {
    let lines = try run(
      body:
        #"<div id="root"><p id="p1">a<b id="b1">b</b></p><p id="skip"><i id="i1"></i></p><p id="reject"><i id="i2"></i></p></div>"#,
      #"""
      const root = $('root');
      const name = (node) => node.id || node.nodeName;
      const filter = {
        acceptNode: (node) => node.id === 'skip' ? NodeFilter.FILTER_SKIP : node.id === 'reject' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      };
      const collect = (traversal) => {
        const seen = [];
        for (let node = traversal.nextNode(); node !== null; node = traversal.nextNode()) seen.push(name(node));
        return seen.join(' ');
      };
      log('TreeWalker: SKIP skips the node, REJECT its subtree', collect(document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, filter)));
      log('NodeIterator: REJECT skips the node only', collect(document.createNodeIterator(root, NodeFilter.SHOW_ELEMENT, filter)));
      const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const data = [];
      while (texts.nextNode()) data.push(texts.currentNode.data);
      log('whatToShow', data.join(' '));
      const onlyI = (node) => (node.localName === 'i' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP);
      log('a function as filter', collect(document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, onlyI)));
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      walker.currentNode = $('i2');
      const previous = [];
      for (let node = walker.previousNode(); node !== null; node = walker.previousNode()) previous.push(name(node));
      log('TreeWalker previousNode', previous.join(' '));
      walker.currentNode = $('b1');
      log('TreeWalker parentNode, nextSibling, firstChild', name(walker.parentNode()) + ' ' + name(walker.nextSibling()) + ' ' + name(walker.firstChild()));
      const iterator = document.createNodeIterator(root, NodeFilter.SHOW_ELEMENT);
      iterator.nextNode();
      iterator.nextNode();
      iterator.nextNode();
      $('p1').remove();
      log('NodeIterator after its reference is removed', name(iterator.referenceNode) + ' ' + name(iterator.nextNode()));
      log('NodeIterator previousNode', name(iterator.previousNode()) + ' ' + name(iterator.previousNode()));
      """#)
    check(
      lines,
      [
        "TreeWalker: SKIP skips the node, REJECT its subtree": "p1 b1 i1",
        "NodeIterator: REJECT skips the node only": "root p1 b1 i1 i2",
        "whatToShow": "a b",
        "a function as filter": "i1 i2",
        "TreeWalker previousNode": "reject i1 skip b1 p1 root",
        "TreeWalker parentNode, nextSibling, firstChild": "p1 skip i1",
        "NodeIterator after its reference is removed": "root skip",
        "NodeIterator previousNode": "skip root",
      ])
  }

  @Test func liveCollectionsFollowMutations() throws {
    let lines = try run(
      body: #"<div id="list"><p class="x">1</p><p>2</p></div><form name="f1"></form>"#,
      #"""
      const list = $('list');
      const children = list.children, paragraphs = document.getElementsByTagName('p'), marked = document.getElementsByClassName('x');
      const childNodes = list.childNodes, forms = document.forms, fixed = list.querySelectorAll('p');
      const counts = () => [children.length, paragraphs.length, marked.length, childNodes.length, forms.length, fixed.length].join(' ');
      log('before', counts());
      const added = document.createElement('p');
      added.className = 'x';
      list.appendChild(added);
      document.body.appendChild(document.createElement('form'));
      log('after insertion', counts());
      list.firstElementChild.remove();
      log('after removal', counts());
      added.className = '';
      log('after a class change', marked.length);
      log('indexing follows', (children[1] === added) + ' ' + children[2] + ' ' + children.item(5) + ' ' + (paragraphs.item(1) === added));
      log('same objects', list.children === children && document.forms === forms && list.childNodes === childNodes);
      log('named items', (forms.namedItem('f1') === forms[0]) + ' ' + (forms.f1 === forms[0]) + ' ' + forms.namedItem('nope'));
      list.textContent = '';
      log('after textContent', counts());
      """#)
    check(
      lines,
      [
        "before": "2 2 1 2 1 2",
        "after insertion": "3 3 2 3 2 2",
        "after removal": "2 2 1 2 2 2",
        "after a class change": "0",
        "indexing follows": "true undefined null true",
        "same objects": "true",
        "named items": "true true null",
        "after textContent": "0 0 0 0 2 2",
      ])
  }

  @Test func classList() throws {
    let lines = try run(
      body: "",
      #"""
      const e = document.createElement('div');
      e.className = '  a  b a ';
      log('tokens', e.classList.length + ' ' + Array.from(e.classList).join(','));
      log('the attribute is kept until a change', JSON.stringify(e.className));
      e.classList.add('c');
      log('add', e.className);
      log('toggle', [e.classList.toggle('a'), e.classList.toggle('a'), e.classList.toggle('z', false), e.classList.toggle('b', true)].join(' '));
      log('after toggles', e.className);
      log('replace', e.classList.replace('c', 'd') + ' ' + e.classList.replace('nope', 'e') + ' ' + e.className);
      log('contains', e.classList.contains('d') + ' ' + e.classList.contains('D'));
      e.classList.remove('b', 'a');
      log('remove', e.className);
      log('empty token', failure(() => e.classList.add('')));
      log('token with a space', failure(() => e.classList.add('a b')));
      e.classList.value = 'p q';
      log('value', e.getAttribute('class') + ' ' + e.classList.item(1) + ' ' + e.classList[0]);
      log('same object', e.classList === e.classList);
      const plain = document.createElement('div');
      plain.classList.remove('x');
      plain.classList.toggle('y', false);
      log('no attribute created', plain.hasAttribute('class'));
      """#)
    check(
      lines,
      [
        "tokens": "2 a,b",
        "the attribute is kept until a change": "\"  a  b a \"",
        "add": "a b c",
        "toggle": "false true false true",
        "after toggles": "b c a",
        "replace": "true false b d a",
        "contains": "true false",
        "remove": "d",
        "empty token": "SyntaxError/12",
        "token with a space": "InvalidCharacterError/5",
        "value": "p q q p",
        "same object": "true",
        "no attribute created": "false",
      ])
  }

  @Test func dataset() throws {
    let lines = try run(
      body: #"<div id="d" data-foo-bar="1" data-x="2" data-Upper="3"></div>"#,
      #"""
      const d = $('d');
      log('get', d.dataset.fooBar + ' ' + d.dataset.x + ' ' + d.dataset.upper);
      log('keys', Object.keys(d.dataset).join());
      d.dataset.newThing = 'y';
      log('set', d.getAttribute('data-new-thing'));
      delete d.dataset.x;
      log('delete', d.hasAttribute('data-x'));
      log('in', ('fooBar' in d.dataset) + ' ' + ('x' in d.dataset));
      log('a name with a hyphen before a lowercase letter', failure(() => { d.dataset['a-b'] = '1'; }));
      d.dataset.num = 5;
      log('values are strings', typeof d.dataset.num + ' ' + d.getAttribute('data-num'));
      """#)
    check(
      lines,
      [
        "get": "1 2 3",
        "keys": "fooBar,x,upper",
        "set": "y",
        "delete": "false",
        "in": "true false",
        "a name with a hyphen before a lowercase letter": "SyntaxError/12",
        "values are strings": "string 5",
      ])
  }

  @Test func stylePropertiesRoundTrip() throws {
    let lines = try run(
      body: "",
      #"""
      const e = document.createElement('div');
      e.style.color = 'red';
      log('the attribute follows a property', e.getAttribute('style'));
      e.style.setProperty('margin-top', '4px', 'important');
      log('cssText', e.style.cssText);
      log('priority and value', e.style.getPropertyPriority('margin-top') + ' ' + e.style.marginTop + ' ' + e.style.getPropertyValue('margin-top'));
      e.setAttribute('style', 'background-color: blue; width: 10px');
      log('properties follow the attribute', e.style.backgroundColor + ' ' + e.style.width + ' ' + e.style.length + ' ' + JSON.stringify(e.style.color));
      log('indexed properties', e.style.item(0) + ' ' + e.style[1]);
      log('removeProperty', e.style.removeProperty('width') + ' ' + e.getAttribute('style'));
      e.style.cssText = 'float: left; color: red';
      log('float', e.style.cssFloat + ' ' + e.style.getPropertyValue('float'));
      e.style.color = '';
      log('an empty value removes the declaration', e.getAttribute('style'));
      e.style.cssText = '';
      log('empty cssText', JSON.stringify(e.getAttribute('style')) + ' ' + e.style.length);
      """#)
    check(
      lines,
      [
        "the attribute follows a property": "color: red;",
        "cssText": "color: red; margin-top: 4px !important;",
        "priority and value": "important 4px 4px",
        "properties follow the attribute": "blue 10px 2 \"\"",
        "indexed properties": "background-color width",
        "removeProperty": "10px background-color: blue;",
        "float": "left left",
        "an empty value removes the declaration": "float: left;",
        "empty cssText": "\"\" 0",
      ])
  }

  @Test func markupAccessors() throws {
    let lines = try run(
      body: #"<div id="box"><p id="mid">m</p></div>"#,
      #"""
      const mid = $('mid');
      mid.insertAdjacentHTML('beforebegin', '<i>1</i>');
      mid.insertAdjacentHTML('afterbegin', '<b>2</b>');
      mid.insertAdjacentHTML('beforeend', '<b>3</b>');
      mid.insertAdjacentHTML('afterend', '<i>4</i>');
      log('insertAdjacentHTML', $('box').innerHTML);
      log('outerHTML', mid.outerHTML);
      mid.outerHTML = '<span>x</span><span>y</span>';
      log('outerHTML setter', $('box').innerHTML + ' ' + mid.parentNode);
      log('invalid position', failure(() => $('box').insertAdjacentHTML('middle', 'x')));
      log('outerHTML of the document element', failure(() => { document.documentElement.outerHTML = '<html></html>'; }));
      const lone = document.createElement('div');
      lone.outerHTML = '<p>replaced</p>';
      log('outerHTML setter without a parent', lone.outerHTML);
      const text = document.createElement('p');
      text.textContent = 'a<b & "c"\u00a0';
      text.setAttribute('title', '<"&\u00a0>');
      log('escaping', text.outerHTML);
      const script = document.createElement('script');
      script.textContent = 'if (a < b && c > d) {}';
      log('raw text', script.outerHTML);
      const br = document.createElement('br');
      br.appendChild(document.createTextNode('child'));
      log('a void element with a child', JSON.stringify(br.innerHTML) + ' ' + br.outerHTML);
      const template = document.createElement('template');
      template.innerHTML = '<td>cell</td>';
      log('template', template.content.childNodes.length + ' ' + template.innerHTML + ' ' + template.childNodes.length + ' ' + template.outerHTML);
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'foreignObject'));
      svg.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', '#a');
      svg.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:lang', 'en');
      log('foreign elements and attributes', svg.outerHTML);
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open', serializable: true }).innerHTML = '<b>shadow</b>';
      host.append('light');
      const wrapper = document.createElement('section');
      wrapper.appendChild(host);
      log('getHTML', host.getHTML() + ' | ' + host.getHTML({ serializableShadowRoots: true }));
      log('getHTML of an ancestor', wrapper.getHTML({ serializableShadowRoots: true }));
      log('innerHTML leaves shadow roots out', wrapper.innerHTML);
      """#)
    check(
      lines,
      [
        "insertAdjacentHTML": #"<i>1</i><p id="mid"><b>2</b>m<b>3</b></p><i>4</i>"#,
        "outerHTML": #"<p id="mid"><b>2</b>m<b>3</b></p>"#,
        "outerHTML setter": "<i>1</i><span>x</span><span>y</span><i>4</i> null",
        "invalid position": "SyntaxError/12",
        "outerHTML of the document element": "NoModificationAllowedError/7",
        "outerHTML setter without a parent": "<div></div>",
        "escaping": #"<p title="&lt;&quot;&amp;&nbsp;&gt;">a&lt;b &amp; "c"&nbsp;</p>"#,
        "raw text": "<script>if (a < b && c > d) {}</script>",
        "a void element with a child": "\"\" <br>",
        "template": "1 <td>cell</td> 0 <template><td>cell</td></template>",
        "foreign elements and attributes": ##"<svg xlink:href="#a" xml:lang="en"><foreignObject></foreignObject></svg>"##,
        "getHTML": #"light | <template shadowrootmode="open" shadowrootserializable=""><b>shadow</b></template>light"#,
        "getHTML of an ancestor":
          #"<div><template shadowrootmode="open" shadowrootserializable=""><b>shadow</b></template>light</div>"#,
        "innerHTML leaves shadow roots out": "<div>light</div>",
      ])
  }

  @Test func documentTitle() throws {
    let lines = try run(
      body: "", head: "<title>  Hello \n  World  </title>",
      #"""
      log('get strips and collapses white space', JSON.stringify(document.title));
      document.title = 'New';
      log('set', document.querySelector('title').textContent + ' ' + document.querySelectorAll('title').length);
      document.querySelector('title').remove();
      log('no title', JSON.stringify(document.title));
      document.title = 'Made';
      log('set creates a title in the head', document.head.lastChild.outerHTML + ' ' + document.title);
      """#)
    check(
      lines,
      [
        "get strips and collapses white space": "\"Hello World\"",
        "set": "New 1",
        "no title": "\"\"",
        "set creates a title in the head": "<title>Made</title> Made",
      ])
  }

  @Test func namedAccess() throws {
    let lines = try run(
      body: """
        <div id="box"></div><form name="login" id="lf"><input name="user"><input id="pass"><button name="go"></button></form>\
        <img name="logo"><div id="dup"></div><div id="dup"></div><a name="anchor"></a><div id="document"></div>
        """,
      #"""
      log('window[id]', window.box === document.getElementById('box'));
      log('a global by id', typeof box + ' ' + (box === window.box));
      log('document[form name]', document.login === document.forms[0]);
      log('window[form name]', window.login === document.forms[0]);
      log('document[img name]', document.logo.localName + ' ' + (window.logo === document.logo));
      log('document does not expose a div by id', typeof document.box);
      log('window does not expose an a by name', typeof window.anchor);
      log('duplicate ids give a collection', (window.dup instanceof HTMLCollection) + ' ' + window.dup.length);
      const form = $('lf');
      log('form[control name or id]', [form.user.localName, form.pass.localName, form.go.localName, form[0].name].join(' '));
      log('form.elements', form.elements.length + ' ' + (form.elements.user === form.user) + ' ' + (form.elements.namedItem('pass') === form.pass));
      const late = document.createElement('div');
      late.id = 'late';
      document.body.append(late);
      const found = window.late === late;
      late.remove();
      log('named access is live', found + ' ' + typeof window.late);
      log('members win over names', window.document === document && window.document.nodeType === 9);
      """#)
    check(
      lines,
      [
        "window[id]": "true",
        "a global by id": "object true",
        "document[form name]": "true",
        "window[form name]": "true",
        "document[img name]": "img true",
        "document does not expose a div by id": "undefined",
        "window does not expose an a by name": "undefined",
        "duplicate ids give a collection": "true 2",
        "form[control name or id]": "input input button user",
        "form.elements": "3 true true",
        "named access is live": "true undefined",
        "members win over names": "true",
      ])
  }

  @Test func eventCaptureAndBubbleOrder() throws {
    let lines = try run(
      body: #"<div id="outer"><p id="inner"><b id="target">x</b></p></div>"#,
      #"""
      const order = [];
      const listen = (node, label) => {
        node.addEventListener('ping', (event) => order.push(`${label}:capture:${event.eventPhase}`), true);
        node.addEventListener('ping', (event) => order.push(`${label}:bubble:${event.eventPhase}`));
      };
      listen(window, 'window');
      listen(document, 'document');
      listen($('outer'), 'outer');
      listen($('inner'), 'inner');
      const target = $('target');
      target.addEventListener('ping', (event) => order.push(`target:bubble-listener:${event.eventPhase}`));
      target.addEventListener('ping', (event) => order.push(`target:capture-listener:${event.eventPhase}`), true);
      target.dispatchEvent(new Event('ping', { bubbles: true }));
      log('bubbling', order.join(' '));
      order.length = 0;
      target.dispatchEvent(new Event('ping'));
      log('not bubbling', order.join(' '));
      const seen = [];
      $('inner').addEventListener('stop', (event) => { seen.push('inner1'); event.stopPropagation(); });
      $('inner').addEventListener('stop', () => seen.push('inner2'));
      $('outer').addEventListener('stop', () => seen.push('outer'));
      target.dispatchEvent(new Event('stop', { bubbles: true }));
      log('stopPropagation', seen.join(' '));
      seen.length = 0;
      $('inner').addEventListener('halt', (event) => { seen.push('inner1'); event.stopImmediatePropagation(); });
      $('inner').addEventListener('halt', () => seen.push('inner2'));
      target.dispatchEvent(new Event('halt', { bubbles: true }));
      log('stopImmediatePropagation', seen.join(' '));
      seen.length = 0;
      document.addEventListener('early', (event) => { seen.push('document'); event.stopPropagation(); }, true);
      target.addEventListener('early', () => seen.push('target'));
      target.dispatchEvent(new Event('early', { bubbles: true }));
      log('stopped while capturing', seen.join(' '));
      let during = null;
      target.addEventListener('check', (event) => {
        during = `${event.target.id} ${event.currentTarget.id} ${event.eventPhase}`;
        event.preventDefault();
      });
      const cancelable = new Event('check', { cancelable: true });
      log('dispatch result', target.dispatchEvent(cancelable) + ' ' + cancelable.defaultPrevented + ' ' + during);
      const plain = new Event('check');
      log('not cancelable', target.dispatchEvent(plain) + ' ' + plain.defaultPrevented);
      log('after dispatch', cancelable.currentTarget + ' ' + cancelable.eventPhase + ' ' + (cancelable.target === target));
      let count = 0;
      target.addEventListener('once', () => count++, { once: true });
      target.dispatchEvent(new Event('once'));
      target.dispatchEvent(new Event('once'));
      const listener = () => count++;
      target.addEventListener('removed', listener);
      target.removeEventListener('removed', listener);
      target.dispatchEvent(new Event('removed'));
      log('once and removeEventListener', count);
      """#)
    let capturing = "window:capture:1 document:capture:1 outer:capture:1 inner:capture:1"
    let atTarget = "target:capture-listener:2 target:bubble-listener:2"
    check(
      lines,
      [
        "bubbling": "\(capturing) \(atTarget) inner:bubble:3 outer:bubble:3 document:bubble:3 window:bubble:3",
        "not bubbling": "\(capturing) \(atTarget)",
        "stopPropagation": "inner1 inner2",
        "stopImmediatePropagation": "inner1",
        "stopped while capturing": "document",
        "dispatch result": "false true target target 2",
        "not cancelable": "true false",
        "after dispatch": "null 0 true",
        "once and removeEventListener": "1",
      ])
  }
}
