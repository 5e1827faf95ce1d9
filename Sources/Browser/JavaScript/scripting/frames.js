// Iframes (HTML §4.8.5) as nested documents, each in a page realm of its own that Swift makes in a
// task (`FramesAPI`, `NestedBrowsingContext`). As a parent: an `<iframe>` that becomes connected,
// or whose `src` or `srcdoc` changes, asks `host.openFrame(url, srcdoc, isSrcdoc, callback)` for a
// frame (the previous one is closed, `host.closeFrame(id)`, as is the frame of a removed iframe);
// the frame delays the document's load event until its own `load` has fired, when the iframe
// element's `load` event fires (HTML "iframe load event steps", in Chromium's order: after the
// frame's `load`, before its `pageshow`). `contentWindow` and `contentDocument` (null until the
// frame's realm is made, a task after insertion: Chromium makes the initial about:blank at once),
// `window.length` and `window[i]` (the frames in tree order). As a frame: `adopt(parent, top,
// callback)`, called by Swift once the frame's document is begun, gives `parent`, `top` and
// `frameElement` (null at the top level and once the iframe let the frame go).
//
// The parent's `callback(kind, a, b)` is the only link: 'attached' (the frame's window and document,
// from the frame), 'element' (the iframe, or null), 'loaded'. Cross-origin frames are not loaded:
// Swift gives them an about:blank document instead and says so on the console.
(host, runtime) => {
  'use strict';
  const { FunctionPrototypeCall, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, Symbol, ArrayPrototypePush } =
    runtime.primordials;
  const { HTML_NS, LOCAL, NAMESPACE, FIRST, NEXT, PARENT, DOCUMENT } = runtime.internals;
  const { Event, fire } = runtime.events;
  const nodes = runtime.nodes;
  const { following } = nodes;
  const loading = runtime['document-loading'];

  const { getAttribute } = nodes.Element.prototype;
  const attribute = (element, name) => FunctionPrototypeCall(getAttribute, element, name);
  const isConnected = ObjectGetOwnPropertyDescriptor(nodes.Node.prototype, 'isConnected').get;
  const IFramePrototype = runtime.elements.HTMLIFrameElement.prototype;
  const srcOf = ObjectGetOwnPropertyDescriptor(IFramePrototype, 'src').get;

  /** Per iframe: its frame `{ id, window, document, release }`. */
  const FRAME = Symbol('contentNavigable');
  let document = null;
  let global = null;
  /** This realm as a frame: the parent's callback (null at the top level). */
  let toParent = null;

  const isIFrame = (node) => node[LOCAL] === 'iframe' && node[NAMESPACE] === HTML_NS;

  /** Lets the iframe's frame go (its realm is closed in a task). */
  const discard = (iframe) => {
    const frame = iframe[FRAME];
    if (frame === undefined || frame === null) return;
    iframe[FRAME] = null;
    host.closeFrame(frame.id);
    frame.release();
  };

  /** HTML "create a new child navigable" and "process the iframe attributes", in one. */
  const open = (iframe) => {
    if (document === null || iframe[DOCUMENT] !== document || !FunctionPrototypeCall(isConnected, iframe)) return;
    discard(iframe);
    const srcdoc = attribute(iframe, 'srcdoc');
    const src = attribute(iframe, 'src');
    let url = 'about:blank';
    if (srcdoc !== null) url = 'about:srcdoc';
    else if (src !== null && src !== '') url = FunctionPrototypeCall(srcOf, iframe) || 'about:blank';
    const frame = { id: 0, window: null, document: null, release: loading.delayLoadEvent() };
    ObjectDefineProperty(iframe, FRAME, { value: frame, writable: true, configurable: true });
    frame.id = host.openFrame(url, srcdoc ?? '', srcdoc !== null, (kind, a, b) => {
      if (iframe[FRAME] !== frame) return null;
      if (kind === 'element') return iframe;
      if (kind === 'attached') {
        frame.window = a;
        frame.document = b;
        defineIndexes();
      } else if (kind === 'loaded') {
        fire(iframe, new Event('load'));
        frame.release();
      }
      return null;
    });
  };

  const visit = (root, action) => {
    if (isIFrame(root)) {
      action(root);
      return;
    }
    for (let node = root[FIRST] ?? null; node !== null; node = following(node, root)) if (isIFrame(node)) action(node);
  };

  /** The windows of the document's frames, in tree order (HTML "document-tree child navigables"). */
  const frameWindows = () => {
    const windows = [];
    if (document === null) return windows;
    visit(document, (iframe) => {
      const window = iframe[FRAME]?.window ?? null;
      if (window !== null) ArrayPrototypePush(windows, window);
    });
    return windows;
  };
  let indexes = 0;
  /** `window[i]` for every frame index reached so far (WindowProxy's indexed getter). */
  const defineIndexes = () => {
    const count = frameWindows().length;
    for (; indexes < count; indexes++) {
      const index = indexes;
      ObjectDefineProperty(global, index, { get() { return frameWindows()[index]; }, configurable: true, enumerable: true });
    }
  };

  // Iframes the parser inserted (it announces none) get their frame at the next scan.
  const previousScan = runtime['script-elements'].state.parserInsertedScan;
  runtime['script-elements'].state.parserInsertedScan = () => {
    if (previousScan !== null) previousScan();
    if (document !== null) visit(document, (iframe) => { if (iframe[FRAME] === undefined) open(iframe); });
  };

  const previousInserted = nodes.hooks.inserted;
  nodes.hooks.inserted = (node) => {
    if (previousInserted !== null) previousInserted(node);
    if (document !== null && FunctionPrototypeCall(isConnected, node)) visit(node, open);
  };
  const previousRemoved = nodes.hooks.removed;
  nodes.hooks.removed = (node, oldParent) => {
    if (previousRemoved !== null) previousRemoved(node, oldParent);
    visit(node, discard);
  };
  const previousAttributeChanged = nodes.hooks.attributeChanged;
  nodes.hooks.attributeChanged = (element, localName, namespace, oldValue, value) => {
    if (previousAttributeChanged !== null) previousAttributeChanged(element, localName, namespace, oldValue, value);
    if (namespace === null && (localName === 'src' || localName === 'srcdoc') && isIFrame(element)) open(element);
  };

  ObjectDefineProperty(IFramePrototype, 'contentWindow', {
    get() { return this[FRAME]?.window ?? null; }, configurable: true, enumerable: true,
  });
  ObjectDefineProperty(IFramePrototype, 'contentDocument', {
    get() { return this[FRAME]?.document ?? null; }, configurable: true, enumerable: true,
  });

  const install = (window, loaded) => {
    global = window;
    document = loaded;
    ObjectDefineProperty(global, 'length', {
      get() { return frameWindows().length; },
      set(value) { ObjectDefineProperty(global, 'length', { value, writable: true, configurable: true, enumerable: true }); },
      configurable: true,
      enumerable: true,
    });
    ObjectDefineProperty(global, 'frameElement', {
      get() { return toParent === null ? null : toParent('element'); }, configurable: true, enumerable: true,
    });
    loading.hooks.loaded = () => {
      if (toParent !== null) toParent('loaded');
    };
  };

  return ObjectFreeze({
    install,
    /** The id of the frame `element` (an iframe of this document) holds, or 0 (Caper's locators enter frames by it). */
    frameId: (element) => (isIFrame(element) && element[DOCUMENT] === document ? element[FRAME]?.id ?? 0 : 0),
    /** This realm is a frame of `parent` (whose top-level window is `top`); `callback` reaches the iframe. */
    adopt(parent, top, callback) {
      toParent = callback;
      ObjectDefineProperty(global, 'parent', { get() { return parent; }, configurable: true, enumerable: true });
      ObjectDefineProperty(global, 'top', { get() { return top; }, configurable: true, enumerable: true });
      callback('attached', global, document);
    },
  });
}
