// The document's referrer policy from `<meta name="referrer" content="...">` (HTML §4.2.5.3
// "standard metadata names", referrer): when such a meta element is in the document tree (the
// parser inserted it, page code inserted it, or its `name` or `content` changed), its content,
// ASCII-lowercased, with the legacy keywords mapped (`never`, `default`, `always`,
// `origin-when-crossorigin`), becomes the policy of the document's later fetches when it names
// a referrer policy (`host.setReferrerPolicy(policy)`, kept in Swift as the policy container's).
// The elements come from `meta-elements.js`: those the parser inserted when it reaches a script
// and when it ends, so a script sees the policy of every meta element above it.
(host, runtime) => {
  'use strict';
  const { FunctionPrototypeCall, ObjectFreeze, ObjectGetOwnPropertyDescriptor, SetPrototypeHas, StringPrototypeToLowerCase } =
    runtime.primordials;
  const nodes = runtime.nodes;
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
  /** The steps for a meta element of the document (HTML §4.2.5.3, referrer). */
  const process = (element) => {
    if (document === null || !FunctionPrototypeCall(isConnected, element)) return;
    const name = attribute(element, 'name');
    if (name === null || StringPrototypeToLowerCase(name) !== 'referrer') return;
    const content = attribute(element, 'content');
    if (content === null || content === '') return;
    let value = StringPrototypeToLowerCase(content);
    value = legacy[value] ?? value;
    if (SetPrototypeHas(policies, value)) host.setReferrerPolicy(value);
  };
  runtime['meta-elements'].watch(process, ['name', 'content']);

  const install = (global, loaded) => {
    document = loaded;
  };

  return ObjectFreeze({ install });
}
