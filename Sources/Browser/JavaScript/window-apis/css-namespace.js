// The `CSS` namespace (CSSOM §6.6.1, CSS Conditional 3 §8.1): `CSS.escape(ident)` is CSSOM §2.1
// "serialize an identifier" (css-syntax.js); `CSS.supports(property, value)` and
// `CSS.supports(conditionText)` are answered by Caper's CSS parser, as `@supports` is
// (css-parser.js): the nine properties the cascade computes are checked against their grammar,
// any other property is taken as supported unless it carries another engine's prefix (`-moz-`,
// `-ms-`, `-o-`), custom properties accept any value, and `selector()` compiles the selector.
// A condition that does not parse is false; one without its parentheses is tried with them, as
// the spec says.
(host, runtime) => {
  'use strict';
  const {
    ObjectDefineProperty, ObjectFreeze, String, StringPrototypeSlice, StringPrototypeToLowerCase, StringPrototypeTrim, Symbol,
    TypeError,
  } = runtime.primordials;
  const { serializeIdentifier } = runtime['css-syntax'];
  const { parseStylesheet, parseDeclarationList } = runtime['css-parser'];

  /** Whether `@supports <text> {}` parses as exactly one @supports rule whose condition is all of `text`, and holds. */
  const supportsCondition = (text) => {
    const rules = parseStylesheet(`@supports ${text} {}`).rules;
    return rules.length === 1 && rules[0].type === 'supports' && rules[0].conditionText === text && rules[0].matches === true;
  };
  const otherEnginePrefix = (name) =>
    StringPrototypeSlice(name, 0, 5) === '-moz-' || StringPrototypeSlice(name, 0, 4) === '-ms-' || StringPrototypeSlice(name, 0, 3) === '-o-';

  const requireArguments = (count, needed, operation) => {
    if (count < needed) {
      throw new TypeError(`Failed to execute '${operation}' on 'CSS': ${needed} argument required, but only ${count} present.`);
    }
  };
  // A WebIDL namespace object: an ordinary object of the realm (its prototype Object.prototype).
  const CSS = {};
  const members = {
    escape(ident) {
      requireArguments(arguments.length, 1, 'escape');
      return serializeIdentifier(String(ident));
    },
    supports(conditionTextOrProperty, value = undefined) {
      requireArguments(arguments.length, 1, 'supports');
      if (arguments.length >= 2) {
        // CSS Conditional 3 §8.1 supports(property, value): a property name as written (custom properties keep their case).
        const property = String(conditionTextOrProperty);
        const text = String(value);
        const name = StringPrototypeSlice(property, 0, 2) === '--' ? property : StringPrototypeToLowerCase(property);
        if (StringPrototypeTrim(text) === '' && StringPrototypeSlice(name, 0, 2) !== '--') return false;
        const declarations = parseDeclarationList(`${property}:${text}`);
        if (declarations.length !== 1) return false;
        const declaration = declarations[0];
        return declaration.name === name && !declaration.important && !otherEnginePrefix(name);
      }
      // supports(conditionText): as written, else wrapped in parentheses.
      const text = StringPrototypeTrim(String(conditionTextOrProperty));
      return supportsCondition(text) || supportsCondition(`(${text})`);
    },
  };
  for (const name of ['escape', 'supports']) {
    ObjectDefineProperty(CSS, name, { value: members[name], writable: true, configurable: true, enumerable: true });
  }
  ObjectDefineProperty(CSS, Symbol.toStringTag, { value: 'CSS', configurable: true });

  const install = (global) => {
    ObjectDefineProperty(global, 'CSS', { value: CSS, writable: true, configurable: true, enumerable: false });
  };
  return ObjectFreeze({ install });
}
