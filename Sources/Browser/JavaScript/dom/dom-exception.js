// DOMException (WebIDL §3.14.1): the error DOM operations throw, a name from the WebIDL error
// names table and its legacy code. Caper's other DOM files make theirs through `makeError(name,
// message)`; the Selectors engine through `makeSyntaxError(message)`.
(host, runtime) => {
  'use strict';
  const { safeArray } = runtime['safe-array-iterator'];
  const { Error, Map, MapPrototypeGet, MapPrototypeSet, ObjectDefineProperty, ObjectFreeze, ObjectSetPrototypeOf, String, Symbol } =
    runtime.primordials;
  // name, legacy code, legacy constant
  const codes = [
    ['IndexSizeError', 1, 'INDEX_SIZE_ERR'], ['HierarchyRequestError', 3, 'HIERARCHY_REQUEST_ERR'],
    ['WrongDocumentError', 4, 'WRONG_DOCUMENT_ERR'], ['InvalidCharacterError', 5, 'INVALID_CHARACTER_ERR'],
    ['NoModificationAllowedError', 7, 'NO_MODIFICATION_ALLOWED_ERR'], ['NotFoundError', 8, 'NOT_FOUND_ERR'],
    ['NotSupportedError', 9, 'NOT_SUPPORTED_ERR'], ['InUseAttributeError', 10, 'INUSE_ATTRIBUTE_ERR'],
    ['InvalidStateError', 11, 'INVALID_STATE_ERR'], ['SyntaxError', 12, 'SYNTAX_ERR'],
    ['InvalidModificationError', 13, 'INVALID_MODIFICATION_ERR'], ['NamespaceError', 14, 'NAMESPACE_ERR'],
    ['InvalidAccessError', 15, 'INVALID_ACCESS_ERR'], ['TypeMismatchError', 17, 'TYPE_MISMATCH_ERR'],
    ['SecurityError', 18, 'SECURITY_ERR'], ['NetworkError', 19, 'NETWORK_ERR'], ['AbortError', 20, 'ABORT_ERR'],
    ['URLMismatchError', 21, 'URL_MISMATCH_ERR'], ['QuotaExceededError', 22, 'QUOTA_EXCEEDED_ERR'],
    ['TimeoutError', 23, 'TIMEOUT_ERR'], ['InvalidNodeTypeError', 24, 'INVALID_NODE_TYPE_ERR'],
    ['DataCloneError', 25, 'DATA_CLONE_ERR'],
  ];
  const codeOf = new Map();
  for (const [name, code] of safeArray(codes)) MapPrototypeSet(codeOf, name, code);
  const NAME = Symbol('name');
  const MESSAGE = Symbol('message');

  class DOMException {
    constructor(message = '', name = 'Error') {
      this[MESSAGE] = String(message);
      this[NAME] = String(name);
      // A stack, as engines give theirs, for the reports of a failing step.
      const { stack } = new Error(this[MESSAGE]);
      ObjectDefineProperty(this, 'stack', { value: stack, writable: true, configurable: true });
    }
    get name() { return this[NAME]; }
    get message() { return this[MESSAGE]; }
    get code() { return MapPrototypeGet(codeOf, this[NAME]) ?? 0; }
  }
  ObjectSetPrototypeOf(DOMException.prototype, Error.prototype);
  for (const [, code, constant] of safeArray(codes)) {
    ObjectDefineProperty(DOMException, constant, { value: code, enumerable: true });
    ObjectDefineProperty(DOMException.prototype, constant, { value: code, enumerable: true });
  }
  ObjectDefineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });

  /** A DOMException named `name` (`'HierarchyRequestError'`, ...), ready to throw. */
  const makeError = (name, message) => new DOMException(message, name);
  /** The `SyntaxError` DOMException an invalid selector throws. */
  const makeSyntaxError = (message) => new DOMException(message, 'SyntaxError');
  return ObjectFreeze({ DOMException, makeError, makeSyntaxError });
}
