// Custom elements (HTML Standard §4.13): CustomElementRegistry (`window.customElements`: define,
// get, getName, whenDefined, upgrade), HTMLElement's constructor for defined classes, upgrades
// (on define, on connection, through upgrade()), createElement of a defined name, and the
// lifecycle callbacks connectedCallback, disconnectedCallback, adoptedCallback and
// attributeChangedCallback (observedAttributes). The custom element reactions stack is
// simplified: a callback runs as soon as the DOM operation that caused it is done, in order, and
// an exception it throws is reported, never thrown to the caller. Elements the parser creates
// before their definition are upgraded when defined or when inserted into the document.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const {
    ArrayPrototypeIncludes, ArrayPrototypePop, ArrayPrototypePush, FunctionPrototypeApply, Map, MapPrototypeDelete, MapPrototypeGet,
    MapPrototypeSet, ObjectDefineProperty, ObjectFreeze, ObjectSetPrototypeOf, Promise, PromiseReject, PromiseResolve, ReflectConstruct,
    RegExp, RegExpTest, String, Symbol, TypeError,
  } = runtime.primordials;
  const { TYPE, DOCUMENT, PARENT, FIRST, NAMESPACE, LOCAL, ATTRIBUTES, SHADOW, VALUE, HTML_NS } = runtime.internals;
  const { makeError } = runtime['dom-exception'];
  const nodes = runtime.nodes;
  const events = runtime.events;
  const { CUSTOM_ELEMENT_STATE: STATE, following, shadowIncludingRoot } = nodes;
  const { HTMLElement } = runtime.elements.interfaces;

  /** Element: its custom element definition, once upgraded or constructed. */
  const DEFINITION = Symbol('customElementDefinition');
  const ALREADY_CONSTRUCTED = Symbol('alreadyConstructed');
  const REGISTRY = Symbol('registry');

  // HTML §4.13.2: valid custom element names (PotentialCustomElementName, not a reserved name).
  const pcenChar = '-.0-9_a-z\\u00B7\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u203F\\u2040' +
    '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
  const potentialName = new RegExp(`^[a-z](?:[${pcenChar}]|[\\uD800-\\uDB7F][\\uDC00-\\uDFFF])*$`);
  const reservedNames = ['annotation-xml', 'color-profile', 'font-face', 'font-face-src', 'font-face-uri', 'font-face-format',
    'font-face-name', 'missing-glyph'];
  const isValidCustomElementName = (name) => RegExpTest(potentialName, name) && runtime.primordials.StringPrototypeIndexOf(name, '-') > 0 &&
    !ArrayPrototypeIncludes(reservedNames, name);

  const byName = new Map();
  const byConstructor = new Map();
  const whenDefinedPromises = new Map();
  let definitionRunning = false;
  let definitionCount = 0;

  const isElement = (node) => node !== null && typeof node === 'object' && node[TYPE] === 1;
  const isConnected = (node) => shadowIncludingRoot(node)[TYPE] === 9;
  /** Whether `document` has a browsing context (a window): only then are definitions looked up. */
  const hasBrowsingContext = (document) => (document[events.DEFAULT_VIEW] ?? null) !== null;

  /** HTML §4.13.3: look up a custom element definition. */
  const lookUp = (document, namespace, localName, is) => {
    if (namespace !== HTML_NS || !hasBrowsingContext(document)) return null;
    const definition = MapPrototypeGet(byName, localName);
    if (definition !== undefined && definition.localName === localName) return definition;
    if (is !== null) {
      const customized = MapPrototypeGet(byName, is);
      if (customized !== undefined && customized.localName === localName) return customized;
    }
    return null;
  };
  const stateOf = (element) => element[STATE] ?? (element[NAMESPACE] === HTML_NS && isValidCustomElementName(element[LOCAL]) ? 'undefined' : 'uncustomized');
  const setState = (element, state) => ObjectDefineProperty(element, STATE, { value: state, writable: true, configurable: true });
  const setDefinition = (element, definition) => ObjectDefineProperty(element, DEFINITION, { value: definition, writable: true, configurable: true });

  /** Calls a lifecycle callback of `element`'s definition, reporting what it throws. */
  const react = (element, name, args) => {
    const definition = element[DEFINITION];
    if (definition === undefined || definition === null || element[STATE] !== 'custom') return;
    const callback = definition.callbacks[name];
    if (callback === undefined) return;
    try {
      FunctionPrototypeApply(callback, element, args);
    } catch (error) {
      events.report(error);
    }
  };

  /** HTML §4.13.5: upgrade `element` with `definition`; what the constructor throws is reported. */
  const upgrade = (element, definition) => {
    const state = stateOf(element);
    if (state !== 'undefined' && state !== 'uncustomized') return;
    setDefinition(element, definition);
    setState(element, 'failed');
    const stack = definition.constructionStack;
    ArrayPrototypePush(stack, element);
    try {
      const result = ReflectConstruct(definition.constructor, []);
      if (result !== element) throw new TypeError('The custom element constructor did not produce the element being upgraded.');
    } catch (error) {
      setDefinition(element, null);
      events.report(error);
      return;
    } finally {
      ArrayPrototypePop(stack);
    }
    setState(element, 'custom');
    // The reactions the upgrade enqueued before constructing run now, in order.
    if (definition.observedAttributes.length > 0) {
      for (const attribute of safeArray(element[ATTRIBUTES])) {
        if (ArrayPrototypeIncludes(definition.observedAttributes, attribute[LOCAL])) {
          react(element, 'attributeChangedCallback', [attribute[LOCAL], null, attribute[VALUE], attribute[NAMESPACE]]);
        }
      }
    }
    if (isConnected(element)) react(element, 'connectedCallback', []);
  };
  /** HTML §4.13.5: try to upgrade an element. */
  const tryToUpgrade = (element) => {
    const definition = lookUp(element[DOCUMENT], element[NAMESPACE], element[LOCAL], null);
    if (definition !== null) upgrade(element, definition);
  };

  /** The shadow-including inclusive descendants of `root` in shadow-including tree order, elements only. */
  const shadowIncludingElements = (root) => {
    const elements = [];
    const walk = (top) => {
      for (let node = top; node !== null; node = following(node, top)) {
        if (node[TYPE] !== 1) continue;
        ArrayPrototypePush(elements, node);
        if (node[SHADOW] !== null) walk(node[SHADOW]);
      }
    };
    walk(root);
    return elements;
  };

  class CustomElementRegistry {
    constructor() { throw new TypeError('Illegal constructor'); }
    define(name, constructor, options = undefined) {
      name = String(name);
      if (typeof constructor !== 'function' || !isConstructor(constructor)) {
        throw new TypeError("Failed to execute 'define' on 'CustomElementRegistry': The provided value is not a constructor.");
      }
      if (!isValidCustomElementName(name)) {
        throw makeError('SyntaxError', `Failed to execute 'define' on 'CustomElementRegistry': "${name}" is not a valid custom element name`);
      }
      if (MapPrototypeGet(byName, name) !== undefined) {
        throw makeError('NotSupportedError', `Failed to execute 'define' on 'CustomElementRegistry': the name "${name}" has already been used with this registry`);
      }
      if (MapPrototypeGet(byConstructor, constructor) !== undefined) {
        throw makeError('NotSupportedError', "Failed to execute 'define' on 'CustomElementRegistry': this constructor has already been used with this registry");
      }
      let localName = name;
      const extendsName = options?.extends;
      if (extendsName !== undefined && extendsName !== null) {
        const base = String(extendsName);
        if (isValidCustomElementName(base) || nodes.elementFactoryFor(HTML_NS, base) === nodes.elementFactoryFor(HTML_NS, 'no-such-element-x')) {
          throw makeError('NotSupportedError', `Failed to execute 'define' on 'CustomElementRegistry': "${base}" is not a valid local name for a customized built-in element.`);
        }
        localName = base;
      }
      if (definitionRunning) throw makeError('NotSupportedError', "Failed to execute 'define' on 'CustomElementRegistry': this registry is already defining an element.");
      definitionRunning = true;
      const callbacks = { __proto__: null };
      let observedAttributes = [];
      try {
        const prototype = constructor.prototype;
        if (prototype === null || (typeof prototype !== 'object' && typeof prototype !== 'function')) {
          throw new TypeError("Failed to execute 'define' on 'CustomElementRegistry': The 'prototype' property of the constructor is not an object.");
        }
        for (const callbackName of safeArray(['connectedCallback', 'disconnectedCallback', 'adoptedCallback', 'attributeChangedCallback'])) {
          const value = prototype[callbackName];
          if (value === undefined) continue;
          if (typeof value !== 'function') {
            throw new TypeError(`Failed to execute 'define' on 'CustomElementRegistry': The '${callbackName}' property of the prototype is not a function.`);
          }
          callbacks[callbackName] = value;
        }
        if (callbacks.attributeChangedCallback !== undefined) {
          const observed = constructor.observedAttributes;
          if (observed !== undefined) for (const attribute of observed) ArrayPrototypePush(observedAttributes, String(attribute));
        }
      } finally {
        definitionRunning = false;
      }
      const definition = { __proto__: null, name, localName, constructor, callbacks, observedAttributes, constructionStack: [] };
      MapPrototypeSet(byName, name, definition);
      definitionCount++;
      MapPrototypeSet(byConstructor, constructor, definition);
      const document = nodes.currentDocument();
      for (const element of safeArray(shadowIncludingElements(document))) {
        if (element[NAMESPACE] !== HTML_NS || element[LOCAL] !== localName) continue;
        if (localName !== name && nodes.getAttributeOrNull(element, 'is') !== name) continue;
        upgrade(element, definition);
      }
      const pending = MapPrototypeGet(whenDefinedPromises, name);
      if (pending !== undefined) {
        MapPrototypeDelete(whenDefinedPromises, name);
        pending.resolve(constructor);
      }
    }
    get(name) { return MapPrototypeGet(byName, String(name))?.constructor; }
    getName(constructor) { return MapPrototypeGet(byConstructor, constructor)?.name ?? null; }
    whenDefined(name) {
      name = String(name);
      if (!isValidCustomElementName(name)) {
        return PromiseReject(makeError('SyntaxError', `Failed to execute 'whenDefined' on 'CustomElementRegistry': "${name}" is not a valid custom element name`));
      }
      const definition = MapPrototypeGet(byName, name);
      if (definition !== undefined) return PromiseResolve(definition.constructor);
      let pending = MapPrototypeGet(whenDefinedPromises, name);
      if (pending === undefined) {
        pending = { __proto__: null, promise: null, resolve: null };
        pending.promise = new Promise((resolve) => { pending.resolve = resolve; });
        MapPrototypeSet(whenDefinedPromises, name, pending);
      }
      return pending.promise;
    }
    upgrade(root) {
      nodes.checkNode(root);
      for (const element of safeArray(shadowIncludingElements(root))) tryToUpgrade(element);
    }
  }
  ObjectDefineProperty(CustomElementRegistry.prototype, Symbol.toStringTag, { value: 'CustomElementRegistry', configurable: true });
  function NewTargetProbe() {}
  const isConstructor = (value) => {
    try {
      ReflectConstruct(NewTargetProbe, [], value);
      return true;
    } catch {
      return false;
    }
  };

  // HTML §3.2.3: the HTML element constructors, for a class a definition names.
  nodes.hooks.constructHTMLElement = (newTarget) => {
    const definition = newTarget === undefined ? undefined : MapPrototypeGet(byConstructor, newTarget);
    if (newTarget === HTMLElement || definition === undefined) throw new TypeError('Illegal constructor');
    let prototype = newTarget.prototype;
    if (prototype === null || (typeof prototype !== 'object' && typeof prototype !== 'function')) prototype = HTMLElement.prototype;
    const stack = definition.constructionStack;
    if (stack.length === 0) {
      const element = nodes.createElement(nodes.currentDocument(), HTML_NS, null, definition.localName);
      ObjectSetPrototypeOf(element, prototype);
      setState(element, 'custom');
      setDefinition(element, definition);
      return element;
    }
    const element = stack[stack.length - 1];
    if (element === ALREADY_CONSTRUCTED) throw new TypeError('Failed to construct \'HTMLElement\': This instance is already constructed');
    ObjectSetPrototypeOf(element, prototype);
    stack[stack.length - 1] = ALREADY_CONSTRUCTED;
    return element;
  };

  // HTML §4.13 "create an element" with the synchronous custom elements flag (createElement, createElementNS).
  nodes.hooks.createCustomElement = (document, namespace, localName, is) => {
    if (namespace !== HTML_NS) return null;
    const definition = lookUp(document, namespace, localName, is);
    if (definition === null) {
      if (!isValidCustomElementName(localName) && is === null) return null;
      const element = nodes.createElement(document, namespace, null, localName);
      if (is !== null) ObjectDefineProperty(element, IS_VALUE, { value: is, configurable: true });
      setState(element, isValidCustomElementName(localName) ? 'undefined' : 'uncustomized');
      return element;
    }
    if (definition.localName !== definition.name) {
      // A customized built-in: the built-in element, then upgraded synchronously.
      const element = nodes.createElement(document, namespace, null, localName);
      ObjectDefineProperty(element, IS_VALUE, { value: is, configurable: true });
      upgrade(element, definition);
      return element;
    }
    try {
      const result = ReflectConstruct(definition.constructor, []);
      if (!isElement(result) || result[NAMESPACE] !== HTML_NS) throw new TypeError('The result must implement HTMLElement.');
      if (result[ATTRIBUTES].length !== 0) throw makeError('NotSupportedError', 'The result must not have attributes.');
      if (result[FIRST] !== null) throw makeError('NotSupportedError', 'The result must not have children.');
      if (result[PARENT] !== null) throw makeError('NotSupportedError', 'The result must not have a parent.');
      if (result[DOCUMENT] !== document) throw makeError('NotSupportedError', 'The result must be in the same document.');
      if (result[LOCAL] !== localName) throw makeError('NotSupportedError', 'The result must have the same localName.');
      return result;
    } catch (error) {
      events.report(error);
      const element = nodes.createElement(document, namespace, null, localName);
      ObjectSetPrototypeOf(element, runtime.elements.interfaces.HTMLUnknownElement.prototype);
      setState(element, 'failed');
      return element;
    }
  };
  const IS_VALUE = Symbol('isValue');

  // The reactions: connected, disconnected, adopted, attribute changed (HTML §4.13.6).
  const chain = (name, hook) => {
    const previous = nodes.hooks[name];
    nodes.hooks[name] = previous === null ? hook : (a, b, c, d, e) => { previous(a, b, c, d, e); hook(a, b, c, d, e); };
  };
  chain('inserted', (node) => {
    if (definitionCount === 0 || !isConnected(node)) return;
    for (const element of safeArray(shadowIncludingElements(node))) {
      if (element[STATE] === 'custom') react(element, 'connectedCallback', []);
      else tryToUpgrade(element);
    }
  });
  // The parser: an element whose definition exists is made custom when created (HTML §13.2.6.1
  // "create an element for a token" with synchronous custom elements: here as an upgrade, its
  // attributes already set), and gets its `connectedCallback` once inserted into a document.
  chain('parserCreated', (element) => {
    if (definitionCount !== 0) tryToUpgrade(element);
  });
  chain('parserInserted', (node) => {
    if (definitionCount !== 0 && node[STATE] === 'custom' && isConnected(node)) react(node, 'connectedCallback', []);
  });
  chain('removed', (node, oldParent) => {
    if (definitionCount === 0 || !isConnected(oldParent)) return;
    for (const element of safeArray(shadowIncludingElements(node))) {
      if (element[STATE] === 'custom') react(element, 'disconnectedCallback', []);
    }
  });
  chain('adopted', (root, oldDocument) => {
    if (definitionCount === 0) return;
    for (const element of safeArray(shadowIncludingElements(root))) {
      if (element[STATE] === 'custom') react(element, 'adoptedCallback', [oldDocument, element[DOCUMENT]]);
    }
  });
  chain('attributeChanged', (element, localName, namespace, oldValue, value) => {
    if (element[STATE] !== 'custom') return;
    const definition = element[DEFINITION];
    if (definition !== null && definition !== undefined && ArrayPrototypeIncludes(definition.observedAttributes, localName)) {
      react(element, 'attributeChangedCallback', [localName, oldValue, value, namespace]);
    }
  });

  let registry = null;
  /** Installs `customElements` on a window's global (the one registry of the realm). */
  const install = (global) => {
    if (registry === null) {
      registry = ObjectCreateRegistry();
    }
    ObjectDefineProperty(global, 'customElements', { get() { return registry; }, configurable: true, enumerable: true });
  };
  const ObjectCreateRegistry = () => {
    const object = runtime.primordials.ObjectCreate(CustomElementRegistry.prototype);
    object[REGISTRY] = true;
    return object;
  };

  const interfaces = { CustomElementRegistry };
  return ObjectFreeze({ ...interfaces, interfaces: ObjectFreeze(interfaces), install, isValidCustomElementName, tryToUpgrade });
}
