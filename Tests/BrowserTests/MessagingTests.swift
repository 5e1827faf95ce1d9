import Browser
import Testing
import V8

/// Structured cloning and messaging in page realms: `structuredClone` over the types HTML §2.7
/// serializes (WPT's `structured-clone-battery-of-tests` cases), its DataCloneErrors with Chrome's
/// messages, transfer lists; `MessageChannel`/`MessagePort` (§9.4: queues that start with
/// `start()` or `onmessage`, `close`, ports moved by transfer); `window.postMessage` to the page
/// itself (§9.3: `origin`, `source`, target origins); and the constructors Caper does not run.
@Suite struct MessagingTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  /// What the async body `source` returns as a string, running the page's tasks until it settles.
  func text(_ source: String) throws -> String? {
    let page = try fixture.page()
    return try page.evaluateRunningTasks(
      "try { return String(await (async () => { \(source) })()); } catch (e) { return e.name + ': ' + e.message; }"
    ).stringValue
  }

  @Test func structuredCloneCopiesEverySerializableType() throws {
    let result = try text(
      """
      const buffer = new Uint8Array([1, 2, 3, 4]).buffer;
      const original = {
        n: -0, big: 12345678901234567890n, u: undefined, s: 'str', date: new Date(86400000), re: /a+b/giu, bool: new Boolean(false),
        num: new Number(2.5), str: new String('wrapped'), bigObject: Object(5n), map: new Map([[{ k: 1 }, 'v']]), set: new Set([1, 'x']),
        array: [1, , 3], buffer, view: new Uint16Array(buffer, 2, 1), dv: new DataView(buffer, 1, 2), error: new TypeError('bad type'),
        custom: Object.assign(new Error('plain'), { name: 'MyError' }),
      };
      original.array.extra = 'kept';
      original.self = original;
      const c = structuredClone(original);
      return [
        Object.is(c.n, -0), c.big === original.big, 'u' in c && c.u === undefined, c.date instanceof Date && c.date.getTime(),
        c.re.source + '/' + c.re.flags, c.re !== original.re, typeof c.bool + c.bool.valueOf(), c.num + 0, c.str + '', typeof c.bigObject,
        [...c.map.keys()][0].k + [...c.map.values()][0], [...c.set].join(), c.array.length, 1 in c.array, c.array.extra,
        c.buffer !== buffer, c.view.buffer === c.buffer, c.dv.buffer === c.buffer, c.view[0] === new Uint16Array(buffer, 2, 1)[0],
        c.dv.byteOffset + '+' + c.dv.byteLength, c.error instanceof TypeError, c.error.message, c.custom.name, c.custom.message,
        typeof c.error.stack, c.self === c, Object.getPrototypeOf(c) === Object.prototype,
      ].join('|');
      """)
    #expect(
      result
        == "true|true|true|86400000|a+b/giu|true|objectfalse|2.5|wrapped|object|1v|1,x|3|false|kept|true|true|true|true|1+2|true|bad type|Error|plain|string|true|true"
    )
  }

  @Test func structuredCloneKeepsSharedReferencesAndOwnKeysOnly() throws {
    let result = try text(
      """
      const shared = { v: 1 };
      class Point { constructor() { this.x = 1; } get y() { return 2; } }
      const input = [shared, shared, new Point(), JSON.parse('{"__proto__": {"polluted": true}, "a": 1}')];
      Object.defineProperty(input[2], 'hidden', { value: 3, enumerable: false });
      const [a, b, point, parsed] = structuredClone(input);
      return [a === b, a !== shared, Object.getPrototypeOf(point) === Object.prototype, Object.keys(point).join(),
        Object.keys(parsed).join(), Object.getPrototypeOf(parsed) === Object.prototype, ({}).polluted === undefined].join(' ');
      """)
    #expect(result == "true true true x __proto__,a true true")
  }

  @Test func structuredCloneCopiesBlobsFilesAndDOMExceptions() throws {
    let result = try text(
      """
      const [blob, file, exception] = structuredClone([new Blob(['abc'], { type: 'text/x' }), new File(['z'], 'f.txt', { lastModified: 7 }),
        new DOMException('gone', 'NotFoundError')]);
      return [blob instanceof Blob, blob.type, await blob.text(), file instanceof File, file.name, file.lastModified,
        exception instanceof DOMException, exception.name, exception.message, exception.code].join('|');
      """)
    #expect(result == "true|text/x|abc|true|f.txt|7|true|NotFoundError|gone|8")
  }

  @Test func structuredCloneThrowsDataCloneErrors() throws {
    let context = "DataCloneError: Failed to execute 'structuredClone' on 'Window'"
    #expect(try text("return structuredClone({ f() {} })") == "\(context): f() {} could not be cloned.")
    #expect(try text("return structuredClone([Symbol('s')])") == "\(context): Symbol(s) could not be cloned.")
    #expect(
      try text("return structuredClone(document.createElement('div'))")
        == "\(context): HTMLDivElement object could not be cloned.")
    #expect(try text("return structuredClone({ w: window })") == "\(context): Window object could not be cloned.")
    #expect(try text("return structuredClone(new Event('x'))") == "\(context): Event object could not be cloned.")
    #expect(try text("return structuredClone(Promise.resolve())") == "\(context): #<Promise> could not be cloned.")
    #expect(try text("return structuredClone(new WeakMap())") == "\(context): #<WeakMap> could not be cloned.")
    #expect(try text("try { structuredClone(() => 1); } catch (e) { return e instanceof DOMException && e.code; }") == "25")
    #expect(
      try text("return structuredClone()")
        == "TypeError: Failed to execute 'structuredClone' on 'Window': 1 argument required, but only 0 present.")
  }

  @Test func structuredCloneChecksItsTransferList() throws {
    let context = "DataCloneError: Failed to execute 'structuredClone' on 'Window'"
    #expect(
      try text("const b = new ArrayBuffer(1); return structuredClone(b, { transfer: [b, b] })")
        == "\(context): ArrayBuffer at index 1 is a duplicate of an earlier ArrayBuffer.")
    #expect(
      try text("return structuredClone(1, { transfer: [{}] })")
        == "\(context): Value at index 0 does not have a transferable type.")
    #expect(
      try text("const { port1 } = new MessageChannel(); return structuredClone(port1)")
        == "\(context): A MessagePort could not be cloned because it was not transferred.")
    let result = try text(
      """
      const buffer = new Uint8Array([5, 6]).buffer;
      const clone = structuredClone({ buffer, view: new Uint8Array(buffer) }, { transfer: [buffer] });
      return [clone.buffer !== buffer, clone.view.buffer === clone.buffer, [...clone.view].join(), buffer.byteLength].join(' ');
      """)
    // The sender's buffer is detached, as a browser's transfer leaves it.
    #expect(result == "true true 5,6 0")
    #expect(
      try text(
        "const b = new ArrayBuffer(4); const { port1, port2 } = new MessageChannel(); port1.postMessage(b, [b]); return b.byteLength"
      ) == "0")
  }

  @Test func messagePortsQueueUntilStartedAndDeliverAsTasks() throws {
    let result = try text(
      """
      const log = [];
      const { port1, port2 } = new MessageChannel();
      port2.addEventListener('message', (e) => log.push(`listener ${e.data.n} ${e.isTrusted} ${e.origin === ''} ${e.ports.length}`));
      const payload = { n: 1 };
      port1.postMessage(payload);
      payload.n = 99;
      port1.postMessage({ n: 2 });
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push('not started yet');
      port2.start();
      log.push('started');
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = new MessageChannel();
      const got = new Promise((resolve) => { second.port1.onmessage = (e) => resolve(e.data); });
      second.port2.postMessage('by onmessage');
      log.push(await got);
      return log.join(' | ');
      """)
    #expect(result == "not started yet | started | listener 1 true true 0 | listener 2 true true 0 | by onmessage")
  }

  @Test func closedPortsAndTransferredPorts() throws {
    let result = try text(
      """
      const log = [];
      const a = new MessageChannel();
      a.port2.onmessage = (e) => log.push('closed port got ' + e.data);
      a.port1.postMessage('before close');
      a.port2.close();
      a.port1.postMessage('after close');
      const b = new MessageChannel();
      const inner = new MessageChannel();
      const replied = new Promise((resolve) => { inner.port1.onmessage = (e) => resolve(e.data); });
      b.port2.onmessage = (e) => { log.push('ports ' + e.ports.length + ' ' + (e.ports[0] instanceof MessagePort)); e.ports[0].postMessage('reply'); };
      b.port1.postMessage('take this', [inner.port2]);
      log.push(await replied);
      try { b.port1.postMessage('again', [inner.port2]); } catch (e) { log.push(e.name + ': ' + e.message); }
      try { b.port1.postMessage('self', [b.port1]); } catch (e) { log.push(e.message); }
      return log.join(' | ');
      """)
    #expect(
      result
        == "ports 1 true | reply | DataCloneError: Failed to execute 'postMessage' on 'MessagePort': Port at index 0 is already neutered."
        + " | Failed to execute 'postMessage' on 'MessagePort': Port at index 0 contains the source port.")
  }

  @Test func windowPostMessageReachesThePageAsATask() throws {
    let result = try text(
      """
      const log = [];
      const received = new Promise((resolve) => {
        window.addEventListener('message', (e) => {
          log.push(`${JSON.stringify(e.data)} ${e.origin} ${e.source === window} ${e.isTrusted} ${e instanceof MessageEvent}`);
          if (e.data.last) resolve();
        });
      });
      window.postMessage({ n: 1 }, '*');
      window.postMessage({ n: 2 }, 'https://other.test');
      window.postMessage({ n: 3 }, 'https://example.test/any/path');
      window.postMessage({ n: 4 }, { targetOrigin: '/' });
      window.postMessage({ n: 5, last: true });
      log.push('posted');
      await received;
      try { window.postMessage(1, 'not a url'); } catch (e) { log.push(e.name + ': ' + e.message); }
      return log.join(' | ');
      """)
    #expect(
      result
        == #"posted | {"n":1} https://example.test true true true | {"n":3} https://example.test true true true | {"n":4} https://example.test true true true | {"n":5,"last":true} https://example.test true true true"#
        + " | SyntaxError: Failed to execute 'postMessage' on 'Window': Invalid target origin 'not a url' in a call to 'postMessage'."
    )
  }

  @Test func unsupportedConstructorsThrowNotSupportedError() throws {
    for name in ["WebSocket", "Worker", "SharedWorker"] {
      #expect(try text("return new \(name)('x')") == "NotSupportedError: \(name) is not supported by Caper")
    }
    #expect(try text("return [typeof WebSocket, WebSocket.OPEN, 'Worker' in window].join()") == "function,1,true")
  }

  @Test func pagesThatReplaceBuiltInsStillCloneAndMessage() throws {
    let result = try text(
      """
      const map = new Map([[1, 'one']]);
      const set = new Set(['s']);
      Array.prototype.push = () => { throw new Error('push'); };
      Map.prototype.set = () => { throw new Error('Map set'); };
      Set.prototype.add = () => { throw new Error('Set add'); };
      JSON.stringify = () => { throw new Error('stringify'); };
      Uint8Array.prototype.set = () => { throw new Error('Uint8Array set'); };
      Object.defineProperty(Object.prototype, 'then', { get() { return undefined; }, configurable: true });
      const clone = structuredClone({ map, set, bytes: new Uint8Array([7, 8]), list: [1, [2]] });
      const { port1, port2 } = new MessageChannel();
      const got = new Promise((resolve) => { port2.onmessage = (e) => resolve(e.data); });
      port1.postMessage(clone);
      const data = await got;
      return [data.map.get(1), data.set.has('s'), data.bytes[1], data.list[1][0]].join(' ');
      """)
    #expect(result == "one true 8 2")
  }
}
