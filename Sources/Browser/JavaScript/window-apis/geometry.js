// The Geometry Interfaces (Geometry Interfaces Module Level 1): DOMPointReadOnly and DOMPoint
// (§2), DOMRectReadOnly and DOMRect (§4), DOMRectList (§5). Values are unrestricted doubles as
// WebIDL converts them (ToNumber); a rect's top/right/bottom/left are the spec's min/max of its
// edges. DOMRectList is a read-only indexed list (item, length, iteration) that Caper makes for
// `getClientRects()` (window-apis/cssom-view.js); pages cannot construct one. DOMQuad and
// DOMMatrix are not provided (no layout gives them meaning here).
// Exports: `interfaces`, `makeRectList(rects)` (a DOMRectList of those DOMRects).
(host, runtime) => {
  'use strict';
  const {
    Array: ArrayConstructor, MathMax, MathMin, ObjectCreate, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, Symbol, TypeError,
  } = runtime.primordials;

  // ---- DOMPointReadOnly, DOMPoint (§2) ----------------------------------------------------------
  const POINT = Symbol('point');
  const pointOf = (point, member) => {
    const coordinates = point !== null && typeof point === 'object' ? point[POINT] : undefined;
    if (coordinates === undefined) throw new TypeError(`Failed to read the '${member}' property from 'DOMPointReadOnly': Illegal invocation`);
    return coordinates;
  };
  /** A DOMPointInit dictionary's members, read in WebIDL's (lexicographic) order. */
  const pointInit = (other) => {
    if (other !== undefined && other !== null && typeof other !== 'object' && typeof other !== 'function') {
      throw new TypeError("Failed to execute 'fromPoint': The provided value is not of type 'DOMPointInit'.");
    }
    const w = other?.w, x = other?.x, y = other?.y, z = other?.z;
    return [x === undefined ? 0 : +x, y === undefined ? 0 : +y, z === undefined ? 0 : +z, w === undefined ? 1 : +w];
  };
  class DOMPointReadOnly {
    constructor(x = 0, y = 0, z = 0, w = 1) { this[POINT] = [+x, +y, +z, +w]; }
    static fromPoint(other = undefined) {
      const p = pointInit(other);
      return new DOMPointReadOnly(p[0], p[1], p[2], p[3]);
    }
    get x() { return pointOf(this, 'x')[0]; }
    get y() { return pointOf(this, 'y')[1]; }
    get z() { return pointOf(this, 'z')[2]; }
    get w() { return pointOf(this, 'w')[3]; }
    toJSON() {
      const p = pointOf(this, 'toJSON');
      return { x: p[0], y: p[1], z: p[2], w: p[3] };
    }
  }
  // Explicit constructors: a derived class's default one spreads its arguments through the page's array iterator.
  class DOMPoint extends DOMPointReadOnly {
    constructor(x = 0, y = 0, z = 0, w = 1) { super(x, y, z, w); }
    static fromPoint(other = undefined) {
      const p = pointInit(other);
      return new DOMPoint(p[0], p[1], p[2], p[3]);
    }
    get x() { return pointOf(this, 'x')[0]; }
    set x(value) { pointOf(this, 'x')[0] = +value; }
    get y() { return pointOf(this, 'y')[1]; }
    set y(value) { pointOf(this, 'y')[1] = +value; }
    get z() { return pointOf(this, 'z')[2]; }
    set z(value) { pointOf(this, 'z')[2] = +value; }
    get w() { return pointOf(this, 'w')[3]; }
    set w(value) { pointOf(this, 'w')[3] = +value; }
  }

  // ---- DOMRectReadOnly, DOMRect (§4) ------------------------------------------------------------
  const RECT = Symbol('rect');
  const rectOf = (rect, member) => {
    const values = rect !== null && typeof rect === 'object' ? rect[RECT] : undefined;
    if (values === undefined) throw new TypeError(`Failed to read the '${member}' property from 'DOMRectReadOnly': Illegal invocation`);
    return values;
  };
  /** A DOMRectInit dictionary's members, read in WebIDL's (lexicographic) order. */
  const rectInit = (other) => {
    if (other !== undefined && other !== null && typeof other !== 'object' && typeof other !== 'function') {
      throw new TypeError("Failed to execute 'fromRect': The provided value is not of type 'DOMRectInit'.");
    }
    const height = other?.height, width = other?.width, x = other?.x, y = other?.y;
    return [x === undefined ? 0 : +x, y === undefined ? 0 : +y, width === undefined ? 0 : +width, height === undefined ? 0 : +height];
  };
  class DOMRectReadOnly {
    constructor(x = 0, y = 0, width = 0, height = 0) { this[RECT] = [+x, +y, +width, +height]; }
    static fromRect(other = undefined) {
      const r = rectInit(other);
      return new DOMRectReadOnly(r[0], r[1], r[2], r[3]);
    }
    get x() { return rectOf(this, 'x')[0]; }
    get y() { return rectOf(this, 'y')[1]; }
    get width() { return rectOf(this, 'width')[2]; }
    get height() { return rectOf(this, 'height')[3]; }
    get top() { const r = rectOf(this, 'top'); return MathMin(r[1], r[1] + r[3]); }
    get right() { const r = rectOf(this, 'right'); return MathMax(r[0], r[0] + r[2]); }
    get bottom() { const r = rectOf(this, 'bottom'); return MathMax(r[1], r[1] + r[3]); }
    get left() { const r = rectOf(this, 'left'); return MathMin(r[0], r[0] + r[2]); }
    toJSON() {
      const r = rectOf(this, 'toJSON');
      return {
        x: r[0], y: r[1], width: r[2], height: r[3], top: MathMin(r[1], r[1] + r[3]), right: MathMax(r[0], r[0] + r[2]),
        bottom: MathMax(r[1], r[1] + r[3]), left: MathMin(r[0], r[0] + r[2]),
      };
    }
  }
  class DOMRect extends DOMRectReadOnly {
    constructor(x = 0, y = 0, width = 0, height = 0) { super(x, y, width, height); }
    static fromRect(other = undefined) {
      const r = rectInit(other);
      return new DOMRect(r[0], r[1], r[2], r[3]);
    }
    get x() { return rectOf(this, 'x')[0]; }
    set x(value) { rectOf(this, 'x')[0] = +value; }
    get y() { return rectOf(this, 'y')[1]; }
    set y(value) { rectOf(this, 'y')[1] = +value; }
    get width() { return rectOf(this, 'width')[2]; }
    set width(value) { rectOf(this, 'width')[2] = +value; }
    get height() { return rectOf(this, 'height')[3]; }
    set height(value) { rectOf(this, 'height')[3] = +value; }
  }

  // ---- DOMRectList (§5) -------------------------------------------------------------------------
  const LIST = Symbol('rects');
  class DOMRectList {
    constructor() { throw new TypeError('Illegal constructor'); }
    get length() {
      const rects = this !== null && typeof this === 'object' ? this[LIST] : undefined;
      if (rects === undefined) throw new TypeError("Failed to read the 'length' property from 'DOMRectList': Illegal invocation");
      return rects.length;
    }
    item(index) {
      const rects = this !== null && typeof this === 'object' ? this[LIST] : undefined;
      if (rects === undefined) throw new TypeError("Failed to execute 'item' on 'DOMRectList': Illegal invocation");
      return rects[index >>> 0] ?? null;
    }
  }
  // WebIDL §3.7.6: an interface with an indexed getter and a length iterates as an array does.
  // Read while Caper installs, before any page script runs.
  const arrayValues = ObjectGetOwnPropertyDescriptor(ArrayConstructor.prototype, 'values').value;
  ObjectDefineProperty(DOMRectList.prototype, Symbol.iterator, { value: arrayValues, writable: true, configurable: true });
  /** A DOMRectList of `rects` (DOMRect objects), frozen as Chrome's indexed properties are read-only. */
  const makeRectList = (rects) => {
    const list = ObjectCreate(DOMRectList.prototype);
    ObjectDefineProperty(list, LIST, { value: ObjectFreeze(rects) });
    for (let i = 0; i < rects.length; i++) ObjectDefineProperty(list, i, { value: rects[i], enumerable: true });
    return ObjectFreeze(list);
  };

  const interfaces = { DOMPointReadOnly, DOMPoint, DOMRectReadOnly, DOMRect, DOMRectList };
  for (const name in interfaces) ObjectDefineProperty(interfaces[name].prototype, Symbol.toStringTag, { value: name, configurable: true });
  return ObjectFreeze({ interfaces: ObjectFreeze(interfaces), makeRectList, DOMRect, DOMRectReadOnly });
}
