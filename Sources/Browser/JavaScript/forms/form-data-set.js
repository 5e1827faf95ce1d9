// A form's data set (HTML §4.10.21.4 "constructing the entry list") and its encodings: the
// application/x-www-form-urlencoded serializer (URL §5.2), multipart/form-data (§4.10.21.8, the
// encoder of fetch/fetch.js, with a boundary as Chromium makes one) and text/plain (§4.10.21.9),
// after "converting an entry list to a list of name-value pairs" (§4.10.21.4: newlines as CR LF,
// Files as their names). Also FormDataEvent and the `formdata` event each construction fires,
// whose listeners may change the list, and the checks of `new FormData(form, submitter)`
// (XHR §5, apis/form-data.js calls `formDataEntries`). The form's encoding is always UTF-8 here:
// Caper has no encoder for the legacy encodings. A file input's selected files come from
// input/file-selection.js (`filesOf`), installed after this script.
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypePush, FunctionPrototypeCall, NumberPrototypeToString, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor,
    RegExpPrototypeExec, String, StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeToUpperCase, Symbol, TypeError, Uint8Array,
    WeakMap, WeakMapPrototypeGet, WeakMapPrototypeSet,
  } = runtime.primordials;
  const { TYPE, NAMESPACE, LOCAL, PARENT, FIRST, NEXT, HTML_NS } = runtime.internals;
  const nodes = runtime.nodes;
  const { getAttributeOrNull, getAttributeValue, following, rootOf, asciiLowercase } = nodes;
  const elements = runtime.elements;
  const { formOwner, isDisabledControl, inputType, checkedness, isSelected, controlValue } = elements;
  const events = runtime.events;
  const forms = runtime['form-data'];
  const { makeError } = runtime['dom-exception'];
  const optionValue = ObjectGetOwnPropertyDescriptor(elements.interfaces.HTMLOptionElement.prototype, 'value').get;

  const isHTML = (node, localName) => node !== null && node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && node[LOCAL] === localName;
  const isHTMLElement = (value) => value !== null && typeof value === 'object' && value[TYPE] === 1 && value[NAMESPACE] === HTML_NS;

  // ---- Buttons (§4.10.6, §4.10.5.1.17-20) --------------------------------------------------------
  /** The state of a button element's `type` attribute: 'submit' (missing or invalid), 'reset' or 'button'. */
  const buttonType = (button) => {
    const value = getAttributeOrNull(button, 'type');
    const lower = value === null ? 'submit' : asciiLowercase(value);
    return lower === 'reset' || lower === 'button' ? lower : 'submit';
  };
  /** HTML §4.10.2: a submit button (a button element in the Submit Button state, an input of type submit or image). */
  const isSubmitButton = (element) => {
    if (isHTML(element, 'button')) return buttonType(element) === 'submit';
    if (!isHTML(element, 'input')) return false;
    const type = inputType(element);
    return type === 'submit' || type === 'image';
  };
  /** HTML §4.10.2 buttons: button elements and inputs of type submit, image, reset and button. */
  const isButton = (element) => {
    if (isHTML(element, 'button')) return true;
    if (!isHTML(element, 'input')) return false;
    const type = inputType(element);
    return type === 'submit' || type === 'image' || type === 'reset' || type === 'button';
  };
  const submittableNames = ['button', 'input', 'object', 'select', 'textarea'];
  const isSubmittable = (node) => {
    if (node[TYPE] !== 1 || node[NAMESPACE] !== HTML_NS) return false;
    const local = node[LOCAL];
    for (let i = 0; i < submittableNames.length; i++) if (submittableNames[i] === local) return true;
    return false;
  };
  /** HTML §4.10.2: the submittable elements whose form owner is `form`, in tree order (`form=` owners included). */
  const submittableElements = (form) => {
    const list = [];
    const root = rootOf(form);
    for (let node = root; node !== null; node = following(node, root)) {
      if (isSubmittable(node) && formOwner(node) === form) ArrayPrototypePush(list, node);
    }
    return list;
  };
  const hasDatalistAncestor = (element) => {
    for (let node = element[PARENT]; node !== null; node = node[PARENT]) if (isHTML(node, 'datalist')) return true;
    return false;
  };

  // ---- State read from the controls ----------------------------------------------------------------
  /** An image button's selected coordinate (§4.10.5.1.18), set when it is activated: [x, y]. */
  const COORDINATE = Symbol('selectedCoordinate');
  /** Sets `input`'s selected coordinate (integers; (0, 0) when activated without a pointing device). */
  const setSelectedCoordinate = (input, x, y) => {
    ObjectDefineProperty(input, COORDINATE, { value: [x, y], writable: true, configurable: true });
  };
  const selectedCoordinate = (input) => input[COORDINATE] ?? [0, 0];
  /** A file input's selected files (an array of Files; none in a realm without input/file-selection.js). */
  const selectedFiles = (input) => runtime['file-selection']?.filesOf(input) ?? [];
  /** The options of `select` (§4.10.7 list of options): option children and the option children of optgroup children. */
  const optionsOf = (select) => {
    const list = [];
    for (let child = select[FIRST]; child !== null; child = child[NEXT]) {
      if (isHTML(child, 'option')) ArrayPrototypePush(list, child);
      else if (isHTML(child, 'optgroup')) {
        for (let option = child[FIRST]; option !== null; option = option[NEXT]) if (isHTML(option, 'option')) ArrayPrototypePush(list, option);
      }
    }
    return list;
  };
  /** An input's value as Chromium submits it: a submit button without a value attribute sends its label, "Submit". */
  const submissionValue = (field) => {
    if (isHTML(field, 'button')) return getAttributeValue(field, 'value');
    if (isHTML(field, 'input') && inputType(field) === 'submit' && getAttributeOrNull(field, 'value') === null) return 'Submit';
    return controlValue(field);
  };

  // ---- Directionality (§3.2.6.4), for dirname ---------------------------------------------------
  // Bidi class R or AL (Hebrew, Arabic, Syriac, Thaana, NKo, ... and their presentation forms) and L
  // (letters of the left-to-right scripts), as the Unicode blocks approximate them.
  const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDEFF]/;
  const STRONG = /[A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02B8\u0370-\u0373\u0376-\u03FF\u0400-\u0482\u048A-\u058F\u0900-\u1FFF\u2C00-\uFB1C\uFE00-\uFE6F\uFF21-\uFF3A\uFF41-\uFF5A\uFF66-\uFFDC]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDEFF]/;
  /** 'rtl' when the first strong character of `text` is right-to-left, 'ltr' when it is left-to-right, else null. */
  const textDirection = (text) => {
    const match = RegExpPrototypeExec(STRONG, text);
    if (match === null) return null;
    return RegExpPrototypeExec(STRONG_RTL, match[0]) !== null ? 'rtl' : 'ltr';
  };
  const autoDirectionalityTypes = ['hidden', 'text', 'search', 'tel', 'url', 'email', 'password', 'submit', 'reset', 'button'];
  /** HTML: an auto-directionality form-associated element (these input types and textarea). */
  const isAutoDirectionality = (element) => {
    if (isHTML(element, 'textarea')) return true;
    if (!isHTML(element, 'input')) return false;
    const type = inputType(element);
    for (let i = 0; i < autoDirectionalityTypes.length; i++) if (autoDirectionalityTypes[i] === type) return true;
    return false;
  };
  /** HTML §3.2.6.4 the directionality of `element`: its dir attribute, auto from its value or text, else its parent's; 'ltr' at the root. */
  const directionality = (element) => {
    for (let node = element; node !== null && node[TYPE] === 1; node = node[PARENT]) {
      const dir = getAttributeOrNull(node, 'dir');
      const state = dir === null ? null : asciiLowercase(dir);
      if (state === 'ltr' || state === 'rtl') return state;
      if (state === 'auto') {
        const found = textDirection(isAutoDirectionality(node) ? controlValue(node) : nodes.descendantText(node));
        if (found !== null) return found;
        if (isAutoDirectionality(node)) return 'ltr';
      } else if (node === element && isHTML(node, 'input') && inputType(node) === 'tel') return 'ltr';
    }
    return 'ltr';
  };

  // ---- FormDataEvent (§4.10.21.5) -----------------------------------------------------------------
  const { Event } = events;
  const EVENT_FORM_DATA = new WeakMap();
  class FormDataEvent extends Event {
    constructor(type, eventInitDict) {
      if (arguments.length < 2) {
        throw new TypeError(`Failed to construct 'FormDataEvent': 2 arguments required, but only ${arguments.length} present.`);
      }
      const formData = eventInitDict === null || eventInitDict === undefined ? undefined : eventInitDict.formData;
      const reading = "Failed to construct 'FormDataEvent': Failed to read the 'formData' property from 'FormDataEventInit'";
      if (formData === undefined) throw new TypeError(`${reading}: Required member is undefined.`);
      if (!forms.isFormData(formData)) throw new TypeError(`${reading}: Failed to convert value to 'FormData'.`);
      super(type, eventInitDict);
      WeakMapPrototypeSet(EVENT_FORM_DATA, this, formData);
    }
    get formData() {
      const formData = this !== null && typeof this === 'object' ? WeakMapPrototypeGet(EVENT_FORM_DATA, this) : undefined;
      if (formData === undefined) throw new TypeError("Failed to read the 'formData' property from 'FormDataEvent': Illegal invocation");
      return formData;
    }
  }
  ObjectDefineProperty(FormDataEvent.prototype, 'formData', { ...ObjectGetOwnPropertyDescriptor(FormDataEvent.prototype, 'formData'), enumerable: true });
  ObjectDefineProperty(FormDataEvent.prototype, Symbol.toStringTag, { value: 'FormDataEvent', configurable: true });

  // ---- Constructing the entry list (§4.10.21.4) ---------------------------------------------------
  /** A form's "constructing entry list" flag. */
  const CONSTRUCTING = Symbol('constructingEntryList');
  const isConstructing = (form) => form[CONSTRUCTING] === true;
  const setConstructing = (form, value) => ObjectDefineProperty(form, CONSTRUCTING, { value, writable: true, configurable: true });
  const emptyFile = () => forms.makeFile(new Uint8Array(0), 'application/octet-stream', '');

  /**
   * HTML §4.10.21.4 constructing the entry list of `form` for `submitter` (a submit button, or
   * null or the form itself when there is none) in `encoding`: the entries of its submittable
   * controls in tree order, then a trusted `formdata` event (bubbles) whose listeners may change
   * them. Returns a copy of the list ([[name, string or File], ...]), or null when the form is
   * already constructing one (a `formdata` listener that submits or constructs again).
   */
  const constructEntryList = (form, submitter = null, encoding = 'UTF-8') => {
    if (isConstructing(form)) return null;
    setConstructing(form, true);
    try {
      const list = [];
      const append = (name, value) => ArrayPrototypePush(list, [forms.toUSVString(name, ''), typeof value === 'string' ? forms.toUSVString(value, '') : value]);
      const controls = submittableElements(form);
      for (let i = 0; i < controls.length; i++) {
        const field = controls[i];
        const local = field[LOCAL];
        const type = local === 'input' ? inputType(field) : null;
        if (hasDatalistAncestor(field) || isDisabledControl(field)) continue;
        if (isButton(field) && field !== submitter) continue;
        if ((type === 'checkbox' || type === 'radio') && !checkedness(field)) continue;
        // An object element never uses a plugin in Caper.
        if (local === 'object') continue;
        if (type === 'image') {
          const imageName = getAttributeValue(field, 'name');
          const prefix = imageName === '' ? '' : `${imageName}.`;
          const coordinate = selectedCoordinate(field);
          append(`${prefix}x`, String(coordinate[0]));
          append(`${prefix}y`, String(coordinate[1]));
          continue;
        }
        const name = getAttributeOrNull(field, 'name');
        if (name === null || name === '') continue;
        if (local === 'select') {
          const options = optionsOf(field);
          for (let j = 0; j < options.length; j++) {
            if (isSelected(options[j]) && !isDisabledControl(options[j])) append(name, FunctionPrototypeCall(optionValue, options[j]));
          }
        } else if (type === 'checkbox' || type === 'radio') {
          append(name, getAttributeOrNull(field, 'value') ?? 'on');
        } else if (type === 'file') {
          const files = selectedFiles(field);
          if (files.length === 0) append(name, emptyFile());
          for (let j = 0; j < files.length; j++) append(name, files[j]);
        } else if (type === 'hidden' && asciiLowercase(name) === '_charset_') {
          append(name, encoding);
        } else {
          append(name, submissionValue(field));
        }
        const dirname = getAttributeOrNull(field, 'dirname');
        if (dirname !== null && dirname !== '' && isAutoDirectionality(field)) append(dirname, directionality(field));
      }
      const formData = forms.makeFormData(list);
      events.fire(form, new FormDataEvent('formdata', { __proto__: null, bubbles: true, formData }));
      return forms.entryList(formData);
    } finally {
      setConstructing(form, false);
    }
  };

  /**
   * XHR §5 `new FormData(form, submitter)`: the checks on `submitter` (a submit button owned by
   * `form`), then the entry list of `form` in UTF-8. Throws as Chromium does.
   */
  const formDataEntries = (form, submitter) => {
    const context = "Failed to construct 'FormData'";
    if (submitter !== null && submitter !== undefined) {
      if (!isHTMLElement(submitter)) throw new TypeError(`${context}: parameter 2 is not of type 'HTMLElement'.`);
      if (!isSubmitButton(submitter)) throw new TypeError(`${context}: The specified element is not a submit button.`);
      if (formOwner(submitter) !== form) throw makeError('NotFoundError', `${context}: The specified element is not owned by this form element.`);
    } else submitter = null;
    const list = constructEntryList(form, submitter, 'UTF-8');
    if (list === null) throw makeError('InvalidStateError', `${context}: The form is constructing entry list.`);
    return list;
  };

  // ---- Encodings ------------------------------------------------------------------------------
  /** Every CR not followed by LF and every LF not preceded by CR as CR LF. */
  const crlf = (text) => {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      if (c === 13) {
        out += '\r\n';
        if (StringPrototypeCharCodeAt(text, i + 1) === 10) i++;
      } else out += c === 10 ? '\r\n' : text[i];
    }
    return out;
  };
  /** HTML §4.10.21.4 converting an entry list to a list of name-value pairs: newlines as CR LF, a File as its name. */
  const namePairs = (entryList) => {
    const pairs = [];
    for (let i = 0; i < entryList.length; i++) {
      const value = entryList[i][1];
      const text = typeof value === 'string' ? value : runtime.blob.blobData(value).name;
      ArrayPrototypePush(pairs, [crlf(entryList[i][0]), crlf(text)]);
    }
    return pairs;
  };
  const hex = (byte) => (byte < 16 ? '%0' : '%') + StringPrototypeToUpperCase(NumberPrototypeToString(byte, 16));
  /** URL §5.2 application/x-www-form-urlencoded byte serializer over UTF-8 (alphanumerics, `*-._` kept, space as `+`). */
  const formURLEncode = (text) => {
    const bytes = runtime.encoding.utf8Encode(text);
    let out = '';
    // The length through the captured getter: the page may have replaced %TypedArray%.prototype's.
    for (let i = 0, length = runtime.encoding.typedArrayLength(bytes); i < length; i++) {
      const b = bytes[i];
      if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2a || b === 0x2d || b === 0x2e || b === 0x5f) {
        out += StringFromCharCode(b);
      } else out += b === 0x20 ? '+' : hex(b);
    }
    return out;
  };
  /** URL §5.2 the application/x-www-form-urlencoded serializer of `pairs` (UTF-8). */
  const urlencoded = (pairs) => {
    let out = '';
    for (let i = 0; i < pairs.length; i++) out += `${i === 0 ? '' : '&'}${formURLEncode(pairs[i][0])}=${formURLEncode(pairs[i][1])}`;
    return out;
  };
  /** HTML §4.10.21.9 text/plain encoding: `name=value` lines ending in CR LF, nothing escaped. */
  const textPlain = (pairs) => {
    let out = '';
    for (let i = 0; i < pairs.length; i++) out += `${pairs[i][0]}=${pairs[i][1]}\r\n`;
    return out;
  };
  /**
   * HTML §4.10.21.8 multipart/form-data encoding of `entryList` in UTF-8 (fetch.js's encoder: a
   * `----WebKitFormBoundary` boundary, names and filenames with `"`, CR and LF escaped):
   * `{ body: Uint8Array, contentType: 'multipart/form-data; boundary=...' }`.
   */
  const multipart = (entryList) => {
    const fetch = runtime.fetch;
    const extracted = fetch.extractBody(forms.makeFormData(entryList));
    return { body: fetch.bodyBytes(extracted[0]), contentType: extracted[1] };
  };

  const interfaces = { FormDataEvent };
  return ObjectFreeze({
    interfaces: ObjectFreeze(interfaces), FormDataEvent, constructEntryList, isConstructing, formDataEntries, submittableElements,
    isSubmitButton, isButton, buttonType, setSelectedCoordinate, selectedCoordinate, selectedFiles, optionsOf, directionality, namePairs, urlencoded,
    textPlain, multipart,
  });
}
