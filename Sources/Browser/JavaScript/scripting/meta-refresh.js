// `<meta http-equiv="refresh" content="...">` (HTML §4.2.5.3 pragma directives, refresh state,
// and §7.4.7 "shared declarative refresh steps"): when such a meta element is inserted into the
// document (by the parser or by page code) with a non-empty content, the content is parsed as a
// delay in seconds and an optional URL (`5; url='next.html'`; none: the document's own URL),
// resolved against the document's base URL. The first one that parses (the document's "will
// declaratively refresh") is recorded as a navigation to another document
// (`host.refresh(url, seconds)`, LocationAPI.swift), which Caper does not perform yet; a
// `javascript:` URL is ignored. Elements the parser inserted are found when it reaches a script
// and when it ends (`meta-elements.js`). Installed by the location extension, after the
// scripting runtime.
(host, runtime) => {
  'use strict';
  const {
    FunctionPrototypeCall, Number, ObjectFreeze, ObjectGetOwnPropertyDescriptor, StringPrototypeCharCodeAt, StringPrototypeIndexOf,
    StringPrototypeSlice, StringPrototypeStartsWith, StringPrototypeToLowerCase, Symbol,
  } = runtime.primordials;
  const { URL: DOCUMENT_URL } = runtime.internals;
  const nodes = runtime.nodes;
  const { getAttribute } = nodes.Element.prototype;
  const isConnected = ObjectGetOwnPropertyDescriptor(nodes.Node.prototype, 'isConnected').get;
  const attribute = (element, name) => FunctionPrototypeCall(getAttribute, element, name);
  const URLRecord = runtime.url.URL;
  const href = ObjectGetOwnPropertyDescriptor(URLRecord.prototype, 'href').get;

  /** ASCII whitespace (Infra): TAB, LF, FF, CR, SPACE. */
  const isWhitespace = (c) => c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
  const isDigit = (c) => c >= 0x30 && c <= 0x39;

  /**
   * The parsing part of the shared declarative refresh steps: `[seconds, url]` for `input`
   * (`url` serialized, the document's URL when the content names none), or null when the
   * steps return early.
   */
  const parseRefresh = (input, documentURL, base) => {
    let position = 0;
    const code = (at) => (at < input.length ? StringPrototypeCharCodeAt(input, at) : -1);
    const lower = (at) => code(at) | 0x20;
    const skipWhitespace = () => {
      while (isWhitespace(code(position))) position++;
    };
    skipWhitespace();
    const start = position;
    while (isDigit(code(position))) position++;
    const timeString = StringPrototypeSlice(input, start, position);
    let time = 0;
    if (timeString === '') {
      if (code(position) !== 0x2e) return null;
    } else {
      time = Number(timeString);
    }
    while (isDigit(code(position)) || code(position) === 0x2e) position++;
    if (position < input.length) {
      const c = code(position);
      if (c !== 0x3b && c !== 0x2c && !isWhitespace(c)) return null;
      skipWhitespace();
      if (code(position) === 0x3b || code(position) === 0x2c) position++;
      skipWhitespace();
    }
    if (position >= input.length) return [time, documentURL];
    let urlString = StringPrototypeSlice(input, position);
    parse: {
      skipQuotes: {
        if (lower(position) !== 0x75) break skipQuotes;
        position++;
        if (lower(position) !== 0x72) break parse;
        position++;
        if (lower(position) !== 0x6c) break parse;
        position++;
        skipWhitespace();
        if (code(position) !== 0x3d) break parse;
        position++;
        skipWhitespace();
      }
      let quote = '';
      if (code(position) === 0x27 || code(position) === 0x22) {
        quote = code(position) === 0x27 ? "'" : '"';
        position++;
      }
      urlString = StringPrototypeSlice(input, position);
      if (quote !== '') {
        const end = StringPrototypeIndexOf(urlString, quote);
        if (end >= 0) urlString = StringPrototypeSlice(urlString, 0, end);
      }
    }
    let url;
    try {
      url = FunctionPrototypeCall(href, new URLRecord(urlString, base));
    } catch {
      return null;
    }
    if (StringPrototypeStartsWith(StringPrototypeToLowerCase(url), 'javascript:')) return null;
    return [time, url];
  };

  let document = null;
  /** The document's "will declaratively refresh": one refresh per document. */
  let willRefresh = false;
  /** Set on a meta element once processed, so a parser scan skips it. */
  const SEEN = Symbol('refreshSeen');

  /** The refresh state's steps for a meta element inserted into the document. */
  const process = (element) => {
    if (document === null || element[SEEN] === true || !FunctionPrototypeCall(isConnected, element)) return;
    element[SEEN] = true;
    const equiv = attribute(element, 'http-equiv');
    if (willRefresh || equiv === null || StringPrototypeToLowerCase(equiv) !== 'refresh') return;
    const content = attribute(element, 'content');
    if (content === null || content === '') return;
    const base = nodes.baseURL === null ? document[DOCUMENT_URL] : nodes.baseURL(document);
    const refresh = parseRefresh(content, document[DOCUMENT_URL], base);
    if (refresh === null) return;
    willRefresh = true;
    host.refresh(refresh[1], refresh[0]);
  };
  // Elements inserted into the document (`meta-elements.js`, with the scripting runtime).
  runtime['meta-elements']?.watch(process);

  const install = (global, loaded) => {
    document = loaded;
  };

  return ObjectFreeze({ install, parseRefresh });
}
