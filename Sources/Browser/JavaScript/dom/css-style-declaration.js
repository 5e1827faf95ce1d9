// CSSStyleDeclaration (CSSOM §6.6) over an element's `style` attribute: the declarations are
// parsed from the attribute when it changed, and every change is written back to it, so the
// attribute stays the one source of truth. Values are kept as written (no shorthand expansion,
// no computed-value normalization such as colors to rgb()).
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const {
    ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice, ObjectDefineProperty, ObjectFreeze,
    RegExpPrototypeExec, String, StringPrototypeCharCodeAt, StringPrototypeIndexOf,
    StringPrototypeSlice, StringPrototypeToLowerCase, StringPrototypeTrim, StringPrototypeReplace, Symbol, TypeError,
  } = runtime.primordials;
  const { getAttributeOrNull, setAttributeValue } = runtime.nodes;

  const OWNER = Symbol('ownerElement');
  const PARSED = Symbol('parsed');
  let constructing = false;

  /** Splits `text` on top-level `separator` (a char code), outside quotes, parentheses and brackets. */
  const splitTopLevel = (text, separator) => {
    const parts = [];
    let depth = 0, quote = 0, from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      if (quote !== 0) {
        if (c === 92) i++;
        else if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 40 || c === 91) depth++;
      else if ((c === 41 || c === 93) && depth > 0) depth--;
      else if (c === separator && depth === 0) { ArrayPrototypePush(parts, StringPrototypeSlice(text, from, i)); from = i + 1; }
    }
    ArrayPrototypePush(parts, StringPrototypeSlice(text, from));
    return parts;
  };
  const importantPattern = /!\s*important\s*$/i;
  /** `text` without its CSS comments. */
  const withoutComments = (text) => {
    let out = '', from = 0;
    for (let at = StringPrototypeIndexOf(text, '/*'); at >= 0; at = StringPrototypeIndexOf(text, '/*', from)) {
      out += StringPrototypeSlice(text, from, at);
      const end = StringPrototypeIndexOf(text, '*/', at + 2);
      from = end < 0 ? text.length : end + 2;
    }
    return out + StringPrototypeSlice(text, from);
  };
  /** The declarations of a style attribute: [{ name, value, important }], later duplicates replacing earlier ones. */
  const parseDeclarations = (text) => {
    const declarations = [];
    for (const part of safeArray(splitTopLevel(withoutComments(text), 59))) {
      const colon = splitTopLevel(part, 58);
      if (colon.length < 2) continue;
      const name = normalizeName(StringPrototypeTrim(colon[0]));
      let value = StringPrototypeTrim(ArrayPrototypeJoin(ArrayPrototypeSplice(colon, 1), ':'));
      let important = false;
      const bang = RegExpPrototypeExec(importantPattern, value);
      if (bang !== null) { important = true; value = StringPrototypeTrim(StringPrototypeSlice(value, 0, bang.index)); }
      if (name === '' || value === '') continue;
      setIn(declarations, name, value, important);
    }
    return declarations;
  };
  const normalizeName = (name) => (StringPrototypeSlice(name, 0, 2) === '--' ? name : StringPrototypeToLowerCase(name));
  const setIn = (declarations, name, value, important) => {
    for (const declaration of safeArray(declarations)) {
      if (declaration.name === name) { declaration.value = value; declaration.important = important; return; }
    }
    ArrayPrototypePush(declarations, { name, value, important });
  };
  const serialize = (declarations) => {
    const parts = [];
    for (const { name, value, important } of safeArray(declarations)) ArrayPrototypePush(parts, `${name}: ${value}${important ? ' !important' : ''};`);
    return ArrayPrototypeJoin(parts, ' ');
  };
  /** The declarations for the attribute's current value (reparsed only when it changed). */
  const declarationsOf = (style) => {
    const text = getAttributeOrNull(style[OWNER], 'style') ?? '';
    const parsed = style[PARSED];
    if (parsed.text === text) return parsed.declarations;
    const declarations = parseDeclarations(text);
    style[PARSED] = { text, declarations };
    return declarations;
  };
  const write = (style, declarations) => {
    const text = serialize(declarations);
    style[PARSED] = { text, declarations };
    setAttributeValue(style[OWNER], 'style', text);
  };

  class CSSStyleDeclaration {
    constructor() { if (!constructing) throw new TypeError('Illegal constructor'); }
    get cssText() { return serialize(declarationsOf(this)); }
    set cssText(value) { write(this, parseDeclarations(String(value))); }
    get length() { return declarationsOf(this).length; }
    item(index) { return declarationsOf(this)[index >>> 0]?.name ?? ''; }
    getPropertyValue(property) {
      const name = normalizeName(String(property));
      for (const declaration of safeArray(declarationsOf(this))) if (declaration.name === name) return declaration.value;
      return '';
    }
    getPropertyPriority(property) {
      const name = normalizeName(String(property));
      for (const declaration of safeArray(declarationsOf(this))) if (declaration.name === name) return declaration.important ? 'important' : '';
      return '';
    }
    setProperty(property, value, priority = '') {
      const name = normalizeName(String(property));
      value = value === null ? '' : StringPrototypeTrim(String(value));
      if (value === '') { this.removeProperty(name); return; }
      priority = String(priority);
      if (priority !== '' && StringPrototypeToLowerCase(priority) !== 'important') return;
      const declarations = ArrayPrototypeSlice(declarationsOf(this));
      setIn(declarations, name, value, priority !== '');
      write(this, declarations);
    }
    removeProperty(property) {
      const name = normalizeName(String(property));
      const declarations = ArrayPrototypeSlice(declarationsOf(this));
      for (let i = 0; i < declarations.length; i++) {
        if (declarations[i].name === name) {
          const { value } = declarations[i];
          ArrayPrototypeSplice(declarations, i, 1);
          write(this, declarations);
          return value;
        }
      }
      return '';
    }
    get parentRule() { return null; }
    get cssFloat() { return this.getPropertyValue('float'); }
    set cssFloat(value) { this.setProperty('float', value); }
  }
  ObjectDefineProperty(CSSStyleDeclaration.prototype, Symbol.toStringTag, { value: 'CSSStyleDeclaration', configurable: true });

  // The CSS properties with IDL attributes: camelCase (`backgroundColor`), webkit-cased
  // (`webkitTransform` for `-webkit-transform`) and dashed (`style['background-color']`).
  const properties = ('accent-color align-content align-items align-self all animation animation-delay animation-direction ' +
    'animation-duration animation-fill-mode animation-iteration-count animation-name animation-play-state animation-timing-function ' +
    'appearance aspect-ratio backdrop-filter backface-visibility background background-attachment background-blend-mode ' +
    'background-clip background-color background-image background-origin background-position background-repeat background-size ' +
    'block-size border border-block border-bottom border-bottom-color border-bottom-left-radius border-bottom-right-radius ' +
    'border-bottom-style border-bottom-width border-collapse border-color border-image border-inline border-left border-left-color ' +
    'border-left-style border-left-width border-radius border-right border-right-color border-right-style border-right-width ' +
    'border-spacing border-style border-top border-top-color border-top-left-radius border-top-right-radius border-top-style ' +
    'border-top-width border-width bottom box-shadow box-sizing break-after break-before break-inside caption-side caret-color ' +
    'clear clip clip-path color color-scheme column-count column-gap column-rule column-width columns contain content ' +
    'content-visibility counter-increment counter-reset cursor direction display empty-cells fill filter flex flex-basis ' +
    'flex-direction flex-flow flex-grow flex-shrink flex-wrap float font font-family font-feature-settings font-size ' +
    'font-stretch font-style font-variant font-weight gap grid grid-area grid-auto-columns grid-auto-flow grid-auto-rows ' +
    'grid-column grid-column-end grid-column-start grid-row grid-row-end grid-row-start grid-template grid-template-areas ' +
    'grid-template-columns grid-template-rows height hyphens image-rendering inline-size inset isolation justify-content ' +
    'justify-items justify-self left letter-spacing line-break line-height list-style list-style-image list-style-position ' +
    'list-style-type margin margin-block margin-bottom margin-inline margin-left margin-right margin-top mask max-block-size ' +
    'max-height max-inline-size max-width min-block-size min-height min-inline-size min-width mix-blend-mode object-fit ' +
    'object-position opacity order orphans outline outline-color outline-offset outline-style outline-width overflow ' +
    'overflow-wrap overflow-x overflow-y overscroll-behavior padding padding-block padding-bottom padding-inline padding-left ' +
    'padding-right padding-top page-break-after page-break-before page-break-inside perspective perspective-origin place-content ' +
    'place-items place-self pointer-events position quotes resize right rotate row-gap scale scroll-behavior scroll-margin ' +
    'scroll-padding scroll-snap-align scroll-snap-type stroke stroke-width tab-size table-layout text-align text-align-last ' +
    'text-decoration text-decoration-color text-decoration-line text-decoration-style text-indent text-overflow text-rendering ' +
    'text-shadow text-transform text-underline-offset top touch-action transform transform-origin transform-style transition ' +
    'transition-delay transition-duration transition-property transition-timing-function translate unicode-bidi user-select ' +
    'vertical-align visibility white-space widows width will-change word-break word-spacing word-wrap writing-mode z-index zoom ' +
    '-webkit-appearance -webkit-transform -webkit-transition -webkit-user-select -webkit-box-shadow -webkit-font-smoothing ' +
    '-webkit-line-clamp -webkit-tap-highlight-color -webkit-text-size-adjust -webkit-animation -webkit-filter -webkit-mask');
  for (const name of safeArray(runtime.primordials.SplitString(properties, ' '))) {
    const descriptor = {
      get() { return this.getPropertyValue(name); },
      set(value) { this.setProperty(name, value); },
      configurable: true,
      enumerable: true,
    };
    const dashed = name[0] === '-' ? StringPrototypeSlice(name, 1) : name;
    const camel = StringPrototypeReplace(dashed, /-([a-z])/g, (_, c) => runtime.primordials.StringPrototypeToUpperCase(c));
    ObjectDefineProperty(CSSStyleDeclaration.prototype, camel, descriptor);
    if (camel !== name) ObjectDefineProperty(CSSStyleDeclaration.prototype, name, descriptor);
  }

  /** The CSSStyleDeclaration of `element`'s style attribute. */
  // CSSOM §6.6: `style[i]` is the i-th declared property's name (an indexed getter), as `item(i)`.
  const arrayIndex = (key) => (typeof key === 'string' && runtime.primordials.RegExpTest(/^(?:0|[1-9][0-9]{0,8})$/, key) ? +key : -1);
  const indexedProperties = {
    __proto__: null,
    get(target, key, receiver) {
      const index = arrayIndex(key);
      if (index >= 0) {
        const declarations = declarationsOf(target);
        return index < declarations.length ? declarations[index].name : undefined;
      }
      return runtime.primordials.ReflectGet(target, key, receiver);
    },
    has(target, key) {
      const index = arrayIndex(key);
      return index >= 0 ? index < declarationsOf(target).length : runtime.primordials.ReflectHas(target, key);
    },
  };
  const createStyleDeclaration = (element) => {
    constructing = true;
    const style = new CSSStyleDeclaration();
    constructing = false;
    style[OWNER] = element;
    style[PARSED] = { text: null, declarations: [] };
    return new Proxy(style, indexedProperties);
  };
  return ObjectFreeze({ CSSStyleDeclaration, createStyleDeclaration, parseDeclarations });
}
