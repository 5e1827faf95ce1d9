// The activation behaviors of HTML's elements (HTML §2.4.4 / DOM §2.9 "activation behavior"),
// which the DOM's dispatch runs for every `click` MouseEvent (trusted or not, `element.click()`
// included) at its activation target: the event's target when it has one, else its nearest
// ancestor that has one.
// - checkbox and radio inputs: the legacy-pre-activation behavior toggles (a radio checks) before
//   the listeners run, the legacy-canceled-activation behavior restores the old state when the
//   click was canceled, and the activation behavior fires `input` and `change` (trusted) when the
//   state changed and the input is connected;
// - links (`a`/`area` with `href`): follow the hyperlink (window-apis/location.js);
// - submit, image and reset buttons: the forms scripts (forms/form-submission.js);
// - `label`: focuses the labeled control and clicks it (a trusted click copying the event's
//   fields), unless the click was on interactive content inside the label or on the control;
// - `summary` (the summary of its details): toggles the details' `open`, and `toggle` fires at
//   the details as a task.
// `click(element, init)` is the trusted click the input layer dispatches (a PointerEvent as
// Chromium's: the mouse's `click` and a keyboard's Enter/Space activation).
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const { ObjectFreeze, ArrayPrototypeIndexOf, FunctionPrototypeCall, ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, ObjectPrototypeHasOwnProperty } =
    runtime.primordials;
  const { PARENT, FIRST, NEXT, LOCAL, NAMESPACE, HTML_NS, DOCUMENT, TYPE } = runtime.internals;
  const elements = runtime.elements;
  const events = runtime.events;
  const { PointerEvent, Event, MouseEvent, UIEvent } = events.interfaces;
  /** An event's attribute through the getter captured now (a page may replace the prototypes' getters). */
  const getters = { __proto__: null };
  for (const [Interface, names] of safeArray([[Event, ['target']], [UIEvent, ['detail']],
    [MouseEvent, ['button', 'buttons', 'ctrlKey', 'shiftKey', 'altKey', 'metaKey']], [PointerEvent, ['pointerType']]])) {
    for (const name of safeArray(names)) {
      let prototype = Interface.prototype;
      let descriptor;
      while (prototype !== null && (descriptor = ObjectGetOwnPropertyDescriptor(prototype, name)) === undefined) prototype = ObjectGetPrototypeOf(prototype);
      if (descriptor?.get) getters[name] = descriptor.get;
    }
  }
  const field = (event, name) => {
    // isTrusted is [LegacyUnforgeable]: an own accessor of each event, which a page cannot replace.
    const getter = name === 'isTrusted' ? ObjectGetOwnPropertyDescriptor(event, 'isTrusted')?.get : getters[name];
    if (getter === undefined) return undefined;
    try {
      return FunctionPrototypeCall(getter, event);
    } catch {
      return undefined;
    }
  };
  const { inputType, checkedness, setCheckedness, isDisabledControl, formOwner, labelControl } = elements;
  const setIndeterminate = ObjectGetOwnPropertyDescriptor(elements.interfaces.HTMLInputElement.prototype, 'indeterminate').set;
  const queueTask = runtime['script-elements']?.queueTask ?? ((task) => runtime.timers.setTimeout(task, 0));
  const { getAttribute: getAttributeMethod, hasAttribute: hasAttributeMethod, setAttribute: setAttributeMethod,
    removeAttribute: removeAttributeMethod } = runtime.nodes.Element.prototype;
  const hasAttribute = (element, name) => FunctionPrototypeCall(hasAttributeMethod, element, name);

  const isHTML = (node, name) => node !== null && node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && (name === undefined || node[LOCAL] === name);
  const isHyperlink = (node) => (isHTML(node, 'a') || isHTML(node, 'area')) && hasAttribute(node, 'href');
  const formSubmission = () => runtime['form-submission'];
  const buttonType = (button) => {
    const value = FunctionPrototypeCall(getAttributeMethod, button, 'type');
    const lower = value === null ? 'submit' : runtime.primordials.StringPrototypeToLowerCase(value);
    return lower === 'reset' || lower === 'button' ? lower : 'submit';
  };
  /** HTML §4.11.2: the summary for its parent details (its first summary child). */
  const isSummaryForParentDetails = (summary) => {
    const details = summary[PARENT];
    if (!isHTML(details, 'details')) return false;
    for (let child = details[FIRST]; child !== null; child = child[NEXT]) if (isHTML(child, 'summary')) return child === summary;
    return false;
  };
  const interactiveNames = ['a', 'audio', 'button', 'details', 'embed', 'iframe', 'input', 'label', 'select', 'textarea', 'video'];
  /** HTML §3.2.5.2.7 interactive content (without `usemap` images and `tabindex` subtleties). */
  const isInteractive = (node) => {
    if (!isHTML(node)) return false;
    const name = node[LOCAL];
    if (name === 'a') return hasAttribute(node, 'href');
    if (name === 'input') return inputType(node) !== 'hidden';
    return ArrayPrototypeIndexOf(interactiveNames, name) >= 0;
  };

  const has = (node) => {
    if (!isHTML(node)) return false;
    switch (node[LOCAL]) {
      case 'a': case 'area': return hasAttribute(node, 'href');
      case 'input': {
        const type = inputType(node);
        return type === 'checkbox' || type === 'radio' || type === 'submit' || type === 'image' || type === 'reset';
      }
      case 'button': case 'label': return true;
      case 'summary': return isSummaryForParentDetails(node);
      default: return false;
    }
  };

  /** The checkbox and radio legacy-pre-activation behavior; gives what `canceled` restores. */
  const preActivate = (node) => {
    if (!isHTML(node, 'input') || isDisabledControl(node)) return null;
    const type = inputType(node);
    if (type === 'checkbox') {
      const saved = { checked: checkedness(node), indeterminate: elements.isIndeterminate(node) };
      setCheckedness(node, !saved.checked);
      if (saved.indeterminate) FunctionPrototypeCall(setIndeterminate, node, false);
      return saved;
    }
    if (type !== 'radio') return null;
    const saved = { checked: checkedness(node), previous: null };
    if (!saved.checked) saved.previous = checkedRadioInGroup(node);
    setCheckedness(node, true);
    return saved;
  };
  const checkedRadioInGroup = (radio) => {
    const name = FunctionPrototypeCall(getAttributeMethod, radio, 'name');
    if (name === null || name === '') return null;
    const owner = formOwner(radio);
    const root = runtime.nodes.rootOf?.(radio) ?? radio[DOCUMENT];
    for (let node = root; node !== null; node = runtime.nodes.following(node, root)) {
      if (node !== radio && isHTML(node, 'input') && inputType(node) === 'radio' && checkedness(node) &&
        FunctionPrototypeCall(getAttributeMethod, node, 'name') === name && formOwner(node) === owner) return node;
    }
    return null;
  };
  /** The legacy-canceled-activation behavior: the state before the click comes back. */
  const canceled = (node, saved) => {
    if (saved === null || saved === undefined) return;
    if (inputType(node) === 'checkbox') {
      setCheckedness(node, saved.checked);
      if (saved.indeterminate) FunctionPrototypeCall(setIndeterminate, node, true);
    } else if (saved.previous !== null && inputType(saved.previous) === 'radio') {
      setCheckedness(saved.previous, true);
    } else if (!saved.checked) {
      setCheckedness(node, false);
    }
  };

  const { isConnected } = runtime.elements;
  const fire = (target, type, init) => events.fire(target, new Event(type, init));

  const activate = (node, event) => {
    switch (node[LOCAL]) {
      case 'input': {
        if (isDisabledControl(node)) return;
        const type = inputType(node);
        if (type === 'checkbox' || type === 'radio') {
          // Fired when the state changed (a checked radio clicked again changes nothing).
          if (!isConnected(node) || (type === 'radio' && node[LAST_STATE] === true && checkedness(node))) return;
          fire(node, 'input', { __proto__: null, bubbles: true, composed: true });
          fire(node, 'change', { __proto__: null, bubbles: true });
          return;
        }
        formSubmission()?.activationBehavior(node, event);
        return;
      }
      case 'button':
        if (!isDisabledControl(node) && buttonType(node) !== 'button') formSubmission()?.activationBehavior(node, event);
        return;
      case 'a': case 'area':
        elements.activationBehavior?.(node, event);
        return;
      case 'label': return activateLabel(node, event);
      case 'summary': {
        const details = node[PARENT];
        if (hasAttribute(details, 'open')) FunctionPrototypeCall(removeAttributeMethod, details, 'open');
        else FunctionPrototypeCall(setAttributeMethod, details, 'open', '');
        queueTask(() => events.fire(details, new Event('toggle', { __proto__: null })));
        return;
      }
    }
  };
  // A radio's checkedness before its pre-activation (a click on a checked radio fires nothing).
  const LAST_STATE = Symbol('radioWasChecked');
  const preActivateRecording = (node) => {
    if (isHTML(node, 'input') && inputType(node) === 'radio') node[LAST_STATE] = checkedness(node);
    return preActivate(node);
  };

  /** HTML §4.10.4 the label's activation behavior, as Chromium: focus the control, then click it. */
  const activateLabel = (label, event) => {
    const control = labelControl(label);
    if (control === null) return;
    const target = field(event, 'target');
    for (let node = target; node !== null && node !== label; node = node[PARENT]) {
      if (node === control || isInteractive(node)) return;
    }
    if (target === control) return;
    if (isDisabledControl(control)) return;
    elements.focus(control, control[DOCUMENT]);
    click(control, {
      detail: field(event, 'detail'), button: field(event, 'button'), buttons: field(event, 'buttons'), ctrlKey: field(event, 'ctrlKey'),
      shiftKey: field(event, 'shiftKey'), altKey: field(event, 'altKey'), metaKey: field(event, 'metaKey'),
      pointerType: field(event, 'pointerType') ?? 'mouse', trusted: field(event, 'isTrusted'),
    });
  };

  /**
   * A click as the input layer dispatches it: a PointerEvent `click` (trusted unless `init.trusted`
   * is false) with `init`'s detail, button, buttons, modifier keys and pointer type, at `element`;
   * nothing for a disabled form control (HTML: its clicks are not dispatched). Returns !canceled.
   */
  const click = (element, init = {}) => {
    if (isDisabledControl(element)) return true;
    // `init`'s own members only, and a dictionary without a prototype: what they lack is never
    // looked up on the page's Object.prototype.
    const member = (name, fallback) => (ObjectPrototypeHasOwnProperty(init, name) ? init[name] : undefined) ?? fallback;
    const view = element[DOCUMENT][events.DEFAULT_VIEW] ?? null;
    const pointerType = member('pointerType', 'mouse');
    const event = new PointerEvent('click', {
      __proto__: null, bubbles: true, cancelable: true, composed: true, view, detail: member('detail', 1), button: member('button', 0),
      buttons: member('buttons', 0), ctrlKey: !!member('ctrlKey', false), shiftKey: !!member('shiftKey', false),
      altKey: !!member('altKey', false), metaKey: !!member('metaKey', false), pointerId: pointerType === '' ? -1 : 1, pointerType,
      isPrimary: true,
    });
    return member('trusted', true) === false ? events.dispatch(element, event) : events.fire(element, event);
  };

  events.setActivation(ObjectFreeze({ has, preActivate: preActivateRecording, canceled, activate }));
  return ObjectFreeze({ click, has });
}
