// HTML §4.10.21 form submission: the form submission algorithm (§4.10.21.3: interactive
// validation, the trusted `submit` event, the submitter's formaction/formmethod/formenctype/
// formtarget/formnovalidate, `method=dialog`, the scheme table, "plan to navigate" as a task that
// calls `runtime.navigation.navigate`), implicit submission (§4.10.21.2, as Chromium's
// HTMLFormElement::SubmitImplicitly), the activation behavior of submit, image and reset buttons,
// `reset(form)` (§4.10.21.6, elements.js's `resetForm`) and `requestSubmit`'s checks (set as
// elements.js's `submitForm` hook, which HTMLFormElement's submit() and requestSubmit() call).
// Chromium constructs a form's entry list a second time, without submitter, when it navigates for a
// form whose own method is POST (its navigate event's formData), so `formdata` fires twice then
// (input-forms/post-urlencoded.json, form-submit-method.json; once when only the submitter's
// formmethod says POST, submitter-overrides.json): the planned navigation does the same.
(host, runtime) => {
  'use strict';
  const {
    FunctionPrototypeCall, MathTrunc, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectPrototypeIsPrototypeOf,
    NumberPrototypeToString, StringFromCharCode, StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeToLowerCase,
    StringPrototypeToUpperCase, TypeError,
  } = runtime.primordials;
  const { TYPE, NAMESPACE, LOCAL, PARENT, FIRST, DOCUMENT, URL: DOCUMENT_URL, HTML_NS } = runtime.internals;
  const nodes = runtime.nodes;
  const { getAttributeOrNull, getAttributeValue, following, asciiLowercase, shadowIncludingRoot } = nodes;
  const elements = runtime.elements;
  const { formOwner, isDisabledControl, inputType } = elements;
  const events = runtime.events;
  const { SubmitEvent, MouseEvent, UIEvent } = events;
  const { makeError } = runtime['dom-exception'];
  const entries = runtime['form-data-set'];
  const { isSubmitButton, buttonType } = entries;
  const validation = runtime['constraint-validation'];
  const { URL } = runtime.url;
  const urlHref = ObjectGetOwnPropertyDescriptor(URL.prototype, 'href').get;
  const urlProtocol = ObjectGetOwnPropertyDescriptor(URL.prototype, 'protocol').get;
  const eventDetail = ObjectGetOwnPropertyDescriptor(UIEvent.prototype, 'detail').get;
  const eventOffsetX = ObjectGetOwnPropertyDescriptor(MouseEvent.prototype, 'offsetX').get;
  const eventOffsetY = ObjectGetOwnPropertyDescriptor(MouseEvent.prototype, 'offsetY').get;
  const dialogClose = elements.interfaces.HTMLDialogElement.prototype.close;

  const isHTML = (node, localName) => node !== null && node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && node[LOCAL] === localName;
  const isHTMLElement = (value) => value !== null && typeof value === 'object' && value[TYPE] === 1 && value[NAMESPACE] === HTML_NS;
  const setSlot = (object, slot, value) => ObjectDefineProperty(object, slot, { value, writable: true, configurable: true });

  // ---- The submitter's attributes (§4.10.18.6) ---------------------------------------------------
  /** The submitter's `form<name>` attribute when it is a submit button that has one, else the form's `<name>`, else null. */
  const attributeOf = (form, submitter, name) => {
    const own = submitter !== form && isSubmitButton(submitter) ? getAttributeOrNull(submitter, `form${name}`) : null;
    return own ?? getAttributeOrNull(form, name);
  };
  /** An enumerated attribute's keyword among `keywords` (ASCII case-insensitive), else `fallback`. */
  const keyword = (value, keywords, fallback) => {
    if (value === null) return fallback;
    const lower = asciiLowercase(value);
    for (let i = 0; i < keywords.length; i++) if (keywords[i] === lower) return lower;
    return fallback;
  };
  const METHODS = ['get', 'post', 'dialog'];
  const methodOf = (form, submitter) => keyword(attributeOf(form, submitter, 'method'), METHODS, 'get');
  /** The form's own method, without the submitter's formmethod. */
  const ownMethodOf = (form) => keyword(getAttributeOrNull(form, 'method'), METHODS, 'get');
  const ENCTYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
  const enctypeOf = (form, submitter) => keyword(attributeOf(form, submitter, 'enctype'), ENCTYPES, ENCTYPES[0]);
  /** The no-validate state (§4.10.18.6): the submitter's formnovalidate, else the form's novalidate. */
  const noValidate = (form, submitter) =>
    (submitter !== form && isSubmitButton(submitter) && getAttributeOrNull(submitter, 'formnovalidate') !== null) ||
    getAttributeOrNull(form, 'novalidate') !== null;
  /** HTML §4.6.7 getting an element's target: formtarget, the form's target, the document's base target; '' for its own. */
  const targetOf = (form, submitter) => {
    let target = attributeOf(form, submitter, 'target');
    if (target === null) {
      const document = form[DOCUMENT];
      for (let node = document[FIRST]; node !== null; node = following(node, document)) {
        if (isHTML(node, 'base') && getAttributeOrNull(node, 'target') !== null) {
          target = getAttributeValue(node, 'target');
          break;
        }
      }
    }
    return target === null || asciiLowercase(target) === '_self' ? '' : target;
  };
  /** The submitter's action resolved against its node document's base URL: the URL object, or null on failure. */
  const actionURL = (form, submitter) => {
    const document = submitter[DOCUMENT];
    let action = attributeOf(form, submitter, 'action') ?? '';
    if (action === '') action = form[DOCUMENT][DOCUMENT_URL];
    try {
      return new URL(action, elements.documentBaseURL(document));
    } catch {
      return null;
    }
  };
  /** HTML: a form cannot navigate when it is not connected. */
  const canNavigate = (form) => shadowIncludingRoot(form)[TYPE] === 9;

  // ---- Plan to navigate -------------------------------------------------------------------------
  const PLANNED = Symbol('plannedNavigation');
  /**
   * HTML §4.10.21.3 plan to navigate: a task (replacing a navigation the form planned before and
   * that has not run yet) that navigates the form's document to `request`.
   */
  const planNavigation = (form, request) => {
    const token = {};
    setSlot(form, PLANNED, token);
    // The page counts as navigating from now (an action's caller waits for the navigation).
    runtime.navigation.planned(1);
    runtime['script-elements'].queueTask(() => {
      runtime.navigation.planned(-1);
      if (form[PLANNED] !== token) return;
      setSlot(form, PLANNED, null);
      if (ownMethodOf(form) === 'post') entries.constructEntryList(form, null);
      runtime.navigation.navigate(form[DOCUMENT], request);
    });
  };
  const withQuery = (href, query) => {
    const hash = StringPrototypeIndexOf(href, '#');
    const fragment = hash < 0 ? '' : StringPrototypeSlice(href, hash);
    const before = hash < 0 ? href : StringPrototypeSlice(href, 0, hash);
    const question = StringPrototypeIndexOf(before, '?');
    return `${question < 0 ? before : StringPrototypeSlice(before, 0, question)}?${query}${fragment}`;
  };
  /** The query of a serialized URL (between `?` and `#`), or null when it has none. */
  const queryOf = (href) => {
    const hash = StringPrototypeIndexOf(href, '#');
    const before = hash < 0 ? href : StringPrototypeSlice(href, 0, hash);
    const question = StringPrototypeIndexOf(before, '?');
    return question < 0 ? null : StringPrototypeSlice(before, question + 1);
  };
  /** An application/x-www-form-urlencoded string with each `+` (a space) as `%20`, as mailto: URLs want. */
  const spacesAsPercent20 = (serialized) => {
    let out = '';
    for (let i = 0; i < serialized.length; i++) out += serialized[i] === '+' ? '%20' : serialized[i];
    return out;
  };
  /** URL §1.3 UTF-8 percent-encode with the default encode set (C0 controls, space, `"#<>?\`{}`, non-ASCII). */
  const percentEncodeDefault = (text) => {
    const bytes = runtime.encoding.utf8Encode(text);
    let out = '';
    for (let i = 0, length = runtime.encoding.typedArrayLength(bytes); i < length; i++) {
      const b = bytes[i];
      const encode = b <= 0x20 || b >= 0x7f || b === 0x22 || b === 0x23 || b === 0x3c || b === 0x3e || b === 0x3f || b === 0x60 ||
        b === 0x7b || b === 0x7d;
      out += encode ? `%${b < 16 ? '0' : ''}${StringPrototypeToUpperCase(NumberPrototypeToString(b, 16))}` : StringFromCharCode(b);
    }
    return out;
  };

  // ---- The form submission algorithm (§4.10.21.3) ----------------------------------------------
  const FIRING = Symbol('firingSubmissionEvents');
  /**
   * HTML §4.10.21.3 submit `form` from `submitter` (a submit button, or the form itself).
   * Unless `fromSubmitMethod`: interactive validation (unless novalidate or formnovalidate) and a
   * trusted, cancelable SubmitEvent; then the entry list (`formdata`), and a navigation planned
   * to the action URL by the scheme and method (a dialog closes instead).
   */
  const submit = (form, submitter, options = undefined) => {
    const fromSubmitMethod = options !== undefined && options.fromSubmitMethod === true;
    if (!canNavigate(form) || entries.isConstructing(form)) return;
    if (!fromSubmitMethod) {
      if (form[FIRING] === true) return;
      setSlot(form, FIRING, true);
      let proceed = false;
      try {
        if (!noValidate(form, submitter) && !validation.interactivelyValidate(form)) return;
        const init = { __proto__: null, bubbles: true, cancelable: true, submitter: submitter === form ? null : submitter };
        proceed = events.fire(form, new SubmitEvent('submit', init));
      } finally {
        setSlot(form, FIRING, false);
      }
      if (!proceed || !canNavigate(form)) return;
    }
    const encoding = 'UTF-8';
    const entryList = entries.constructEntryList(form, submitter, encoding);
    if (entryList === null || !canNavigate(form)) return;
    const method = methodOf(form, submitter);
    if (method === 'dialog') {
      closeDialog(form, submitter);
      return;
    }
    const parsed = actionURL(form, submitter);
    if (parsed === null) return;
    const href = FunctionPrototypeCall(urlHref, parsed);
    const scheme = StringPrototypeToLowerCase(FunctionPrototypeCall(urlProtocol, parsed));
    const enctype = enctypeOf(form, submitter);
    // No prototype: the navigation reads what the request lacks (`how`) as its default, not from the page's Object.prototype.
    const request = {
      __proto__: null, url: href, method: 'GET', body: null, contentType: null, target: targetOf(form, submitter), historyHandling: 'push',
    };
    const pairs = () => entries.namePairs(entryList);
    if (scheme === 'mailto:') {
      // Mail with headers (GET), mail as body (POST).
      if (method === 'get') request.url = withQuery(href, spacesAsPercent20(entries.urlencoded(pairs())));
      else {
        const body = enctype === 'text/plain' ? percentEncodeDefault(entries.textPlain(pairs())) : entries.urlencoded(pairs());
        const query = queryOf(href);
        request.url = withQuery(href, `${query === null || query === '' ? '' : `${query}&`}body=${body}`);
      }
    } else if (method === 'get' && scheme !== 'javascript:') {
      // Mutate action URL.
      request.url = withQuery(href, entries.urlencoded(pairs()));
    } else if (scheme !== 'javascript:' && scheme !== 'data:') {
      // Submit as entity body (javascript:, and data: for POST, get the action URL as it is).
      request.method = 'POST';
      if (enctype === 'multipart/form-data') {
        const encoded = entries.multipart(entryList);
        request.body = encoded.body;
        request.contentType = encoded.contentType;
      } else {
        // Chromium encodes by the form's own method: a GET form posted through the submitter's
        // formmethod sends a urlencoded body whatever its enctype (input-forms/submitter-overrides.json).
        const plain = enctype === 'text/plain' && ownMethodOf(form) !== 'get';
        const text = plain ? entries.textPlain(pairs()) : entries.urlencoded(pairs());
        request.body = runtime.encoding.utf8Encode(text);
        request.contentType = enctype;
      }
    }
    planNavigation(form, request);
  };
  /** `method=dialog` (§4.10.21.3 step 11): the nearest ancestor dialog closes, its return value the submitter's value or coordinate. */
  const closeDialog = (form, submitter) => {
    let dialog = form[PARENT];
    while (dialog !== null && !isHTML(dialog, 'dialog')) dialog = dialog[PARENT];
    if (dialog === null) return;
    let result;
    if (isHTML(submitter, 'input') && inputType(submitter) === 'image') {
      const coordinate = entries.selectedCoordinate(submitter);
      result = `${coordinate[0]},${coordinate[1]}`;
    } else if (submitter !== form && isSubmitButton(submitter)) {
      result = getAttributeOrNull(submitter, 'value') ?? undefined;
    }
    FunctionPrototypeCall(dialogClose, dialog, result);
  };

  /**
   * `requestSubmit(submitter)` (§4.10.18.6) and `submit()` as elements.js calls them: the
   * submitter must be a submit button owned by the form (TypeError, NotFoundError); submit()
   * submits from the form itself, without events or validation.
   */
  const submitForm = (form, submitter, fromRequestSubmit) => {
    if (!fromRequestSubmit) {
      submit(form, form, { fromSubmitMethod: true });
      return;
    }
    const context = "Failed to execute 'requestSubmit' on 'HTMLFormElement'";
    if (submitter === null || submitter === undefined) submitter = form;
    else {
      if (!isHTMLElement(submitter)) throw new TypeError(`${context}: parameter 1 is not of type 'HTMLElement'.`);
      if (!isSubmitButton(submitter)) throw new TypeError(`${context}: The specified element is not a submit button.`);
      if (formOwner(submitter) !== form) throw makeError('NotFoundError', `${context}: The specified element is not owned by this form element.`);
    }
    submit(form, submitter, { fromSubmitMethod: false });
  };
  elements.submitForm = submitForm;

  // ---- Implicit submission (§4.10.21.2) ---------------------------------------------------------
  const BLOCKING_TYPES = ['text', 'search', 'url', 'tel', 'email', 'password', 'date', 'month', 'week', 'time', 'datetime-local', 'number'];
  /** HTML: a field that blocks implicit submission (and, in Chromium, triggers it): these input types. */
  const blocksImplicitSubmission = (element) => {
    if (!isHTML(element, 'input')) return false;
    const type = inputType(element);
    for (let i = 0; i < BLOCKING_TYPES.length; i++) if (BLOCKING_TYPES[i] === type) return true;
    return false;
  };
  /**
   * HTML §4.10.21.2 implicit submission, for Enter in `element`, as Chromium does it: the form
   * owner's default button (its first submit button) gets a synthetic click (detail 0) unless it
   * is disabled; without one, a form with exactly one field that blocks implicit submission is
   * submitted from itself. Enter in a control that is not such a field clicks the first enabled
   * submit button only. Returns whether a click or a submission happened.
   */
  const implicitSubmission = (element) => {
    const form = formOwner(element);
    if (form === null) return false;
    const fromTrigger = blocksImplicitSubmission(element);
    const controls = entries.submittableElements(form);
    let fields = 0;
    for (let i = 0; i < controls.length; i++) {
      const control = controls[i];
      if (isSubmitButton(control)) {
        if (!isDisabledControl(control)) {
          runtime.activation.click(control, { detail: 0, button: 0, buttons: 0 });
          return true;
        }
        if (fromTrigger) return false;
      } else if (blocksImplicitSubmission(control)) fields++;
    }
    if (!fromTrigger || fields !== 1) return false;
    submit(form, form, { fromSubmitMethod: false });
    return true;
  };

  // ---- Activation behavior of the buttons -----------------------------------------------------
  /** The selected coordinate of an image button activated by `event`: its offset for a pointing device's click, else (0, 0). */
  const coordinateOf = (event) => {
    if (event === null || typeof event !== 'object' || !ObjectPrototypeIsPrototypeOf(MouseEvent.prototype, event)) return [0, 0];
    if (FunctionPrototypeCall(eventDetail, event) === 0) return [0, 0];
    return [MathTrunc(FunctionPrototypeCall(eventOffsetX, event)), MathTrunc(FunctionPrototypeCall(eventOffsetY, event))];
  };
  /** HTML §4.10.21.6 reset `form`: a trusted, cancelable `reset` event, then each resettable control's reset algorithm. */
  const reset = (form) => elements.resetForm(form);
  /**
   * The activation behavior of submit buttons (submit the form owner from the button; an image
   * button first takes its selected coordinate from `event`) and reset buttons (reset the form
   * owner). Returns true when `element` is one of those buttons (whether or not it had a form
   * owner to act on), false for any other element.
   */
  const activationBehavior = (element, event) => {
    let kind = null;
    if (isHTML(element, 'button')) kind = buttonType(element);
    else if (isHTML(element, 'input')) {
      const type = inputType(element);
      kind = type === 'submit' || type === 'image' || type === 'reset' ? type : null;
    }
    if (kind !== 'submit' && kind !== 'image' && kind !== 'reset') return false;
    const form = formOwner(element);
    if (form === null || isDisabledControl(element)) return true;
    if (kind === 'reset') reset(form);
    else {
      if (kind === 'image') {
        const coordinate = coordinateOf(event);
        entries.setSelectedCoordinate(element, coordinate[0], coordinate[1]);
      }
      submit(form, element, { fromSubmitMethod: false });
    }
    return true;
  };

  return ObjectFreeze({ submit, submitForm, implicitSubmission, activationBehavior, reset });
}
