// The `<meta>` elements of the document, for the scripts that act on them (HTML §4.2.5: the
// referrer metadata name, the refresh pragma): `watch(process, attributes)` calls
// `process(element)` for each HTML meta element in the document tree once it is there (the parser
// inserted it, page code inserted it), and again when one of `attributes` of a connected one
// changes. Elements the parser inserted are found when it reaches a script and when it ends (it
// announces no element), in tree order, each once per watcher; `process` decides what else to skip.
(host, runtime) => {
  'use strict';
  const { ArrayPrototypeIncludes, ArrayPrototypePush, FunctionPrototypeCall, ObjectFreeze, ObjectGetOwnPropertyDescriptor, Symbol } =
    runtime.primordials;
  const { HTML_NS, LOCAL, NAMESPACE, FIRST } = runtime.internals;
  const nodes = runtime.nodes;
  const { following } = nodes;
  const scripts = runtime['script-elements'];
  const isConnected = ObjectGetOwnPropertyDescriptor(nodes.Node.prototype, 'isConnected').get;

  let document = null;
  /** `{ process, attributes, seen }`: `seen` marks the elements a parser scan already gave it. */
  const watchers = [];

  const isMeta = (node) => node[LOCAL] === 'meta' && node[NAMESPACE] === HTML_NS;
  const give = (watcher, element) => {
    element[watcher.seen] = true;
    watcher.process(element);
  };
  /** Every meta element at or under `node`, in tree order, to every watcher. */
  const visit = (node) => {
    for (let each = node; each !== null; each = each === node ? node[FIRST] ?? null : following(each, node)) {
      if (!isMeta(each)) continue;
      for (let i = 0; i < watchers.length; i++) give(watchers[i], each);
    }
  };

  const previousScan = scripts.state.parserInsertedScan;
  scripts.state.parserInsertedScan = () => {
    if (previousScan !== null) previousScan();
    if (document === null || watchers.length === 0) return;
    for (let node = document[FIRST] ?? null; node !== null; node = following(node, document)) {
      if (!isMeta(node)) continue;
      for (let i = 0; i < watchers.length; i++) if (node[watchers[i].seen] !== true) give(watchers[i], node);
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
    if (document === null || namespace !== null || !isMeta(element) || !FunctionPrototypeCall(isConnected, element)) return;
    for (let i = 0; i < watchers.length; i++) {
      if (ArrayPrototypeIncludes(watchers[i].attributes, localName)) give(watchers[i], element);
    }
  };

  /** Calls `process(element)` for the document's meta elements (see above). */
  const watch = (process, attributes = []) => {
    ArrayPrototypePush(watchers, { process, attributes, seen: Symbol('metaSeen') });
  };

  const install = (global, loaded) => {
    document = loaded;
  };

  return ObjectFreeze({ install, watch });
}
