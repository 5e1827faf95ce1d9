// CSS tokenizer (CSS Syntax Level 3 §3.3 preprocessing, §4 tokenization): text in, an array of
// tokens out. It is shared by the selector engine (selectors.js) and, later, the cascade's
// stylesheet parser.
//
// Every token is a plain object with `type`, one of:
//   'ident' 'function' 'at-keyword' 'hash' 'string' 'bad-string' 'url' 'bad-url' 'delim'
//   'number' 'percentage' 'dimension' 'whitespace' 'CDO' 'CDC' 'colon' 'semicolon' 'comma'
//   '[' ']' '(' ')' '{' '}'
// and `start`/`end`, its UTF-16 offsets in the preprocessed text. Text-bearing tokens ('ident',
// 'function' (the name without '('), 'at-keyword' and 'hash' (without '@'/'#'), 'string', 'url',
// 'delim') carry `value`, a string with escapes resolved. 'hash' carries `typeFlag` 'id' or
// 'unrestricted'. Numeric tokens carry `value` (a number), `typeFlag` 'integer' or 'number',
// `signCharacter` ('+', '-' or ''), `repr` (the number as written, for An+B), and dimensions
// `unit`. Comments produce no token; no EOF token is emitted (the array's end is EOF).
// Code points are UTF-16 code units: every unit >= U+0080, surrogates included, is a non-ASCII
// ident code point, which treats a surrogate pair exactly as its code point would be treated.
(host, runtime) => {
  'use strict';
  const { ArrayPrototypePush, NumberParseFloat, NumberPrototypeToString, ObjectFreeze, StringFromCharCode, StringFromCodePoint, StringPrototypeCharCodeAt, StringPrototypeSlice } = runtime.primordials;

  const REPLACEMENT = 0xfffd;
  const EOF = -1;

  const isDigit = (c) => c >= 0x30 && c <= 0x39;
  const isHexDigit = (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
  const isLetter = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  const isIdentStart = (c) => isLetter(c) || c >= 0x80 || c === 0x5f;
  const isIdentCodePoint = (c) => isIdentStart(c) || isDigit(c) || c === 0x2d;
  const isNewline = (c) => c === 0x0a;
  const isWhitespace = (c) => c === 0x0a || c === 0x09 || c === 0x20;
  const isNonPrintable = (c) => (c >= 0 && c <= 0x08) || c === 0x0b || (c >= 0x0e && c <= 0x1f) || c === 0x7f;

  /// §3.3: CR LF, CR and FF become LF; NUL and lone surrogates become U+FFFD.
  const preprocess = (text) => {
    let out = '';
    let from = 0;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      let replacement = null;
      let skip = 0;
      if (c === 0x0d) {
        replacement = '\n';
        if (StringPrototypeCharCodeAt(text, i + 1) === 0x0a) skip = 1;
      } else if (c === 0x0c) {
        replacement = '\n';
      } else if (c === 0) {
        replacement = '\ufffd';
      } else if (c >= 0xd800 && c <= 0xdbff) {
        const next = StringPrototypeCharCodeAt(text, i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
        else replacement = '\ufffd';
      } else if (c >= 0xdc00 && c <= 0xdfff) {
        replacement = '\ufffd';
      }
      if (replacement !== null) {
        out += StringPrototypeSlice(text, from, i) + replacement;
        i += skip;
        from = i + 1;
      }
    }
    return from === 0 ? text : out + StringPrototypeSlice(text, from);
  };

  /// §4: the token list of `text` (preprocessed first).
  const tokenize = (input) => {
    const text = preprocess(`${input}`);
    const length = text.length;
    const tokens = [];
    let at = 0;

    const code = (i) => (i < length ? StringPrototypeCharCodeAt(text, i) : EOF);

    // §4.3.8: two code points are a valid escape.
    const isValidEscape = (first, second) => first === 0x5c && !isNewline(second) && second !== EOF;

    // §4.3.9: three code points would start an ident sequence.
    const startsIdent = (i) => {
      const first = code(i);
      if (first === 0x2d) {
        const second = code(i + 1);
        return isIdentStart(second) || second === 0x2d || isValidEscape(second, code(i + 2));
      }
      if (isIdentStart(first)) return true;
      return first === 0x5c && isValidEscape(first, code(i + 1));
    };

    // §4.3.10: three code points would start a number.
    const startsNumber = (i) => {
      const first = code(i);
      if (first === 0x2b || first === 0x2d) {
        const second = code(i + 1);
        return isDigit(second) || (second === 0x2e && isDigit(code(i + 2)));
      }
      if (first === 0x2e) return isDigit(code(i + 1));
      return isDigit(first);
    };

    // §4.3.7: consume an escaped code point; `at` is just after the backslash.
    const consumeEscape = () => {
      const c = code(at);
      if (c === EOF) return '\ufffd';
      if (isHexDigit(c)) {
        let end = at;
        while (end < length && end - at < 6 && isHexDigit(code(end))) end++;
        let value = 0;
        for (let i = at; i < end; i++) {
          const h = code(i);
          value = value * 16 + (isDigit(h) ? h - 0x30 : (h | 0x20) - 0x61 + 10);
        }
        at = end;
        if (isWhitespace(code(at))) at++;
        if (value === 0 || (value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) value = REPLACEMENT;
        return StringFromCodePoint(value);
      }
      // A surrogate pair escapes as one code point.
      if (c >= 0xd800 && c <= 0xdbff && code(at + 1) >= 0xdc00 && code(at + 1) <= 0xdfff) {
        at += 2;
        return StringPrototypeSlice(text, at - 2, at);
      }
      at++;
      return StringFromCharCode(c);
    };

    // §4.3.11: consume an ident sequence.
    const consumeIdentSequence = () => {
      let result = '';
      let from = at;
      for (;;) {
        const c = code(at);
        if (isIdentCodePoint(c)) {
          at++;
        } else if (isValidEscape(c, code(at + 1))) {
          result += StringPrototypeSlice(text, from, at);
          at++;
          result += consumeEscape();
          from = at;
        } else {
          return result + StringPrototypeSlice(text, from, at);
        }
      }
    };

    // §4.3.12: consume a number; returns [value, typeFlag, repr].
    const consumeNumber = () => {
      const start = at;
      let typeFlag = 'integer';
      if (code(at) === 0x2b || code(at) === 0x2d) at++;
      while (isDigit(code(at))) at++;
      if (code(at) === 0x2e && isDigit(code(at + 1))) {
        at += 2;
        typeFlag = 'number';
        while (isDigit(code(at))) at++;
      }
      const e = code(at);
      if (e === 0x45 || e === 0x65) {
        const next = code(at + 1);
        if (isDigit(next)) {
          at += 2;
          typeFlag = 'number';
          while (isDigit(code(at))) at++;
        } else if ((next === 0x2b || next === 0x2d) && isDigit(code(at + 2))) {
          at += 3;
          typeFlag = 'number';
          while (isDigit(code(at))) at++;
        }
      }
      const repr = StringPrototypeSlice(text, start, at);
      return [NumberParseFloat(repr), typeFlag, repr];
    };

    // §4.3.3: consume a numeric token.
    const consumeNumeric = (start) => {
      const first = code(at);
      const signCharacter = first === 0x2b ? '+' : first === 0x2d ? '-' : '';
      const number = consumeNumber();
      const value = number[0];
      const typeFlag = number[1];
      const repr = number[2];
      if (startsIdent(at)) {
        const unit = consumeIdentSequence();
        return { type: 'dimension', value, typeFlag, signCharacter, repr, unit, start, end: at };
      }
      if (code(at) === 0x25) {
        at++;
        return { type: 'percentage', value, typeFlag, signCharacter, repr, start, end: at };
      }
      return { type: 'number', value, typeFlag, signCharacter, repr, start, end: at };
    };

    // §4.3.14: consume the remnants of a bad url.
    const consumeBadUrlRemnants = () => {
      for (;;) {
        const c = code(at);
        if (c === EOF) return;
        if (c === 0x29) {
          at++;
          return;
        }
        if (isValidEscape(c, code(at + 1))) {
          at++;
          consumeEscape();
        } else {
          at++;
        }
      }
    };

    // §4.3.6: consume a url token; `at` is just after 'url('.
    const consumeUrl = (start) => {
      let value = '';
      while (isWhitespace(code(at))) at++;
      for (;;) {
        const c = code(at);
        if (c === 0x29) {
          at++;
          return { type: 'url', value, start, end: at };
        }
        if (c === EOF) return { type: 'url', value, start, end: at };
        if (isWhitespace(c)) {
          while (isWhitespace(code(at))) at++;
          if (code(at) === 0x29 || code(at) === EOF) {
            if (code(at) === 0x29) at++;
            return { type: 'url', value, start, end: at };
          }
          consumeBadUrlRemnants();
          return { type: 'bad-url', start, end: at };
        }
        if (c === 0x22 || c === 0x27 || c === 0x28 || isNonPrintable(c)) {
          consumeBadUrlRemnants();
          return { type: 'bad-url', start, end: at };
        }
        if (c === 0x5c) {
          if (isValidEscape(c, code(at + 1))) {
            at++;
            value += consumeEscape();
          } else {
            consumeBadUrlRemnants();
            return { type: 'bad-url', start, end: at };
          }
        } else {
          value += StringFromCharCode(c);
          at++;
        }
      }
    };

    // §4.3.4: consume an ident-like token.
    const consumeIdentLike = (start) => {
      const name = consumeIdentSequence();
      if (code(at) === 0x28) {
        at++;
        if (name.length === 3 && isUrlName(name)) {
          let probe = at;
          while (isWhitespace(code(probe)) && isWhitespace(code(probe + 1))) probe++;
          const next = code(probe);
          const afterSpace = isWhitespace(next) ? code(probe + 1) : next;
          if (afterSpace === 0x22 || afterSpace === 0x27) {
            at = probe;
            return { type: 'function', value: name, start, end: at };
          }
          return consumeUrl(start);
        }
        return { type: 'function', value: name, start, end: at };
      }
      return { type: 'ident', value: name, start, end: at };
    };

    // §4.3.5: consume a string token; `at` is just after the opening quote.
    const consumeString = (quote, start) => {
      let value = '';
      let from = at;
      for (;;) {
        const c = code(at);
        if (c === quote || c === EOF) {
          value += StringPrototypeSlice(text, from, at);
          if (c === quote) at++;
          return { type: 'string', value, start, end: at };
        }
        if (isNewline(c)) {
          value += StringPrototypeSlice(text, from, at);
          return { type: 'bad-string', value, start, end: at };
        }
        if (c === 0x5c) {
          value += StringPrototypeSlice(text, from, at);
          const next = code(at + 1);
          if (next === EOF) {
            at++;
          } else if (isNewline(next)) {
            at += 2;
          } else {
            at++;
            value += consumeEscape();
          }
          from = at;
        } else {
          at++;
        }
      }
    };

    const simple = (type, start) => {
      at = start + 1;
      return { type, start, end: at };
    };
    const delim = (start) => {
      at = start + 1;
      return { type: 'delim', value: StringPrototypeSlice(text, start, at), start, end: at };
    };

    // §4.3.1: consume a token (comments, §4.3.2, are skipped by the caller's loop).
    const consumeToken = () => {
      const start = at;
      const c = code(at);
      if (isWhitespace(c)) {
        while (isWhitespace(code(at))) at++;
        return { type: 'whitespace', start, end: at };
      }
      switch (c) {
        case 0x22:
        case 0x27:
          at++;
          return consumeString(c, start);
        case 0x23:
          if (isIdentCodePoint(code(at + 1)) || isValidEscape(code(at + 1), code(at + 2))) {
            at++;
            const typeFlag = startsIdent(at) ? 'id' : 'unrestricted';
            const value = consumeIdentSequence();
            return { type: 'hash', value, typeFlag, start, end: at };
          }
          return delim(start);
        case 0x28:
          return simple('(', start);
        case 0x29:
          return simple(')', start);
        case 0x2b:
          if (startsNumber(at)) return consumeNumeric(start);
          return delim(start);
        case 0x2c:
          return simple('comma', start);
        case 0x2d:
          if (startsNumber(at)) return consumeNumeric(start);
          if (code(at + 1) === 0x2d && code(at + 2) === 0x3e) {
            at += 3;
            return { type: 'CDC', start, end: at };
          }
          if (startsIdent(at)) return consumeIdentLike(start);
          return delim(start);
        case 0x2e:
          if (startsNumber(at)) return consumeNumeric(start);
          return delim(start);
        case 0x3a:
          return simple('colon', start);
        case 0x3b:
          return simple('semicolon', start);
        case 0x3c:
          if (code(at + 1) === 0x21 && code(at + 2) === 0x2d && code(at + 3) === 0x2d) {
            at += 4;
            return { type: 'CDO', start, end: at };
          }
          return delim(start);
        case 0x40:
          if (startsIdent(at + 1)) {
            at++;
            return { type: 'at-keyword', value: consumeIdentSequence(), start, end: at };
          }
          return delim(start);
        case 0x5b:
          return simple('[', start);
        case 0x5c:
          if (isValidEscape(c, code(at + 1))) return consumeIdentLike(start);
          return delim(start);
        case 0x5d:
          return simple(']', start);
        case 0x7b:
          return simple('{', start);
        case 0x7d:
          return simple('}', start);
        default:
          if (isDigit(c)) return consumeNumeric(start);
          if (isIdentStart(c)) return consumeIdentLike(start);
          return delim(start);
      }
    };

    while (at < length) {
      if (code(at) === 0x2f && code(at + 1) === 0x2a) {
        let end = at + 2;
        while (end < length && !(code(end) === 0x2a && code(end + 1) === 0x2f)) end++;
        at = end < length ? end + 2 : length;
        continue;
      }
      ArrayPrototypePush(tokens, consumeToken());
    }
    return tokens;
  };

  const isUrlName = (name) => (StringPrototypeCharCodeAt(name, 0) | 0x20) === 0x75 && (StringPrototypeCharCodeAt(name, 1) | 0x20) === 0x72 && (StringPrototypeCharCodeAt(name, 2) | 0x20) === 0x6c;

  /// CSSOM §2.1 "serialize an identifier": `value` escaped so that it tokenizes back to one ident.
  const serializeIdentifier = (value) => {
    let out = '';
    const length = value.length;
    const first = length > 0 ? StringPrototypeCharCodeAt(value, 0) : EOF;
    for (let i = 0; i < length; i++) {
      const c = StringPrototypeCharCodeAt(value, i);
      if (c === 0) out += '\ufffd';
      else if ((c >= 0x01 && c <= 0x1f) || c === 0x7f || (isDigit(c) && (i === 0 || (i === 1 && first === 0x2d)))) out += `\\${NumberToHex(c)} `;
      else if (i === 0 && c === 0x2d && length === 1) out += '\\-';
      else if (c >= 0x80 || c === 0x2d || c === 0x5f || isDigit(c) || isLetter(c)) out += StringFromCharCode(c);
      else out += `\\${StringFromCharCode(c)}`;
    }
    return out;
  };

  const NumberToHex = (c) => NumberPrototypeToString(c, 16);

  /// CSSOM §2.1 "serialize a string": `value` in double quotes with '"', '\' and controls escaped.
  const serializeString = (value) => {
    let out = '"';
    const length = value.length;
    for (let i = 0; i < length; i++) {
      const c = StringPrototypeCharCodeAt(value, i);
      if (c === 0) out += '\ufffd';
      else if ((c >= 0x01 && c <= 0x1f) || c === 0x7f) out += `\\${NumberToHex(c)} `;
      else if (c === 0x22 || c === 0x5c) out += `\\${StringFromCharCode(c)}`;
      else out += StringFromCharCode(c);
    }
    return `${out}"`;
  };

  return ObjectFreeze({ preprocess, tokenize, serializeIdentifier, serializeString });
}
