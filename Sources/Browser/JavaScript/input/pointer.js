// The mouse, as Chromium dispatches its events for Playwright's `mouse.move`, `down` and `up`
// (UI Events §3.4, Pointer Events §4 and §5, HTML §6.6.4 focus on mousedown), without layout: the
// mouse is over an element, not at a point. All events are trusted; pointer events carry
// `pointerId` 1, `pointerType` 'mouse', `isPrimary`, `button` -1 when no button changed.
// - Moving to another element: `pointerout` (at the old), `pointerleave` (the old and its
//   ancestors up to the common one, innermost first), `pointerover` (at the new), `pointerenter`
//   (from below the common ancestor down to the new; the document itself on the first move),
//   then the mouse events in the same order, then `pointermove` and `mousemove`. `:hover` follows
//   the element the mouse is over.
// - A press: `pointerdown` (`:active` from here), `mousedown` with `detail` = the click count; not
//   canceled, the focus moves to the nearest focusable inclusive ancestor (flat tree) or, without
//   one, leaves the focused element; the right button then fires `contextmenu`.
// - A release: `pointerup`, `mouseup`, then `click` (the main button; through the activation
//   behaviors, input/activation.js) or `auxclick` (others) at the element pressed and released,
//   and `dblclick` after the second click.
// Modifier keys come from the keyboard (input/keyboard.js) when it has them held.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const { ObjectFreeze, ArrayPrototypePush, ArrayPrototypeUnshift, ArrayPrototypeIndexOf, ObjectDefineProperty, ObjectPrototypeHasOwnProperty, Symbol } =
    runtime.primordials;
  const { PARENT, DOCUMENT, TYPE, VERSION } = runtime.internals;
  const events = runtime.events;
  const elements = runtime.elements;
  const { MouseEvent, PointerEvent } = events.interfaces;
  const activation = runtime.activation;

  /** Per document: the element the mouse is over, the buttons held, the element pressed. */
  const MOUSE = Symbol('mouse');
  const mouseOf = (document) => {
    let mouse = document[MOUSE];
    if (mouse === undefined) {
      mouse = { over: null, buttons: 0, pressed: null, active: null };
      ObjectDefineProperty(document, MOUSE, { value: mouse });
    }
    return mouse;
  };
  const BUTTONS = { __proto__: null, left: { code: 0, mask: 1 }, middle: { code: 1, mask: 4 }, right: { code: 2, mask: 2 } };

  const modifierState = (document) => runtime.keyboard?.modifierState?.(document) ??
    { ctrlKey: false, shiftKey: false, altKey: false, metaKey: false };
  const viewOf = (document) => document[events.DEFAULT_VIEW] ?? null;

  /** The parent for enter/leave chains: the flat tree's (a shadow root's host), then the document. */
  const parentOf = (node) => {
    const parent = node[PARENT];
    if (parent === null || parent === undefined) return null;
    if (parent[TYPE] === 11 && parent[runtime.internals.HOST]) return parent[runtime.internals.HOST];
    return parent;
  };
  const ancestry = (node) => {
    const chain = [];
    for (let current = node; current !== null; current = parentOf(current)) ArrayPrototypeUnshift(chain, current);
    return chain; // outermost (the document) first
  };

  const fireMouse = (Interface, target, type, init, document) => {
    const { ctrlKey, shiftKey, altKey, metaKey } = modifierState(document);
    const isPointer = Interface === PointerEvent;
    const bubbles = type !== 'pointerenter' && type !== 'pointerleave' && type !== 'mouseenter' && type !== 'mouseleave';
    // `init`'s own members only, and a dictionary without a prototype: what they lack is never
    // looked up on the page's Object.prototype.
    const member = (name, fallback) => (ObjectPrototypeHasOwnProperty(init, name) ? init[name] : undefined) ?? fallback;
    // Every mouse and pointer event is cancelable but the enter and leave ones.
    const event = new Interface(type, {
      __proto__: null, bubbles, cancelable: bubbles, composed: true, view: viewOf(document),
      detail: member('detail', 0), button: member('button', isPointer ? -1 : 0), buttons: member('buttons', 0),
      relatedTarget: member('relatedTarget', null), ctrlKey, shiftKey, altKey, metaKey,
      ...(isPointer ? { pointerId: 1, pointerType: 'mouse', isPrimary: true, width: 1, height: 1, pressure: member('buttons', 0) !== 0 ? 0.5 : 0 } : {}),
    });
    return events.fire(target, event);
  };

  const setHovered = (document, element) => {
    mouseOf(document).over = element;
    document[VERSION]++;
  };

  /** Playwright's `mouse.move` onto `element` (UI Events §4.3.3 mouse event order). */
  const move = (element) => {
    const document = element[DOCUMENT];
    const mouse = mouseOf(document);
    const old = mouse.over !== null && mouse.over[DOCUMENT] === document && isConnected(mouse.over) ? mouse.over : null;
    const buttons = mouse.buttons;
    if (old !== element) {
      const oldChain = old === null ? [] : ancestry(old);
      const newChain = ancestry(element);
      let common = 0;
      while (common < oldChain.length && common < newChain.length && oldChain[common] === newChain[common]) common++;
      const leaving = [];
      for (let i = oldChain.length - 1; i >= common; i--) ArrayPrototypePush(leaving, oldChain[i]);
      const entering = [];
      // The first move enters the document too (Chromium's boundary events start there).
      for (let i = old === null ? 0 : common; i < newChain.length; i++) ArrayPrototypePush(entering, newChain[i]);
      setHovered(document, element);
      for (const { Interface, out, leave, over, enter } of safeArray([
        { Interface: PointerEvent, out: 'pointerout', leave: 'pointerleave', over: 'pointerover', enter: 'pointerenter' },
        { Interface: MouseEvent, out: 'mouseout', leave: 'mouseleave', over: 'mouseover', enter: 'mouseenter' }])) {
        const button = Interface === PointerEvent ? -1 : 0;
        if (old !== null) {
          fireMouse(Interface, old, out, { button, buttons, relatedTarget: element }, document);
          for (const node of safeArray(leaving)) fireMouse(Interface, node, leave, { button, buttons, relatedTarget: element }, document);
        }
        fireMouse(Interface, element, over, { button, buttons, relatedTarget: old }, document);
        for (const node of safeArray(entering)) fireMouse(Interface, node, enter, { button, buttons, relatedTarget: old }, document);
      }
    }
    fireMouse(PointerEvent, element, 'pointermove', { button: -1, buttons }, document);
    fireMouse(MouseEvent, element, 'mousemove', { button: 0, buttons }, document);
  };

  const { isConnected } = runtime.elements;

  /** HTML §6.6.4 the focus a mousedown gives: the nearest focusable inclusive ancestor, else none. */
  const focusFromPress = (element) => {
    const document = element[DOCUMENT];
    for (let node = element; node !== null && node[TYPE] === 1; node = parentOf(node)) {
      if (elements.isFocusable(node)) {
        elements.focus(node, document);
        return;
      }
    }
    elements.focus(null, document);
  };

  /** Playwright's `mouse.down({ button, clickCount })` over `element`. */
  const down = (element, button = 'left', clickCount = 1) => {
    const document = element[DOCUMENT];
    const mouse = mouseOf(document);
    const { code, mask } = BUTTONS[button] ?? BUTTONS.left;
    mouse.buttons |= mask;
    mouse.pressed = element;
    mouse.active = element;
    document[VERSION]++;
    fireMouse(PointerEvent, element, 'pointerdown', { button: code, buttons: mouse.buttons }, document);
    const notCanceled = fireMouse(MouseEvent, element, 'mousedown', { button: code, buttons: mouse.buttons, detail: clickCount }, document);
    if (notCanceled) focusFromPress(element);
    if (code === 2) fireMouse(MouseEvent, element, 'contextmenu', { button: 2, buttons: mouse.buttons, detail: 0 }, document);
  };

  /** Playwright's `mouse.up({ button, clickCount })` over `element`. */
  const up = (element, button = 'left', clickCount = 1) => {
    const document = element[DOCUMENT];
    const mouse = mouseOf(document);
    const { code, mask } = BUTTONS[button] ?? BUTTONS.left;
    mouse.buttons &= ~mask;
    mouse.active = null;
    document[VERSION]++;
    fireMouse(PointerEvent, element, 'pointerup', { button: code, buttons: mouse.buttons }, document);
    fireMouse(MouseEvent, element, 'mouseup', { button: code, buttons: mouse.buttons, detail: clickCount }, document);
    const pressed = mouse.pressed;
    mouse.pressed = null;
    if (pressed === null || !isConnected(element)) return;
    // The click goes to the nearest common inclusive ancestor of the pressed and released elements.
    let target = element;
    const pressedChain = ancestry(pressed);
    while (target !== null && ArrayPrototypeIndexOf(pressedChain, target) < 0) target = parentOf(target);
    if (target === null || target[TYPE] !== 1) return;
    const modifiers = modifierState(document);
    if (code === 0) {
      activation.click(target, { __proto__: null, detail: clickCount, button: 0, buttons: mouse.buttons, pointerType: 'mouse', ...modifiers });
      if (clickCount === 2) fireMouse(MouseEvent, target, 'dblclick', { button: 0, buttons: mouse.buttons, detail: 2 }, document);
    } else {
      fireMouse(PointerEvent, target, 'auxclick', { button: code, buttons: mouse.buttons, detail: clickCount }, document);
    }
  };

  /** The selector engine's state for `:hover` and `:active` (null: the defaults, focus from the DOM). */
  const selectorState = (document) => {
    const mouse = document[MOUSE];
    if (mouse === undefined || (mouse.over === null && mouse.active === null)) return null;
    const focused = document[elements.FOCUSED] ?? null;
    return { focused: focused !== null && isConnected(focused) ? focused : null, hovered: mouse.over, active: mouse.active };
  };
  runtime.selectors.configure({ state: selectorState });

  return ObjectFreeze({ move, down, up });
}
