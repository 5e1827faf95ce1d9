// The document's referrer policy from `<meta name="referrer" content="...">` (HTML §4.2.5.3
// "standard metadata names", referrer): when such a meta element is in the document tree (the
// parser inserted it, page code inserted it, or its `name` or `content` changed), its content,
// ASCII-lowercased, with the legacy keywords mapped (`never`, `default`, `always`,
// `origin-when-crossorigin`), becomes the policy of the document's later fetches when it names
// a referrer policy (`host.setReferrerPolicy(policy)`, kept in Swift as the policy container's).
// Elements the parser inserted are found when it reaches a script and when it ends (it announces
// no element), so a script sees the policy of every meta element above it.
(host, runtime) => {
  'use strict';
  const { FunctionPrototypeCall, ObjectFreeze, ObjectGetOwnPropertyDescriptor, SetPrototypeHas, StringPrototypeToLowerCase } =
    runtime.primordials;
  const { HTML_NS, LOCAL, NAMESPACE, FIRST } = runtime.internals;
  const nodes = runtime.nodes;
  const { following } = nodes;
  const scripts = runtime['script-elements'];
  const { getAttribute } = nodes.Element.prototype;
  const isConnected = ObjectGetOwnPropertyDescriptor(nodes.Node.prototype, 'isConnected').get;
  const attribute = (element, name) => FunctionPrototypeCall(getAttribute, element, name);

  const policies = new runtime.primordials.Set([
    'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin', 'origin-when-cross-origin',
    'strict-origin-when-cross-origin', 'unsafe-url',
  ]);
  const legacy = {
    __proto__: null, never: 'no-referrer', default: 'strict-origin-when-cross-origin', always: 'unsafe-url',
    'origin-when-crossorigin': 'origin-when-cross-origin',
  };

  let document = null;
  /** Set on a meta element once processed in the document, so a parser scan skips it. */
  const SEEN = runtime.primordials.Symbol('referrerPolicySeen');

  /** The steps for a meta element of the document (HTML §4.2.5.3, referrer). */
  const process = (element) => {
    if (document === null || !FunctionPrototypeCall(isConnected, element)) return;
    element[SEEN] = true;
    const name = attribute(element, 'name');
    if (name === null || StringPrototypeToLowerCase(name) !== 'referrer') return;
    const content = attribute(element, 'content');
    if (content === null || content === '') return;
    let value = StringPrototypeToLowerCase(content);
    value = legacy[value] ?? value;
    if (SetPrototypeHas(policies, value)) host.setReferrerPolicy(value);
  };
  const isMeta = (node) => node[LOCAL] === 'meta' && node[NAMESPACE] === HTML_NS;
  const visit = (node) => {
    if (isMeta(node)) {
      process(node);
      return;
    }
    for (let child = node[FIRST] ?? null; child !== null; child = following(child, node)) if (isMeta(child)) process(child);
  };

  // The parser's meta elements: each scan looks at the ones not seen yet, in tree order.
  const previousScan = scripts.state.parserInsertedScan;
  scripts.state.parserInsertedScan = () => {
    if (previousScan !== null) previousScan();
    if (document === null) return;
    for (let node = document[FIRST] ?? null; node !== null; node = following(node, document)) {
      if (isMeta(node) && node[SEEN] !== true) process(node);
    }
  };
  const previousInserted = nodes.hooks.inserted;
  nodes.hooks.inserted = (node) => {
    if (previousInserted !== null) previousInserted(node);
    if (document !== null && !scripts.state.parserApplying && FunctionPrototypeCall(isConnected, node)) visit(node);
  };
  const previousAttributeChanged = nodes.hooks.attributeChanged;
  nodes.hooks.attributeChanged = (element, localName, namespace, oldValue, value) => {
    if (previousAttributeChanged !== null) previousAttributeChanged(element, localName, namespace, oldValue, value);
    if (namespace === null && (localName === 'name' || localName === 'content') && isMeta(element)) process(element);
  };

  const install = (global, loaded) => {
    document = loaded;
  };

  return ObjectFreeze({ install });
}
