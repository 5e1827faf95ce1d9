// CSSOM View's members without layout (CSSOM View §5 Window, §6 Element, §7 HTMLElement, §5.1
// Document): Caper computes the cascade, not boxes (DESIGN.md "No layout"), so every box counts as
// having zero size at the origin of a viewport that never scrolls. What the cascade knows stays
// true: an element has a box when it is connected, rendered (no `display: none` on it or an
// ancestor, not inside a closed <details> or a replaced element) and not `display: contents`;
// `getClientRects()` is empty without a box and one zero DOMRect with one; `offsetParent` follows
// §7's ancestors (computed `position`, td/th/table, body); the root element's client and scroll
// sizes are the viewport's. Scroll offsets stay 0: `scrollTop = n` and `scrollTo(...)` convert
// their arguments as WebIDL does and clamp to 0, with no scroll event (nothing moved).
// `elementFromPoint` is null and `elementsFromPoint` empty (no hit testing).
// Not modelled: containing blocks made by transform/filter/perspective (offsetParent looks at
// `position` only) and the flat tree through slots (an element's DOM parent is its parent).
(host, runtime) => {
  'use strict';
  const { ArrayPrototypeIndexOf, ObjectDefineProperties, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, String, TypeError } =
    runtime.primordials;
  const { TYPE, PARENT, NAMESPACE, LOCAL, HOST, MODE, DOCUMENT, HTML_NS } = runtime.internals;
  const nodes = runtime.nodes;
  const { Element, Document } = nodes.interfaces;
  const { HTMLElement } = runtime.elements.interfaces;
  const { Window } = runtime.window;
  const cascade = runtime.cascade;
  const { DOMRect, makeRectList } = runtime.geometry;

  // ---- Boxes as the cascade knows them ------------------------------------------------------------
  /** The computed style of `element` when it has a CSS box (connected, rendered, not display: contents), else null. */
  const boxStyle = (element) => {
    const record = cascade.computedStyle(element);
    return record !== null && record.rendered && record.display !== 'contents' ? record : null;
  };
  const isHTML = (element, name) => element[NAMESPACE] === HTML_NS && element[LOCAL] === name;
  const bodyGetter = ObjectGetOwnPropertyDescriptor(Document.prototype, 'body').get;
  /** The HTML body element (HTML §3.1.3 "the body element" when it is a body). */
  const bodyOf = (document) => {
    const body = nodes.documentElement(document) === null ? null : runtime.primordials.FunctionPrototypeCall(bodyGetter, document);
    return body !== null && isHTML(body, 'body') ? body : null;
  };
  const isRoot = (element) => element[PARENT] !== null && element[PARENT][TYPE] === 9;
  /** CSSOM View §6's viewport cases: the root element outside quirks mode, the body element in quirks mode. */
  const measuresViewport = (element) => {
    const document = element[DOCUMENT];
    if (document[MODE] === 'quirks') return bodyOf(document) === element;
    return isRoot(element) && nodes.documentElement(document) === element;
  };
  const viewportOf = (element) => cascade.viewport(element[DOCUMENT][runtime.events.DEFAULT_VIEW]);
  /** The parent of `node` with shadow roots crossed to their hosts. */
  const parentAcrossShadows = (node) => {
    const parent = node[PARENT];
    if (parent !== null && parent[TYPE] === 11 && parent[HOST]) return parent[HOST];
    return parent;
  };

  /** CSSOM View §7 offsetParent. */
  const offsetParent = (element) => {
    const style = boxStyle(element);
    if (style === null || isRoot(element) || bodyOf(element[DOCUMENT]) === element || style.position === 'fixed') return null;
    const staticPosition = style.position === 'static';
    for (let ancestor = parentAcrossShadows(element); ancestor !== null && ancestor[TYPE] === 1; ancestor = parentAcrossShadows(ancestor)) {
      const ancestorStyle = cascade.computedStyle(ancestor);
      if (ancestorStyle !== null && ancestorStyle.position !== 'static') return ancestor;
      if (isHTML(ancestor, 'body')) return ancestor;
      if (staticPosition && ancestor[NAMESPACE] === HTML_NS && ArrayPrototypeIndexOf(tableParents, ancestor[LOCAL]) >= 0) return ancestor;
    }
    return null;
  };
  const tableParents = ['td', 'th', 'table'];

  // ---- Arguments as WebIDL converts them -----------------------------------------------------------
  const behaviors = ['auto', 'instant', 'smooth'];
  const logicalPositions = ['start', 'center', 'end', 'nearest'];
  const checkEnum = (value, allowed, type, context) => {
    if (value === undefined) return;
    const text = String(value);
    if (ArrayPrototypeIndexOf(allowed, text) < 0) {
      throw new TypeError(`${context}: The provided value '${text}' is not a valid enum value of type ${type}.`);
    }
  };
  const checkDictionary = (value, type, context) => {
    if (value !== undefined && value !== null && typeof value !== 'object' && typeof value !== 'function') {
      throw new TypeError(`${context}: The provided value is not of type '${type}'.`);
    }
  };
  /**
   * The overloads `(optional ScrollToOptions options = {})` and `(unrestricted double x, unrestricted double y)`:
   * converts the arguments (ToNumber, the dictionary's members in order) and drops them, since nothing scrolls.
   */
  const convertScrollArguments = (args, operation, interfaceName) => {
    const context = `Failed to execute '${operation}' on '${interfaceName}'`;
    if (args.length >= 2) {
      +args[0];
      +args[1];
      return;
    }
    const options = args[0];
    checkDictionary(options, 'ScrollToOptions', context);
    if (options === undefined || options === null) return;
    checkEnum(options.behavior, behaviors, 'ScrollBehavior', context);
    const left = options.left;
    if (left !== undefined) +left;
    const top = options.top;
    if (top !== undefined) +top;
  };

  // ---- Element (§6) -----------------------------------------------------------------------------------
  nodes.mixin({
    getClientRects() {
      return makeRectList(boxStyle(this) === null ? [] : [new DOMRect(0, 0, 0, 0)]);
    },
    getBoundingClientRect() { return new DOMRect(0, 0, 0, 0); },
    scrollIntoView(arg = undefined) {
      if (arg !== null && typeof arg === 'object') {
        const context = "Failed to execute 'scrollIntoView' on 'Element'";
        checkEnum(arg.behavior, behaviors, 'ScrollBehavior', context);
        checkEnum(arg.block, logicalPositions, 'ScrollLogicalPosition', context);
        checkEnum(arg.inline, logicalPositions, 'ScrollLogicalPosition', context);
      }
    },
    scroll(...args) { convertScrollArguments(args, 'scroll', 'Element'); },
    scrollTo(...args) { convertScrollArguments(args, 'scrollTo', 'Element'); },
    scrollBy(...args) { convertScrollArguments(args, 'scrollBy', 'Element'); },
    get scrollTop() { return 0; },
    set scrollTop(value) { +value; },
    get scrollLeft() { return 0; },
    set scrollLeft(value) { +value; },
    get scrollWidth() { return boxStyle(this) !== null && measuresViewport(this) ? viewportOf(this).width : 0; },
    get scrollHeight() { return boxStyle(this) !== null && measuresViewport(this) ? viewportOf(this).height : 0; },
    get clientTop() { return 0; },
    get clientLeft() { return 0; },
    get clientWidth() { return boxStyle(this) !== null && measuresViewport(this) ? viewportOf(this).width : 0; },
    get clientHeight() { return boxStyle(this) !== null && measuresViewport(this) ? viewportOf(this).height : 0; },
  }, Element);

  // ---- HTMLElement (§7) -----------------------------------------------------------------------------
  nodes.mixin({
    get offsetParent() { return offsetParent(this); },
    get offsetTop() { return 0; },
    get offsetLeft() { return 0; },
    get offsetWidth() { return 0; },
    get offsetHeight() { return 0; },
  }, HTMLElement);

  // ---- Document (§5.1) -------------------------------------------------------------------------------
  nodes.mixin({
    elementFromPoint(x, y) {
      if (arguments.length < 2) {
        throw new TypeError(`Failed to execute 'elementFromPoint' on 'Document': 2 arguments required, but only ${arguments.length} present.`);
      }
      +x;
      +y;
      return null;
    },
    elementsFromPoint(x, y) {
      if (arguments.length < 2) {
        throw new TypeError(`Failed to execute 'elementsFromPoint' on 'Document': 2 arguments required, but only ${arguments.length} present.`);
      }
      +x;
      +y;
      return [];
    },
  }, Document);

  // ---- Window (§5) -------------------------------------------------------------------------------------
  nodes.mixin({
    scroll(...args) { convertScrollArguments(args, 'scroll', 'Window'); },
    scrollTo(...args) { convertScrollArguments(args, 'scrollTo', 'Window'); },
    scrollBy(...args) { convertScrollArguments(args, 'scrollBy', 'Window'); },
  }, Window);
  // [Replaceable] (WebIDL §3.7.7): assigning one makes an own data property of the window.
  const replaceableZero = (name) => ({
    get() { return 0; },
    set(value) { ObjectDefineProperty(this, name, { value, writable: true, configurable: true, enumerable: true }); },
    configurable: true,
    enumerable: true,
  });
  ObjectDefineProperties(Window.prototype, {
    scrollX: replaceableZero('scrollX'), scrollY: replaceableZero('scrollY'), pageXOffset: replaceableZero('pageXOffset'),
    pageYOffset: replaceableZero('pageYOffset'),
  });

  return ObjectFreeze({ offsetParent, hasBox: (element) => boxStyle(element) !== null });
}
