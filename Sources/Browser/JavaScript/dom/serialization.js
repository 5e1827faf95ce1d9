// Serialization: the HTML fragment serialization algorithm (HTML §13.3 "Serializing HTML
// fragments") for innerHTML, outerHTML and XMLSerializer (HTML documents only, for now), and
// the html5lib-tests tree format (tree-construction/README.md) the conformance tests compare.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const {
    ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSort, ObjectFreeze, StringPrototypeCharCodeAt, StringPrototypeRepeat,
    StringPrototypeSlice,
  } = runtime.primordials;
  const {
    TYPE, FIRST, NEXT, PARENT, NAMESPACE, PREFIX, LOCAL, QUALIFIED, ATTRIBUTES, CONTENT, SHADOW, VALUE, DATA, NAME, PUBLIC_ID, SYSTEM_ID,
    HTML_NS, SVG_NS, MATHML_NS, XLINK_NS, XML_NS, XMLNS_NS,
  } = runtime.internals;
  const { SHADOW_FLAGS } = runtime.nodes;

  const voidElements = new runtime.primordials.Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img',
    'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
  const rawTextElements = new runtime.primordials.Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
  const { SetPrototypeHas } = runtime.primordials;

  /**
   * HTML: escaping a string; `attributeMode` also escapes '"'. The XML serializer (window.js) uses
   * it with `nbsp` false: XML writes U+00A0 as it is. Text without special characters is returned as is.
   */
  const escape = (text, attributeMode, nbsp = true) => {
    let out = '', from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      let entity;
      if (c === 38) entity = '&amp;';
      else if (c === 160 && nbsp) entity = '&nbsp;';
      else if (c === 60) entity = '&lt;';
      else if (c === 62) entity = '&gt;';
      else if (c === 34 && attributeMode) entity = '&quot;';
      else continue;
      out += StringPrototypeSlice(text, from, i) + entity;
      from = i + 1;
    }
    return from === 0 ? text : out + StringPrototypeSlice(text, from);
  };
  const attributeName = (attribute) => {
    const namespace = attribute[NAMESPACE];
    if (namespace === null) return attribute[LOCAL];
    if (namespace === XML_NS) return 'xml:' + attribute[LOCAL];
    if (namespace === XMLNS_NS) return attribute[LOCAL] === 'xmlns' ? 'xmlns' : 'xmlns:' + attribute[LOCAL];
    if (namespace === XLINK_NS) return 'xlink:' + attribute[LOCAL];
    return attribute[QUALIFIED];
  };
  const isHTMLTemplate = (node) => node[LOCAL] === 'template' && node[NAMESPACE] === HTML_NS && node[CONTENT] !== undefined;

  /**
   * HTML §13.3: the HTML fragment serialization of `node`'s children (a template's contents).
   * `options.scripting`: noscript's text is raw; `options.serializableShadowRoots`: declarative
   * `<template shadowrootmode>` for serializable shadow roots.
   */
  const serializeChildren = (node, options = undefined) => serialize(node, options, false);
  /** outerHTML: `node` serialized as the only child of a fictional parent. */
  const serializeNode = (node, options = undefined) => serialize(node, options, true);
  const serialize = (node, options, includeNode) => {
    const parts = [];
    const scripting = options?.scripting === true;
    const shadowRoots = options?.serializableShadowRoots === true;
    const isRawText = (parent) => parent !== null && parent[TYPE] === 1 && parent[NAMESPACE] === HTML_NS &&
      (SetPrototypeHas(rawTextElements, parent[LOCAL]) || (scripting && parent[LOCAL] === 'noscript'));
    const serializesAsVoid = (element) => element[NAMESPACE] === HTML_NS && SetPrototypeHas(voidElements, element[LOCAL]);
    /** §13.3 steps 1-5 for `parent` (an element, document, fragment or shadow root): its shadow root first when serialized, then its children. */
    const visitChildren = (parent) => {
      if (parent[TYPE] === 1) {
        if (serializesAsVoid(parent)) return;
        const shadow = parent[SHADOW];
        if (shadowRoots && shadow !== null && shadow[SHADOW_FLAGS] & 4) {
          const flags = shadow[SHADOW_FLAGS];
          ArrayPrototypePush(parts, `<template shadowrootmode="${shadow[runtime.internals.MODE]}"` +
            (flags & 1 ? ' shadowrootdelegatesfocus=""' : '') + (flags & 4 ? ' shadowrootserializable=""' : '') +
            (flags & 2 ? ' shadowrootclonable=""' : '') + '>');
          visitChildren(shadow);
          ArrayPrototypePush(parts, '</template>');
        }
      }
      const rawText = isRawText(parent);
      for (let child = (parent[TYPE] === 1 && isHTMLTemplate(parent) ? parent[CONTENT] : parent)[FIRST]; child !== null; child = child[NEXT]) {
        visit(child, rawText);
      }
    };
    const visit = (child, rawText) => {
      switch (child[TYPE]) {
        case 1: {
          const namespace = child[NAMESPACE];
          const tagName = namespace === HTML_NS || namespace === SVG_NS || namespace === MATHML_NS ? child[LOCAL] : child[QUALIFIED];
          let tag = '<' + tagName;
          const attributes = child[ATTRIBUTES];
          for (let i = 0; i < attributes.length; i++) tag += ' ' + attributeName(attributes[i]) + '="' + escape(attributes[i][VALUE], true) + '"';
          ArrayPrototypePush(parts, tag + '>');
          if (serializesAsVoid(child)) return;
          visitChildren(child);
          ArrayPrototypePush(parts, '</' + tagName + '>');
          return;
        }
        case 3: case 4: ArrayPrototypePush(parts, rawText ? child[DATA] : escape(child[DATA], false)); return;
        case 8: ArrayPrototypePush(parts, '<!--' + child[DATA] + '-->'); return;
        case 7: ArrayPrototypePush(parts, '<?' + child[NAME] + ' ' + child[DATA] + '>'); return;
        case 10: ArrayPrototypePush(parts, '<!DOCTYPE ' + child[NAME] + '>'); return;
        default: visitChildren(child);
      }
    };
    if (includeNode) visit(node, isRawText(node[PARENT]));
    else visitChildren(node);
    return ArrayPrototypeJoin(parts, '');
  };

  /** The html5lib-tests tree dump of `node`'s children: lines `| ...`, joined by '\n', no final newline. */
  const html5libTree = (node) => {
    const lines = [];
    const write = (depth, text) => ArrayPrototypePush(lines, '| ' + StringPrototypeRepeat('  ', depth) + text);
    const visit = (parent, depth) => {
      for (let child = parent[FIRST]; child !== null; child = child[NEXT]) {
        switch (child[TYPE]) {
          case 1: {
            const namespace = child[NAMESPACE];
            const designator = namespace === SVG_NS ? 'svg ' : namespace === MATHML_NS ? 'math ' : '';
            write(depth, '<' + designator + child[LOCAL] + '>');
            const attributes = [];
            for (const attribute of safeArray(child[ATTRIBUTES])) {
              const ns = attribute[NAMESPACE];
              const prefix = ns === XLINK_NS ? 'xlink ' : ns === XML_NS ? 'xml ' : ns === XMLNS_NS ? 'xmlns ' : '';
              ArrayPrototypePush(attributes, [prefix + attribute[LOCAL], attribute[VALUE]]);
            }
            ArrayPrototypeSort(attributes, (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
            for (let i = 0; i < attributes.length; i++) write(depth + 1, attributes[i][0] + '="' + attributes[i][1] + '"');
            if (isHTMLTemplate(child)) {
              write(depth + 1, 'content');
              visit(child[CONTENT], depth + 2);
            }
            visit(child, depth + 1);
            break;
          }
          case 3: case 4: write(depth, '"' + child[DATA] + '"'); break;
          case 8: write(depth, '<!-- ' + child[DATA] + ' -->'); break;
          case 7: write(depth, '<?' + child[NAME] + ' ' + child[DATA] + '>'); break;
          case 10: {
            const publicId = child[PUBLIC_ID], systemId = child[SYSTEM_ID];
            write(depth, publicId !== '' || systemId !== ''
              ? `<!DOCTYPE ${child[NAME]} "${publicId}" "${systemId}">` : `<!DOCTYPE ${child[NAME]}>`);
            break;
          }
          default: visit(child, depth);
        }
      }
    };
    visit(node, 0);
    return ArrayPrototypeJoin(lines, '\n');
  };

  return ObjectFreeze({ serializeChildren, serializeNode, html5libTree, escape });
}
