// Event handler content attributes (HTML §8.1.8.1): `<button onclick="...">`, `<body onload>`,
// `<img onerror>`. Setting one (by the parser or `setAttribute`) sets the element's event handler
// to a function compiled from the attribute's text, as the standard's "get the current value of
// the event handler" compiles it: an `event` parameter (`event, source, lineno, colno, error` for
// `onerror` on the window), and the scope chain element → its form owner → its document. On
// `<body>` and `<frameset>` the window's handlers (`onload`, `onhashchange`, ...) are set on the
// window. Removing the attribute removes the handler.
(host, runtime) => {
  'use strict';
  const { ObjectDefineProperty, ObjectFreeze, StringPrototypeSlice, ReflectGet, ReflectHas, SetPrototypeHas, Set } = runtime.primordials;
  const { HTML_NS, LOCAL, NAMESPACE } = runtime.internals;
  const { setEventHandler, windowEventNames } = runtime.events;
  const nodes = runtime.nodes;
  const { reportException } = runtime.errors;
  // Captured while the realm is made: the page realm's own global eval.
  const indirectEval = (0, eval);
  const windowEvents = new Set(windowEventNames);
  /** Window handlers forwarded from body and frameset (HTML §8.1.8.2), besides the WindowEventHandlers. */
  const forwardedNames = ['blur', 'error', 'focus', 'load', 'resize', 'scroll'];
  const forwarded = new Set(forwardedNames);

  let window = null;

  const compile = (element, name, body, onWindow) => {
    const parameters = onWindow && name === 'error' ? 'event, source, lineno, colno, error' : 'event';
    // Named by the document's URL, the attribute's text from line 1 (its first line follows the
    // wrapper on the same line), so an error names the page and the handler's own line.
    const url = element[runtime.internals.DOCUMENT][runtime.internals.URL];
    let make;
    try {
      make = indirectEval(
        `(function (scopes) { with (scopes[0]) with (scopes[1]) with (scopes[2]) return function on${name}(${parameters}) {${body}\n}; })`
        + `\n//# sourceURL=${url}`);
    } catch (error) {
      reportException(error);
      return null;
    }
    const form = element[nodes.FORM_OWNER] ?? null;
    return make([element[runtime.internals.DOCUMENT], form ?? {}, element]);
  };

  const attributeChanged = (element, localName, namespace, oldValue, value) => {
    if (namespace !== null || window === null) return;
    const name = StringPrototypeSlice(localName, 2);
    const isBody = element[NAMESPACE] === HTML_NS && (element[LOCAL] === 'body' || element[LOCAL] === 'frameset');
    const onWindow = isBody && (SetPrototypeHas(windowEvents, name) || SetPrototypeHas(forwarded, name));
    const target = onWindow ? window : element;
    if (!onWindow && !ReflectHas(element, localName)) return;
    setEventHandler(target, name, value === null ? null : compile(element, name, value, onWindow));
  };

  const previous = nodes.hooks.attributeChanged;
  nodes.hooks.attributeChanged = (element, localName, namespace, oldValue, value) => {
    if (previous !== null) previous(element, localName, namespace, oldValue, value);
    if (localName.length > 2 && localName[0] === 'o' && localName[1] === 'n') attributeChanged(element, localName, namespace, oldValue, value);
  };

  // HTML §8.1.8.2: body and frameset reflect the window's handlers (`document.body.onload` is
  // `window.onload`), for the WindowEventHandlers and blur, error, focus, load, resize, scroll.
  const { DEFAULT_VIEW } = runtime.events;
  for (const Interface of [runtime.elements.HTMLBodyElement, runtime.elements.HTMLFrameSetElement]) {
    for (const name of [...windowEventNames, ...forwardedNames]) {
      ObjectDefineProperty(Interface.prototype, 'on' + name, {
        get() {
          const view = this[runtime.internals.DOCUMENT][DEFAULT_VIEW] ?? null;
          return view === null ? null : ReflectGet(view, 'on' + name);
        },
        set(value) {
          const view = this[runtime.internals.DOCUMENT][DEFAULT_VIEW] ?? null;
          if (view !== null) setEventHandler(view, name, value);
        },
        configurable: true,
        enumerable: true,
      });
    }
  }

  const install = (global) => { window = global; };
  return ObjectFreeze({ install });
}
