// Server-sent events (HTML §9.2): `EventSource(url, { withCredentials })` with `url`,
// `withCredentials`, `readyState` (CONNECTING, OPEN, CLOSED), `onopen`/`onmessage`/`onerror` and
// `close()`. The stream comes from Swift (`host.connect`: a CORS request, UTF-8 text chunk by
// chunk, each a task; it does not hold the page's clock) and is interpreted here (§9.2.6): lines
// end at CR, LF or CRLF (also across chunks), a leading BOM is ignored, `:` starts a comment,
// `event`, `data` (joined by LF), `id` (no NUL) and `retry` (ASCII digits) are the fields, an
// empty line dispatches. Each message is a `MessageEvent` dispatched in a task of its own, with
// the origin of the stream's final URL and the last event ID. A stream that ends or breaks is
// reestablished after the reconnection time (a page timer, so virtual time), sending
// `Last-Event-ID`; a status other than 200, a `Content-Type` other than `text/event-stream` or a
// response CORS blocks fails the connection (no reconnection). The last event ID carries over to
// the next connection's parser, as Chrome and Firefox keep it.
(host, runtime) => {
  'use strict';
  const {
    FunctionPrototypeCall, NumberParseInt, ObjectDefineProperty, ObjectFreeze, RegExpTest, String, StringPrototypeCharCodeAt, StringPrototypeIndexOf,
    StringPrototypeSlice, Symbol, TypeError,
  } = runtime.primordials;
  const { makeError } = runtime['dom-exception'];
  const { EventTarget, Event, MessageEvent, defineEventHandlers, fire } = runtime.events;
  const { queueTask, originOf } = runtime.settings;
  const fetch = runtime.fetch;
  const timers = () => runtime.timers;

  const CONNECTING = 0;
  const OPEN = 1;
  const CLOSED = 2;
  /** The reconnection time before a stream says otherwise (`retry:`), in milliseconds (Chrome's). */
  const DEFAULT_RECONNECTION_TIME = 3000;
  const DIGITS = /^[0-9]+$/;
  const LF = 10;
  const CR = 13;
  const COLON = 58;
  const SPACE = 32;

  class EventSource extends EventTarget {
    #state;

    constructor(url, eventSourceInitDict = undefined) {
      const context = "Failed to construct 'EventSource'";
      if (arguments.length === 0) throw new TypeError(`${context}: 1 argument required, but only 0 present.`);
      const text = String(url);
      const init = eventSourceInitDict;
      if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
        throw new TypeError(`${context}: The provided value is not of type 'EventSourceInit'.`);
      }
      const withCredentials = init === undefined || init === null ? false : !!init.withCredentials;
      const parsed = fetch.parseURL(text);
      if (parsed === null) throw makeError('SyntaxError', `${context}: Cannot open an EventSource to '${text}'. The URL is invalid.`);
      super();
      this.#state = {
        url: FunctionPrototypeCall(fetch.urlHref, parsed), withCredentials, readyState: CONNECTING, reconnectionTime: DEFAULT_RECONNECTION_TIME,
        lastEventId: '', origin: 'null', connection: null,
      };
      connect(this, this.#state);
    }

    static #of(target, member) {
      if (target === null || typeof target !== 'object' || !(#state in target)) {
        throw new TypeError(`Failed to read the '${member}' property from 'EventSource': Illegal invocation`);
      }
      return target.#state;
    }

    get url() { return EventSource.#of(this, 'url').url; }
    get withCredentials() { return EventSource.#of(this, 'withCredentials').withCredentials; }
    get readyState() { return EventSource.#of(this, 'readyState').readyState; }

    /** §9.2.2 close(): aborts the fetch, if any, and sets readyState to CLOSED. */
    close() {
      const state = EventSource.#of(this, 'close');
      state.readyState = CLOSED;
      stop(state);
    }
  }
  defineEventHandlers(EventSource.prototype, ['open', 'message', 'error']);
  for (const [name, value] of [['CONNECTING', CONNECTING], ['OPEN', OPEN], ['CLOSED', CLOSED]]) {
    ObjectDefineProperty(EventSource, name, { value, enumerable: true });
    ObjectDefineProperty(EventSource.prototype, name, { value, enumerable: true });
  }

  /** Stops the current connection: its stream is aborted and nothing more of it is read. */
  const stop = (state) => {
    const connection = state.connection;
    state.connection = null;
    if (connection !== null && connection.id !== null) host.abort(connection.id);
  };

  /** Fetches the stream (§9.2.2 constructor steps 13–15, §9.2.3 reestablishing step 5). */
  const connect = (source, state) => {
    const connection = {
      id: null, partial: '', afterCR: false, first: true, data: '', type: '', lastEventIdBuffer: state.lastEventId,
    };
    state.connection = connection;
    const credentials = state.withCredentials ? 'include' : 'same-origin';
    const started = host.connect(state.url, credentials, state.lastEventId, (kind, value, essence, finalURL) => {
      if (state.connection !== connection) return;
      switch (kind) {
        case 'response':
          processResponse(source, state, connection, value, essence, finalURL);
          break;
        case 'data':
          interpret(source, state, connection, value);
          break;
        case 'end':
          // The end of the body or a network error: an incomplete event is dropped, and the
          // connection is reestablished.
          state.connection = null;
          reestablish(source, state);
          break;
        case 'blocked':
          state.connection = null;
          failTheConnection(source, state);
          break;
      }
    });
    if (typeof started === 'string') {
      state.connection = null;
      failTheConnection(source, state);
    } else {
      connection.id = started;
    }
  };

  /** §9.2.2 step 15's processResponse: fail the connection, or announce it. */
  const processResponse = (source, state, connection, status, essence, finalURL) => {
    if (status !== 200 || essence !== 'text/event-stream') {
      stop(state);
      failTheConnection(source, state);
      return;
    }
    state.origin = originOf(finalURL) ?? 'null';
    queueTask(() => {
      if (state.readyState === CLOSED) return;
      state.readyState = OPEN;
      fire(source, new Event('open'));
    });
  };

  /** §9.2.3 reestablish the connection, after the reconnection time. */
  const reestablish = (source, state) => {
    if (state.readyState === CLOSED) return;
    queueTask(() => {
      if (state.readyState === CLOSED) return;
      state.readyState = CONNECTING;
      fire(source, new Event('error'));
    });
    timers().setTimeout(() => {
      queueTask(() => {
        if (state.readyState !== CONNECTING || state.connection !== null) return;
        connect(source, state);
      });
    }, state.reconnectionTime);
  };

  /** §9.2.3 fail the connection: CLOSED and an `error` event, no reconnection. */
  const failTheConnection = (source, state) => {
    queueTask(() => {
      if (state.readyState === CLOSED) return;
      state.readyState = CLOSED;
      fire(source, new Event('error'));
    });
  };

  /** §9.2.6: splits `text` into lines (CR, LF or CRLF, also across chunks) and processes each. */
  const interpret = (source, state, connection, text) => {
    let from = 0;
    if (connection.first) {
      connection.first = false;
      if (StringPrototypeCharCodeAt(text, 0) === 0xfeff) from = 1;
    }
    for (let i = from; i < text.length; i++) {
      const code = StringPrototypeCharCodeAt(text, i);
      if (code !== LF && code !== CR) {
        connection.afterCR = false;
        continue;
      }
      if (code === LF && connection.afterCR) {
        // The LF of a CRLF whose CR ended the line already.
        connection.afterCR = false;
        from = i + 1;
        continue;
      }
      const line = connection.partial + StringPrototypeSlice(text, from, i);
      connection.partial = '';
      connection.afterCR = code === CR;
      from = i + 1;
      processLine(source, state, connection, line);
    }
    if (from < text.length) connection.partial += StringPrototypeSlice(text, from);
  };

  /** §9.2.6: a line of the stream. */
  const processLine = (source, state, connection, line) => {
    if (line === '') {
      dispatch(source, state, connection);
      return;
    }
    if (StringPrototypeCharCodeAt(line, 0) === COLON) return;
    const colon = StringPrototypeIndexOf(line, ':');
    let field = line;
    let value = '';
    if (colon >= 0) {
      field = StringPrototypeSlice(line, 0, colon);
      value = StringPrototypeSlice(line, colon + 1);
      if (StringPrototypeCharCodeAt(value, 0) === SPACE) value = StringPrototypeSlice(value, 1);
    }
    switch (field) {
      case 'event':
        connection.type = value;
        break;
      case 'data':
        connection.data += value + '\n';
        break;
      case 'id':
        if (StringPrototypeIndexOf(value, '\0') < 0) connection.lastEventIdBuffer = value;
        break;
      case 'retry':
        if (RegExpTest(DIGITS, value)) state.reconnectionTime = NumberParseInt(value, 10);
        break;
    }
  };

  /** §9.2.6 dispatch the event: a MessageEvent in a task of its own. */
  const dispatch = (source, state, connection) => {
    state.lastEventId = connection.lastEventIdBuffer;
    if (connection.data === '') {
      connection.type = '';
      return;
    }
    let data = connection.data;
    if (StringPrototypeCharCodeAt(data, data.length - 1) === LF) data = StringPrototypeSlice(data, 0, data.length - 1);
    const type = connection.type === '' ? 'message' : connection.type;
    const init = { __proto__: null, data, origin: state.origin, lastEventId: state.lastEventId };
    connection.data = '';
    connection.type = '';
    queueTask(() => {
      if (state.readyState === CLOSED) return;
      fire(source, new MessageEvent(type, init));
    });
  };

  const interfaces = { EventSource };
  ObjectDefineProperty(EventSource.prototype, Symbol.toStringTag, { value: 'EventSource', configurable: true });
  return ObjectFreeze({ interfaces: ObjectFreeze(interfaces) });
}
