// A document's loading as the HTML Standard sequences it: `readyState` 'loading' while the parser
// runs, then "the end" (§13.2.7): 'interactive' with `readystatechange`, the deferred scripts in
// order, `DOMContentLoaded` (a task), then, once nothing delays the load event (scripts that run
// as soon as possible, images), 'complete' with `readystatechange`, `load` at the window, and
// `pageshow` (not persisted). Images fetch their `src` (never decoded) and fire `load` or `error`,
// delaying the load event meanwhile (`complete` is false while they fetch). `loadState()` tells
// Swift how far the document got (and `location.js` whether the document is completely loaded).
(host, runtime) => {
  'use strict';
  const { Event, fire } = runtime.events;
  const { ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, FunctionPrototypeCall, Symbol } = runtime.primordials;
  const { HTML_NS, LOCAL, NAMESPACE, FIRST, NEXT, PARENT } = runtime.internals;
  const nodes = runtime.nodes;
  const { following } = nodes;
  const scripts = runtime['script-elements'];
  const { queueTask } = scripts;

  /** 0 loading, 1 parsing finished (DOMContentLoaded fired), 2 the load event fired. */
  let stage = 0;
  let document = null;
  let window = null;
  /** Things that delay the load event (images being fetched, stylesheets, frames). */
  let delays = 0;
  /** `loaded()`: called after the window's load event, before `pageshow` (a frame tells its iframe element). */
  const hooks = { __proto__: null, loaded: null };

  class PageTransitionEvent extends Event {
    #persisted;
    constructor(type, init = undefined) {
      super(type, init);
      this.#persisted = !!(init?.persisted);
    }
    get persisted() { return this.#persisted; }
  }
  ObjectDefineProperty(PageTransitionEvent.prototype, Symbol.toStringTag, { value: 'PageTransitionEvent', configurable: true });

  const setReadyState = (value) => {
    document[nodes.READY_STATE] = value;
    fire(document, new Event('readystatechange'));
  };

  /** HTML §13.2.7 "the end", from step 3 (the parser has stopped). */
  const finishParsing = () => {
    if (scripts.state.parserInsertedScan !== null) scripts.state.parserInsertedScan();
    visitImages(document);
    setReadyState('interactive');
    scripts.runFinishedParsingList(() => {
      queueTask(() => {
        fire(document, new Event('DOMContentLoaded', { bubbles: true }));
        stage = 1;
        maybeLoad();
      });
    });
  };

  let loadQueued = false;
  /** Steps 7-11: once nothing delays it, the load event. */
  const maybeLoad = () => {
    if (stage !== 1 || loadQueued || delays > 0 || scripts.state.asSoonAsPossible > 0) return;
    loadQueued = true;
    queueTask(() => {
      setReadyState('complete');
      // The load event is fired at the window with the document as its target (legacy target override).
      fire(window, new Event('load'), document);
      stage = 2;
      if (hooks.loaded !== null) hooks.loaded();
      fire(window, new PageTransitionEvent('pageshow', { persisted: false }), document);
    });
  };
  scripts.state.onScriptDone = maybeLoad;

  /** HTML "delay the load event" until the returned function is called (once; later calls do nothing). */
  const delayLoadEvent = () => {
    delays++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      delays--;
      maybeLoad();
    };
  };

  // ---- Images: fetched, never decoded -----------------------------------------------------------
  const IMAGE_REQUEST = Symbol('imageRequest');
  const srcOf = ObjectGetOwnPropertyDescriptor(runtime.elements.HTMLImageElement.prototype, 'src').get;
  const { getAttribute } = nodes.Element.prototype;
  const loadImage = (image) => {
    if (document === null || image[IMAGE_REQUEST] === true) return;
    const src = FunctionPrototypeCall(getAttribute, image, 'src');
    if (src === null) return;
    image[IMAGE_REQUEST] = true;
    const url = FunctionPrototypeCall(srcOf, image);
    if (src === '' || url === '') {
      queueTask(() => fire(image, new Event('error')));
      return;
    }
    delays++;
    host.fetchImage(url, (ok) => {
      image[IMAGE_REQUEST] = false;
      fire(image, new Event(ok ? 'load' : 'error'));
      delays--;
      maybeLoad();
    });
  };
  const visitImages = (node) => {
    if (node[LOCAL] === 'img' && node[NAMESPACE] === HTML_NS) {
      loadImage(node);
      return;
    }
    for (let child = node[FIRST] ?? null; child !== null; child = following(child, node)) {
      if (child[LOCAL] === 'img' && child[NAMESPACE] === HTML_NS) loadImage(child);
    }
  };
  const previousInserted = nodes.hooks.inserted;
  nodes.hooks.inserted = (node) => {
    if (previousInserted !== null) previousInserted(node);
    if (document !== null && FunctionPrototypeCall(isConnected, node)) visitImages(node);
  };
  const isConnected = ObjectGetOwnPropertyDescriptor(nodes.Node.prototype, 'isConnected').get;
  const previousAttributeChanged = nodes.hooks.attributeChanged;
  nodes.hooks.attributeChanged = (element, localName, namespace, oldValue, value) => {
    if (previousAttributeChanged !== null) previousAttributeChanged(element, localName, namespace, oldValue, value);
    if (localName === 'src' && namespace === null && element[LOCAL] === 'img' && element[NAMESPACE] === HTML_NS && document !== null) {
      element[IMAGE_REQUEST] = false;
      loadImage(element);
    }
  };

  /**
   * HTML's `img.complete`: true when neither `src` nor `srcset` is given, when `srcset` is not
   * and `src` is empty, and when the image's request is done (loaded, as Caper never decodes, or
   * broken); false while it is being fetched.
   */
  const imagePrototype = runtime.elements.HTMLImageElement.prototype;
  const completeDescriptor = ObjectGetOwnPropertyDescriptor(imagePrototype, 'complete');
  ObjectDefineProperty(imagePrototype, 'complete', {
    get() {
      const src = FunctionPrototypeCall(getAttribute, this, 'src');
      const srcset = FunctionPrototypeCall(getAttribute, this, 'srcset');
      if (srcset === null && (src === null || src === '')) return true;
      return this[IMAGE_REQUEST] !== true;
    },
    configurable: completeDescriptor.configurable, enumerable: completeDescriptor.enumerable,
  });

  const install = (global, loaded) => {
    window = global;
    document = loaded;
    document[nodes.READY_STATE] = 'loading';
  };

  /**
   * HTML §7.4.6.3 "unload a document", without a back-forward cache: `pagehide` (not persisted,
   * the document as its target) and `unload` at the window, once; the navigable then discards it.
   */
  let unloaded = false;
  const unload = () => {
    if (unloaded || window === null) return;
    unloaded = true;
    fire(window, new PageTransitionEvent('pagehide', { persisted: false }), document);
    fire(window, new Event('unload'), document);
  };

  return ObjectFreeze({
    interfaces: ObjectFreeze({ PageTransitionEvent }), install, finishParsing, loadState: () => stage, delayLoadEvent, hooks, unload,
  });
}
