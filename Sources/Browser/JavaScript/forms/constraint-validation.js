// HTML §4.10.20 constraint validation: which controls are candidates (`willValidate`), the ways
// a control suffers (ValidityState: missing, type and pattern mismatch, too long or short after a
// user edit, range underflow and overflow, step mismatch, bad input, custom error), Chromium's
// English `validationMessage`s, `setCustomValidity`, `checkValidity()` and `reportValidity()` on
// input, select, textarea, button, fieldset, output and object (the form has the last two), and
// the form's "statically validate the constraints" (trusted, cancelable `invalid` events in tree
// order) and "interactively validate the constraints" (then the first unhandled focusable control
// is focused, as Chromium shows its message). As in Chromium every flag but customError is false
// for a control that is not a candidate. A `pattern` compiles with the `v` flag, or, where the
// engine lacks it (V8 10.2), with `u` when the pattern means the same under both (else it is
// ignored, as a pattern that does not compile is). tooLong and tooShort need the value's last
// change to be a user edit: input/text-editing.js calls `markUserEdit(element)` after each.
(host, runtime) => {
  'use strict';
  const {
    ArrayPrototypePush, DatePrototypeGetTime, DatePrototypeGetUTCDate, DatePrototypeGetUTCDay, DatePrototypeGetUTCFullYear,
    DatePrototypeGetUTCHours, DatePrototypeGetUTCMilliseconds, DatePrototypeGetUTCMinutes, DatePrototypeGetUTCMonth,
    DatePrototypeGetUTCSeconds, DatePrototypeSetUTCFullYear, Date, FunctionPrototypeCall, Map, MapPrototypeGet, MapPrototypeSet,
    MathAbs, MathFloor, MathMax, MathRound, NumberIsFinite, NumberMAX_VALUE, NumberParseFloat, NumberPrototypeToPrecision,
    ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, RegExp, RegExpPrototypeExec, RegExpTest, SplitString, String, StringPrototypeCharCodeAt,
    StringPrototypeIndexOf, StringPrototypeSlice, Symbol, TypeError, WeakMap, WeakMapPrototypeGet, WeakMapPrototypeSet,
  } = runtime.primordials;
  const { TYPE, NAMESPACE, LOCAL, PARENT, DOCUMENT, HTML_NS } = runtime.internals;
  const { getAttributeOrNull, attributeByNamespace, following, rootOf, asciiLowercase } = runtime.nodes;
  const elements = runtime.elements;
  const { formOwner, isDisabledControl, inputType, checkedness, isSelected, controlValue, VALUE_STATE } = elements;
  const { Event, fire } = runtime.events;
  const entries = runtime['form-data-set'];
  const { submittableElements, buttonType, selectedFiles, optionsOf } = entries;
  const { URL } = runtime.url;
  const optionValue = ObjectGetOwnPropertyDescriptor(elements.interfaces.HTMLOptionElement.prototype, 'value').get;

  const isHTML = (node, localName) => node !== null && node[TYPE] === 1 && node[NAMESPACE] === HTML_NS && node[LOCAL] === localName;
  const has = (element, name) => attributeByNamespace(element, null, name) !== null;
  const oneOf = (value, list) => {
    for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
    return false;
  };

  // ---- Candidates (§4.10.20.1 barred from constraint validation) ------------------------------
  const READONLY_TYPES = ['text', 'search', 'url', 'tel', 'email', 'password', 'date', 'month', 'week', 'time', 'datetime-local', 'number'];
  const hasDatalistAncestor = (element) => {
    for (let node = element[PARENT]; node !== null; node = node[PARENT]) if (isHTML(node, 'datalist')) return true;
    return false;
  };
  /**
   * Whether `element` is a candidate for constraint validation (`willValidate`): a submittable
   * element that is not disabled, not in a datalist, not readonly, not a hidden, reset or button
   * input and not a reset or button button.
   */
  const isCandidate = (element) => {
    if (element[TYPE] !== 1 || element[NAMESPACE] !== HTML_NS) return false;
    const local = element[LOCAL];
    if (local === 'input') {
      const type = inputType(element);
      if (type === 'hidden' || type === 'reset' || type === 'button') return false;
      if (has(element, 'readonly') && oneOf(type, READONLY_TYPES)) return false;
    } else if (local === 'textarea') {
      if (has(element, 'readonly')) return false;
    } else if (local === 'button') {
      if (buttonType(element) !== 'submit') return false;
    } else if (local !== 'select') return false;
    return !isDisabledControl(element) && !hasDatalistAncestor(element);
  };

  // ---- Values of the typed inputs (§4.10.5.1, §2.3.4) -------------------------------------------
  const FLOAT = /^-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
  const DAY = 86400000;
  const parseNumber = (text) => {
    if (!RegExpTest(FLOAT, text)) return null;
    const number = NumberParseFloat(text);
    return NumberIsFinite(number) ? number : null;
  };
  const utc = (year, month, day) => {
    const date = new Date(0);
    DatePrototypeSetUTCFullYear(date, year, month, day);
    return DatePrototypeGetTime(date);
  };
  const daysInMonth = (year, month) => (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28)
    : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  const DATE = /^([0-9]{4,})-([0-9]{2})-([0-9]{2})$/;
  const MONTH = /^([0-9]{4,})-([0-9]{2})$/;
  const WEEK = /^([0-9]{4,})-W([0-9]{2})$/;
  const TIME = /^([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,3}))?)?$/;
  /** A valid date string (§2.3.5.2) as milliseconds since the epoch (UTC), else null. */
  const parseDate = (text) => {
    const match = RegExpPrototypeExec(DATE, text);
    if (match === null) return null;
    const year = +match[1], month = +match[2], day = +match[3];
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    return utc(year, month - 1, day);
  };
  /** A valid month string as months since 1970-01, else null. */
  const parseMonth = (text) => {
    const match = RegExpPrototypeExec(MONTH, text);
    if (match === null) return null;
    const year = +match[1], month = +match[2];
    if (year < 1 || month < 1 || month > 12) return null;
    return (year - 1970) * 12 + month - 1;
  };
  /** The Monday 00:00 UTC that starts ISO week 1 of `year`. */
  const weekOne = (year) => {
    const january4 = utc(year, 0, 4);
    return january4 - ((DatePrototypeGetUTCDay(new Date(january4)) + 6) % 7) * DAY;
  };
  /** A valid week string as milliseconds since the epoch of its Monday, else null. */
  const parseWeek = (text) => {
    const match = RegExpPrototypeExec(WEEK, text);
    if (match === null) return null;
    const year = +match[1], week = +match[2];
    const weeks = MathRound((weekOne(year + 1) - weekOne(year)) / (7 * DAY));
    if (year < 1 || week < 1 || week > weeks) return null;
    return weekOne(year) + (week - 1) * 7 * DAY;
  };
  /** A valid time string as milliseconds since midnight, else null. */
  const parseTime = (text) => {
    const match = RegExpPrototypeExec(TIME, text);
    if (match === null) return null;
    const hours = +match[1], minutes = +match[2], seconds = match[3] === undefined ? 0 : +match[3];
    if (hours > 23 || minutes > 59 || seconds > 59) return null;
    const fraction = match[4] === undefined ? 0 : MathRound(NumberParseFloat(`0.${match[4]}`) * 1000);
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
  };
  /** A valid normalized or not local date and time string as milliseconds, else null. */
  const parseDateTime = (text) => {
    const at = StringPrototypeIndexOf(text, 'T') >= 0 ? StringPrototypeIndexOf(text, 'T') : StringPrototypeIndexOf(text, ' ');
    if (at < 0) return null;
    const date = parseDate(StringPrototypeSlice(text, 0, at));
    const time = parseTime(StringPrototypeSlice(text, at + 1));
    return date === null || time === null ? null : date + time;
  };
  const pad = (number, width) => {
    let text = String(number);
    while (text.length < width) text = `0${text}`;
    return text;
  };
  const serializeDate = (ms) => {
    const date = new Date(ms);
    return `${pad(DatePrototypeGetUTCFullYear(date), 4)}-${pad(DatePrototypeGetUTCMonth(date) + 1, 2)}-${pad(DatePrototypeGetUTCDate(date), 2)}`;
  };
  const serializeTime = (ms) => {
    const date = new Date(ms);
    const seconds = DatePrototypeGetUTCSeconds(date), millis = DatePrototypeGetUTCMilliseconds(date);
    let text = `${pad(DatePrototypeGetUTCHours(date), 2)}:${pad(DatePrototypeGetUTCMinutes(date), 2)}`;
    if (seconds !== 0 || millis !== 0) text += `:${pad(seconds, 2)}`;
    if (millis !== 0) text += `.${pad(millis, 3)}`;
    return text;
  };
  const serializeWeek = (ms) => {
    const year = DatePrototypeGetUTCFullYear(new Date(ms + 3 * DAY));
    return `${pad(year, 4)}-W${pad(MathFloor((ms - weekOne(year)) / (7 * DAY)) + 1, 2)}`;
  };
  const serializeNumber = (number) => String(NumberParseFloat(NumberPrototypeToPrecision(number, 15)));
  /**
   * The numeric input types (§4.10.5.1.7-12): parse and serialize, the default step, the step
   * scale factor, the default step base, whether the step is rounded to an integer, and whether
   * Chromium words range messages as dates ("or later").
   */
  const NUMERIC = {
    __proto__: null,
    number: { parse: parseNumber, serialize: serializeNumber, step: 1, scale: 1, base: 0, integral: false, dated: false },
    date: { parse: parseDate, serialize: serializeDate, step: 1, scale: DAY, base: 0, integral: true, dated: true },
    month: {
      parse: parseMonth, step: 1, scale: 1, base: 0, integral: true, dated: true,
      serialize: (months) => `${pad(MathFloor(months / 12) + 1970, 4)}-${pad(((months % 12) + 12) % 12 + 1, 2)}`,
    },
    week: { parse: parseWeek, serialize: serializeWeek, step: 1, scale: 7 * DAY, base: -259200000, integral: true, dated: true },
    time: { parse: parseTime, serialize: serializeTime, step: 60, scale: 1000, base: 0, integral: false, dated: true },
    'datetime-local': {
      parse: parseDateTime, step: 60, scale: 1000, base: 0, integral: false, dated: true,
      serialize: (ms) => `${serializeDate(ms)}T${serializeTime(((ms % DAY) + DAY) % DAY)}`,
    },
  };

  /** An input's value as its type's value sanitization leaves it (a value that does not parse is ''). */
  const inputValue = (input, type) => {
    const value = controlValue(input);
    const numeric = NUMERIC[type];
    return numeric !== undefined && value !== '' && numeric.parse(value) === null ? '' : value;
  };
  /** The step range of a numeric input: { value, min, max (null: none), step (scaled; 0: any), base, numeric }, or null for an empty value. */
  const stepRange = (input, type) => {
    const numeric = NUMERIC[type];
    const value = inputValue(input, type);
    if (value === '') return null;
    const parse = (name) => {
      const text = getAttributeOrNull(input, name);
      return text === null ? null : numeric.parse(text);
    };
    const min = parse('min');
    const max = parse('max');
    let step = numeric.step;
    const stepText = getAttributeOrNull(input, 'step');
    if (stepText !== null) {
      const parsed = parseNumber(stepText);
      if (asciiLowercase(stepText) === 'any') step = 0;
      else if (parsed !== null && parsed > 0) step = numeric.integral ? MathMax(1, MathRound(parsed)) : parsed;
    }
    const base = min ?? parse('value') ?? numeric.base;
    return { value: numeric.parse(value), min, max, step: step * numeric.scale, base, numeric };
  };
  const stepMismatches = (range) => {
    if (range.step === 0) return false;
    const steps = (range.value - range.base) / range.step;
    return MathAbs(steps - MathRound(steps)) > 1e-9 * MathMax(1, MathAbs(steps));
  };

  // ---- Type mismatch (§4.10.5.1.4-5) -----------------------------------------------------------
  const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
  const trimWhitespace = (text) => {
    let start = 0, end = text.length;
    const white = (c) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
    while (start < end && white(StringPrototypeCharCodeAt(text, start))) start++;
    while (end > start && white(StringPrototypeCharCodeAt(text, end - 1))) end--;
    return StringPrototypeSlice(text, start, end);
  };
  /** The addresses of an email input's value: one, or the comma-separated list of a `multiple` one. */
  const addresses = (input, value) => {
    if (!has(input, 'multiple')) return [value];
    const parts = SplitString(value, ',');
    for (let i = 0; i < parts.length; i++) parts[i] = trimWhitespace(parts[i]);
    return parts;
  };
  const isAbsoluteURL = (text) => {
    try {
      new URL(text);
      return true;
    } catch {
      return false;
    }
  };

  // ---- Pattern (§4.10.5.3.6) -------------------------------------------------------------------
  const hasVFlag = (() => {
    try {
      new RegExp('', 'v');
      return true;
    } catch {
      return false;
    }
  })();
  const CLASS_SYNTAX = '()[{}/|';
  const DOUBLE_PUNCTUATORS = '&!#$%*+,.:;<=>?@^`~';
  /**
   * Whether a pattern means the same under the `u` flag as under `v`: no character class holds
   * what `v` gives a meaning or forbids there (unescaped `( ) [ { } / |`, a doubled punctuator,
   * a `-` that is not a range between two characters).
   */
  const sameUnderU = (pattern) => {
    let inClass = false, classStart = false, previousIsCharacter = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\') {
        const next = pattern[i + 1];
        i++;
        if ((next === 'p' || next === 'P' || next === 'u') && pattern[i + 1] === '{') {
          const close = StringPrototypeIndexOf(pattern, '}', i);
          if (close > 0) i = close;
        }
        classStart = false;
        previousIsCharacter = true;
        continue;
      }
      if (!inClass) {
        if (c === '[') {
          inClass = true;
          classStart = true;
          previousIsCharacter = false;
          if (pattern[i + 1] === '^') i++;
        }
        continue;
      }
      if (c === ']') {
        inClass = false;
        continue;
      }
      if (StringPrototypeIndexOf(CLASS_SYNTAX, c) >= 0) return false;
      if (StringPrototypeIndexOf(DOUBLE_PUNCTUATORS, c) >= 0 && pattern[i + 1] === c) return false;
      if (c === '-' && (classStart || !previousIsCharacter || pattern[i + 1] === ']' || pattern[i + 1] === '-')) return false;
      previousIsCharacter = c !== '-';
      classStart = false;
    }
    return true;
  };
  /** Compiled patterns by source: a RegExp, or null for one that is ignored. */
  const patterns = new Map();
  const compilePattern = (pattern) => {
    let compiled = MapPrototypeGet(patterns, pattern);
    if (compiled !== undefined) return compiled;
    try {
      if (hasVFlag) compiled = new RegExp(`^(?:${pattern})$`, 'v');
      else compiled = sameUnderU(pattern) ? new RegExp(`^(?:${pattern})$`, 'u') : null;
    } catch {
      compiled = null;
    }
    MapPrototypeSet(patterns, pattern, compiled);
    return compiled;
  };
  const PATTERN_TYPES = ['text', 'search', 'url', 'tel', 'email', 'password'];

  // ---- User edits (the dirty value flag, §4.10.5.4) -----------------------------------------------
  const USER_EDIT = Symbol('userEditedValue');
  /** Records that `element`'s current value (input or textarea) comes from a user edit (tooLong and tooShort apply to it). */
  const markUserEdit = (element) => {
    ObjectDefineProperty(element, USER_EDIT, { value: element[VALUE_STATE], writable: true, configurable: true });
  };
  const lastChangeWasUserEdit = (element) => element[VALUE_STATE] !== undefined && element[USER_EDIT] === element[VALUE_STATE];

  // ---- Suffering (§4.10.20.2) -----------------------------------------------------------------
  const CUSTOM = Symbol('customValidityErrorMessage');
  const customMessage = (element) => element[CUSTOM] ?? '';
  const TEXT_TYPES = ['text', 'search', 'url', 'tel', 'email', 'password'];
  const VALUE_TYPES = ['text', 'search', 'url', 'tel', 'email', 'password', 'date', 'month', 'week', 'time', 'datetime-local', 'number'];
  /** HTML §4.10.5.1.16 the radio button group of `input` (itself alone when it has no name). */
  const radioGroup = (input) => {
    const name = getAttributeOrNull(input, 'name');
    if (name === null || name === '') return [input];
    const group = [];
    const owner = formOwner(input);
    const root = rootOf(input);
    for (let node = root; node !== null; node = following(node, root)) {
      if (isHTML(node, 'input') && inputType(node) === 'radio' && getAttributeOrNull(node, 'name') === name && formOwner(node) === owner) {
        ArrayPrototypePush(group, node);
      }
    }
    return group;
  };
  const selectValueMissing = (select) => {
    const options = optionsOf(select);
    let placeholder = null;
    const size = getAttributeOrNull(select, 'size');
    const displaySize = size === null ? 1 : elements.parseInteger(size) ?? 1;
    if (!has(select, 'multiple') && displaySize <= 1 && options.length > 0 && options[0][PARENT] === select &&
      FunctionPrototypeCall(optionValue, options[0]) === '') {
      placeholder = options[0];
    }
    for (let i = 0; i < options.length; i++) if (options[i] !== placeholder && isSelected(options[i])) return false;
    return true;
  };
  const NONE = ObjectFreeze({
    valueMissing: false, typeMismatch: false, patternMismatch: false, tooLong: false, tooShort: false, rangeUnderflow: false,
    rangeOverflow: false, stepMismatch: false, badInput: false,
  });
  /**
   * The ways `element` suffers (§4.10.20.2) but customError: an object of the nine flags,
   * all false for a control that is not a candidate.
   */
  const suffering = (element) => {
    if (!isCandidate(element)) return NONE;
    const flags = {
      valueMissing: false, typeMismatch: false, patternMismatch: false, tooLong: false, tooShort: false, rangeUnderflow: false,
      rangeOverflow: false, stepMismatch: false, badInput: false,
    };
    const local = element[LOCAL];
    const required = has(element, 'required');
    if (local === 'select') {
      flags.valueMissing = required && selectValueMissing(element);
      return flags;
    }
    if (local === 'textarea') {
      const value = controlValue(element);
      flags.valueMissing = required && value === '';
      lengthFlags(element, value, flags);
      return flags;
    }
    if (local !== 'input') return flags;
    const type = inputType(element);
    if (type === 'checkbox') flags.valueMissing = required && !checkedness(element);
    else if (type === 'radio') {
      const group = radioGroup(element);
      let anyRequired = false, anyChecked = false;
      for (let i = 0; i < group.length; i++) {
        if (has(group[i], 'required')) anyRequired = true;
        if (checkedness(group[i])) anyChecked = true;
      }
      flags.valueMissing = anyRequired && !anyChecked;
    } else if (type === 'file') flags.valueMissing = required && selectedFiles(element).length === 0;
    if (!oneOf(type, VALUE_TYPES)) return flags;
    const value = inputValue(element, type);
    flags.badInput = type === 'number' && value === '' && element[VALUE_STATE] !== undefined && element[VALUE_STATE] !== '';
    flags.valueMissing = required && value === '' && !flags.badInput;
    if (value === '') return flags;
    if (type === 'email') {
      const list = addresses(element, value);
      for (let i = 0; i < list.length; i++) if (!RegExpTest(EMAIL, list[i])) flags.typeMismatch = true;
    } else if (type === 'url') flags.typeMismatch = !isAbsoluteURL(value);
    const pattern = getAttributeOrNull(element, 'pattern');
    if (pattern !== null && oneOf(type, PATTERN_TYPES)) {
      const compiled = compilePattern(pattern);
      const list = type === 'email' ? addresses(element, value) : [value];
      if (compiled !== null) for (let i = 0; i < list.length; i++) if (!RegExpTest(compiled, list[i])) flags.patternMismatch = true;
    }
    if (oneOf(type, TEXT_TYPES)) lengthFlags(element, value, flags);
    if (NUMERIC[type] !== undefined) {
      const range = stepRange(element, type);
      const reversed = type === 'time' && range.min !== null && range.max !== null && range.min > range.max;
      if (reversed) {
        const outside = range.value < range.min && range.value > range.max;
        flags.rangeUnderflow = outside;
        flags.rangeOverflow = outside;
      } else {
        flags.rangeUnderflow = range.min !== null && range.value < range.min;
        flags.rangeOverflow = range.max !== null && range.value > range.max;
      }
      flags.stepMismatch = stepMismatches(range);
    }
    return flags;
  };
  /** tooLong and tooShort (§4.10.18.3): maxlength and minlength, only for a value a user edit made. */
  const lengthFlags = (element, value, flags) => {
    if (!lastChangeWasUserEdit(element)) return;
    const limit = (name) => {
      const text = getAttributeOrNull(element, name);
      const parsed = text === null ? null : elements.parseInteger(text);
      return parsed === null || parsed < 0 ? null : parsed;
    };
    const max = limit('maxlength');
    const min = limit('minlength');
    flags.tooLong = max !== null && value.length > max;
    flags.tooShort = min !== null && value !== '' && value.length < min;
  };
  const FLAG_NAMES = ['valueMissing', 'typeMismatch', 'patternMismatch', 'tooLong', 'tooShort', 'rangeUnderflow', 'rangeOverflow',
    'stepMismatch', 'badInput'];
  /** Whether `element` satisfies its constraints (suffers from none of the conditions, custom error included). */
  const satisfiesConstraints = (element) => {
    if (customMessage(element) !== '') return false;
    const flags = suffering(element);
    for (let i = 0; i < FLAG_NAMES.length; i++) if (flags[FLAG_NAMES[i]]) return false;
    return true;
  };

  // ---- Chromium's messages -----------------------------------------------------------------------
  const LOCAL_CHARACTERS = /[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]/;
  const DOMAIN_CHARACTERS = /[a-zA-Z0-9.-]/;
  /** The first character of `text` that `allowed` does not match (a surrogate pair whole), or null. */
  const firstInvalid = (text, allowed) => {
    for (let i = 0; i < text.length; i++) {
      if (RegExpTest(allowed, text[i])) continue;
      const unit = StringPrototypeCharCodeAt(text, i);
      return unit >= 0xd800 && unit <= 0xdbff ? StringPrototypeSlice(text, i, i + 2) : text[i];
    }
    return null;
  };
  /** Chromium's EmailInputType::TypeMismatchText for the first invalid address of `input`. */
  const emailMessage = (input, value) => {
    const list = addresses(input, value);
    let address = '';
    for (let i = 0; i < list.length; i++) if (!RegExpTest(EMAIL, list[i])) { address = list[i]; break; }
    if (address === '') return 'Please enter an email address.';
    const at = StringPrototypeIndexOf(address, '@');
    if (at < 0) return `Please include an '@' in the email address. '${address}' is missing an '@'.`;
    const localPart = StringPrototypeSlice(address, 0, at);
    const domain = StringPrototypeSlice(address, at + 1);
    if (localPart === '') return `Please enter a part followed by '@'. '${address}' is incomplete.`;
    if (domain === '') return `Please enter a part following '@'. '${address}' is incomplete.`;
    const badLocal = firstInvalid(localPart, LOCAL_CHARACTERS);
    if (badLocal !== null) return `A part followed by '@' should not contain the symbol '${badLocal}'.`;
    const badDomain = firstInvalid(domain, DOMAIN_CHARACTERS);
    if (badDomain !== null) return `A part following '@' should not contain the symbol '${badDomain}'.`;
    if (domain[0] === '.' || domain[domain.length - 1] === '.' || StringPrototypeIndexOf(domain, '..') >= 0) {
      return `'.' is used at a wrong position in '${domain}'.`;
    }
    return has(input, 'multiple') ? 'Please enter a comma-separated list of email addresses.' : 'Please enter an email address.';
  };
  /** Chromium's step mismatch message: the one or two nearest valid values (StepRange::ClampValue). */
  const stepMessage = (range) => {
    const min = range.min ?? -NumberMAX_VALUE;
    const max = range.max ?? NumberMAX_VALUE;
    const step = range.step;
    const inRange = MathMax(min, range.value < max ? range.value : max);
    const rounded = range.base + MathRound((inRange - range.base) / step) * step;
    let first = rounded > max ? rounded - step : rounded < min ? rounded + step : rounded;
    if (first < min || first > max) first = inRange;
    const second = first < range.value ? first + step : first - step;
    const text = (number) => range.numeric.serialize(number);
    if (!NumberIsFinite(second) || second < min || second > max) return `Please enter a valid value. The nearest valid value is ${text(first)}.`;
    const low = first < second ? first : second;
    const high = first < second ? second : first;
    return `Please enter a valid value. The two nearest valid values are ${text(low)} and ${text(high)}.`;
  };
  /** HTML `validationMessage` as Chromium words it in English: '' when valid or not a candidate. */
  const validationMessage = (element) => {
    if (!isCandidate(element)) return '';
    const custom = customMessage(element);
    if (custom !== '') return custom;
    const flags = suffering(element);
    const local = element[LOCAL];
    const type = local === 'input' ? inputType(element) : null;
    if (flags.badInput) return 'Please enter a number.';
    if (flags.valueMissing) {
      if (local === 'select') return 'Please select an item in the list.';
      if (type === 'checkbox') return 'Please check this box if you want to proceed.';
      if (type === 'radio') return 'Please select one of these options.';
      if (type === 'file') return has(element, 'multiple') ? 'Please select one or more files.' : 'Please select a file.';
      return 'Please fill out this field.';
    }
    const value = local === 'textarea' ? controlValue(element) : type === null ? '' : inputValue(element, type);
    if (flags.typeMismatch) return type === 'email' ? emailMessage(element, value) : 'Please enter a URL.';
    if (flags.patternMismatch) return 'Please match the requested format.';
    if (flags.tooLong) {
      return `Please shorten this text to ${getAttributeOrNull(element, 'maxlength')} characters or less (you are currently using ${value.length} characters).`;
    }
    if (flags.tooShort) {
      const using = value.length === 1 ? '1 character' : `${value.length} characters`;
      return `Please lengthen this text to ${getAttributeOrNull(element, 'minlength')} characters or more (you are currently using ${using}).`;
    }
    const range = NUMERIC[type] === undefined ? null : stepRange(element, type);
    if (range === null) return '';
    const dated = range.numeric.dated;
    if (flags.rangeUnderflow) {
      const min = range.numeric.serialize(range.min);
      return dated ? `Value must be ${min} or later.` : `Value must be greater than or equal to ${min}.`;
    }
    if (flags.rangeOverflow) {
      const max = range.numeric.serialize(range.max);
      return dated ? `Value must be ${max} or earlier.` : `Value must be less than or equal to ${max}.`;
    }
    if (flags.stepMismatch) return stepMessage(range);
    return '';
  };

  // ---- ValidityState (§4.10.20.3) --------------------------------------------------------------
  /** ValidityState -> its control. */
  const CONTROLS = new WeakMap();
  /** control -> its ValidityState ([SameObject]). */
  const STATES = new WeakMap();
  class ValidityState {
    constructor() { throw new TypeError('Illegal constructor'); }
  }
  const controlOf = (state, name) => {
    const element = state !== null && typeof state === 'object' ? WeakMapPrototypeGet(CONTROLS, state) : undefined;
    if (element === undefined) throw new TypeError(`Failed to read the '${name}' property from 'ValidityState': Illegal invocation`);
    return element;
  };
  for (let i = 0; i < FLAG_NAMES.length; i++) {
    const name = FLAG_NAMES[i];
    ObjectDefineProperty(ValidityState.prototype, name, {
      get() { return suffering(controlOf(this, name))[name]; }, enumerable: true, configurable: true,
    });
  }
  ObjectDefineProperty(ValidityState.prototype, 'customError', {
    get() { return customMessage(controlOf(this, 'customError')) !== ''; }, enumerable: true, configurable: true,
  });
  ObjectDefineProperty(ValidityState.prototype, 'valid', {
    get() { return satisfiesConstraints(controlOf(this, 'valid')); }, enumerable: true, configurable: true,
  });
  ObjectDefineProperty(ValidityState.prototype, Symbol.toStringTag, { value: 'ValidityState', configurable: true });
  const validityOf = (element) => {
    let state = WeakMapPrototypeGet(STATES, element);
    if (state === undefined) {
      state = { __proto__: ValidityState.prototype };
      WeakMapPrototypeSet(CONTROLS, state, element);
      WeakMapPrototypeSet(STATES, element, state);
    }
    return state;
  };

  // ---- checkValidity, reportValidity, the form's validation (§4.10.20.2) -----------------------
  const fireInvalid = (element) => fire(element, new Event('invalid', { __proto__: null, cancelable: true }));
  /** Chromium's "report the problem": the control is focused (when it can be) and would show its message. */
  const reportProblem = (element) => {
    const focusable = elements.isFocusable;
    if (focusable !== undefined && !focusable(element)) return false;
    elements.focus(element, element[DOCUMENT]);
    return true;
  };
  /** HTML check validity steps of a control: an `invalid` event when it is an invalid candidate; whether it is valid. */
  const checkValidity = (element) => {
    if (!isCandidate(element) || satisfiesConstraints(element)) return true;
    fireInvalid(element);
    return false;
  };
  /** HTML report validity steps of a control: as checkValidity, and an `invalid` event not canceled reports the problem. */
  const reportValidity = (element) => {
    if (!isCandidate(element) || satisfiesConstraints(element)) return true;
    if (fireInvalid(element)) reportProblem(element);
    return false;
  };
  /**
   * HTML statically validate the constraints of `form`: `{ valid, unhandled }`, after an
   * `invalid` event at each invalid control in tree order (`unhandled`: those whose event was
   * not canceled).
   */
  const staticallyValidate = (form) => {
    const controls = submittableElements(form);
    const invalid = [];
    for (let i = 0; i < controls.length; i++) {
      if (isCandidate(controls[i]) && !satisfiesConstraints(controls[i])) ArrayPrototypePush(invalid, controls[i]);
    }
    const unhandled = [];
    for (let i = 0; i < invalid.length; i++) if (fireInvalid(invalid[i])) ArrayPrototypePush(unhandled, invalid[i]);
    return { valid: invalid.length === 0, unhandled };
  };
  /** HTML interactively validate the constraints of `form`: true when valid; else the first unhandled focusable control is focused. */
  const interactivelyValidate = (form) => {
    const result = staticallyValidate(form);
    if (result.valid) return true;
    for (let i = 0; i < result.unhandled.length; i++) if (reportProblem(result.unhandled[i])) break;
    return false;
  };

  // ---- The members on the element interfaces ------------------------------------------------
  const controlInterfaces = {
    __proto__: null, button: 'HTMLButtonElement', fieldset: 'HTMLFieldSetElement', input: 'HTMLInputElement', object: 'HTMLObjectElement',
    output: 'HTMLOutputElement', select: 'HTMLSelectElement', textarea: 'HTMLTextAreaElement',
  };
  const brand = (object, interfaceName, localName, verb, member) => {
    if (object === null || typeof object !== 'object' || object[TYPE] !== 1 || object[NAMESPACE] !== HTML_NS || object[LOCAL] !== localName) {
      throw new TypeError(`Failed to ${verb} '${member}' ${verb === 'execute' ? 'on' : 'from'} '${interfaceName}': Illegal invocation`);
    }
    return object;
  };
  for (const localName in controlInterfaces) {
    const name = controlInterfaces[localName];
    const control = (object, verb, member) => brand(object, name, localName, verb, member);
    runtime.nodes.mixin({
      get willValidate() { return isCandidate(control(this, 'read the', 'willValidate')); },
      get validity() { return validityOf(control(this, 'read the', 'validity')); },
      get validationMessage() { return validationMessage(control(this, 'read the', 'validationMessage')); },
      checkValidity() { return checkValidity(control(this, 'execute', 'checkValidity')); },
      reportValidity() { return reportValidity(control(this, 'execute', 'reportValidity')); },
      setCustomValidity(error) {
        const element = control(this, 'execute', 'setCustomValidity');
        if (arguments.length < 1) {
          throw new TypeError(`Failed to execute 'setCustomValidity' on '${name}': 1 argument required, but only 0 present.`);
        }
        if (typeof error === 'symbol') throw new TypeError(`Failed to execute 'setCustomValidity' on '${name}': Cannot convert a Symbol value to a string`);
        ObjectDefineProperty(element, CUSTOM, { value: String(error), writable: true, configurable: true });
      },
    }, elements.interfaces[name]);
  }
  const formElement = (object, member) => brand(object, 'HTMLFormElement', 'form', 'execute', member);
  runtime.nodes.mixin({
    checkValidity() { return staticallyValidate(formElement(this, 'checkValidity')).valid; },
    reportValidity() { return interactivelyValidate(formElement(this, 'reportValidity')); },
  }, elements.interfaces.HTMLFormElement);

  const interfaces = { ValidityState };
  return ObjectFreeze({
    interfaces: ObjectFreeze(interfaces), isCandidate, suffering, satisfiesConstraints, validationMessage, checkValidity, reportValidity,
    staticallyValidate, interactivelyValidate, markUserEdit,
  });
}
