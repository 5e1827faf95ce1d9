import Browser
import Foundation
import Testing
import V8

/// `fetch`, `Headers`, `Request`, `Response` and `AbortSignal`'s statics in a page realm, against
/// the loopback server of `Fixtures/fetch-server.py` (Fetch Standard §5; DOM §3.1 for the signals).
///
/// Pages are loaded at the server's `/page` (so relative URLs and same-origin checks use its
/// origin); each test runs an async script that returns JSON and compares it with what the
/// standard (or Chrome, for messages) gives.
@Suite struct FetchTests {
  let fixture: PageFixture
  let server: FetchTestServer
  init() throws {
    fixture = try PageFixture()
    server = try FetchTestServer.shared.get()
  }

  /// Runs `body` (an async function's body returning a JSON-able value) in a page at the server's
  /// `/page`, running the page's tasks until it settles, and gives the value decoded.
  func run(_ body: String, page url: String? = nil) throws -> Any {
    let page = try fixture.page("<!doctype html><title>fetch</title>", url: url ?? server.url("/page"))
    return try Self.decode(page.evaluateRunningTasks("return JSON.stringify(await (async () => {\n\(body)\n})());"))
  }

  struct Failure: Error, CustomStringConvertible { let description: String }

  /// The JSON text `value` holds as Swift values (`Bool` kept apart from numbers, which
  /// `JSONSerialization` does not do on Linux; integers as `Int`, null as `NSNull`).
  static func decode(_ value: JSValue) throws -> Any {
    guard case .string(let json) = value else { throw Failure(description: "not JSON: \(value)") }
    return try JSONDecoder().decode(JSON.self, from: Data(json.utf8)).value
  }

  /// A JSON value decoded with its kind kept.
  enum JSON: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .null
      } else if let bool = try? container.decode(Bool.self) {
        self = .bool(bool)
      } else if let number = try? container.decode(Double.self) {
        self = .number(number)
      } else if let string = try? container.decode(String.self) {
        self = .string(string)
      } else if let array = try? container.decode([JSON].self) {
        self = .array(array)
      } else {
        self = .object(try container.decode([String: JSON].self))
      }
    }

    var value: Any {
      switch self {
      case .null: NSNull()
      case .bool(let bool): bool
      case .number(let number): number.rounded() == number && abs(number) < 1e15 ? Int(number) : number
      case .string(let string): string
      case .array(let array): array.map(\.value)
      case .object(let object): object.mapValues(\.value)
      }
    }
  }

  @Test func headersValidateGuardSortAndCombine() throws {
    let result =
      try run(
        """
        const h = new Headers([['X-B', ' 2 '], ['x-a', '1']]);
        h.append('X-A', 'one');
        h.append('Set-Cookie', 'a=1');
        h.append('set-cookie', 'b=2');
        const failures = [];
        for (const f of [() => h.append('bad name', 'v'), () => h.append('x', 'a\\nb'), () => new Headers('text'),
          () => new Headers([['only-one']])]) {
          try { f(); failures.push('none'); } catch (e) { failures.push(e.name); }
        }
        const request = new Request('/echo', { headers: { 'Cookie': 'x=1', 'Host': 'evil', 'Sec-Thing': '1', 'X-Ok': '1' } });
        const noCors = new Request('/echo', { mode: 'no-cors', headers: { 'X-Custom': '1', 'Accept': 'text/plain' } });
        let immutable;
        try { Response.error().headers.set('x', '1'); } catch (e) { immutable = e.name; }
        return {
          entries: [...h], get: h.get('x-a'), has: h.has('X-B'), cookies: h.getSetCookie(), failures,
          keys: [...h.keys()], tag: Object.prototype.toString.call(h.entries()),
          request: [...request.headers], noCors: [...noCors.headers], immutable,
        };
        """) as? [String: Any]
    #expect(
      (result?["entries"] as? [[String]]) == [["set-cookie", "a=1"], ["set-cookie", "b=2"], ["x-a", "1, one"], ["x-b", "2"]])
    #expect(result?["get"] as? String == "1, one")
    #expect(result?["has"] as? Bool == true)
    #expect(result?["cookies"] as? [String] == ["a=1", "b=2"])
    #expect(result?["failures"] as? [String] == ["TypeError", "TypeError", "TypeError", "TypeError"])
    #expect(result?["keys"] as? [String] == ["set-cookie", "set-cookie", "x-a", "x-b"])
    #expect(result?["tag"] as? String == "[object Headers Iterator]")
    #expect((result?["request"] as? [[String]]) == [["x-ok", "1"]])
    #expect((result?["noCors"] as? [[String]]) == [["accept", "text/plain"]])
    #expect(result?["immutable"] as? String == "TypeError")
  }

  @Test func requestResolvesAndChecksItsInit() throws {
    let result =
      try run(
        """
        const r = new Request('echo?x#f', { method: 'post', body: 'hi' });
        const failures = [];
        for (const f of [() => new Request('/echo', { method: 'GET', body: 'x' }), () => new Request('/echo', { method: 'TRACE' }),
          () => new Request('http://user:pw@127.0.0.1/'), () => new Request('http://[bad'), () => new Request('/echo', { mode: 'navigate' }),
          () => new Request('/echo', { method: 'PUT', mode: 'no-cors' }), () => new Request('/echo', { redirect: 'nowhere' })]) {
          try { f(); failures.push('none'); } catch (e) { failures.push(e.name); }
        }
        const copy = new Request(r);
        const clone = copy.clone();
        return {
          url: r.url, method: r.method, type: r.headers.get('content-type'), mode: r.mode, credentials: r.credentials,
          redirect: r.redirect, cache: r.cache, referrer: r.referrer, originalUsed: r.bodyUsed, copyText: await copy.text(),
          copyUsed: copy.bodyUsed, cloneText: await clone.text(), failures, custom: new Request('/x', { method: 'patch' }).method,
        };
        """) as? [String: Any]
    #expect(result?["url"] as? String == server.url("/echo?x#f"))
    #expect(result?["method"] as? String == "POST")
    #expect(result?["type"] as? String == "text/plain;charset=UTF-8")
    #expect(result?["mode"] as? String == "cors")
    #expect(result?["credentials"] as? String == "same-origin")
    #expect(result?["redirect"] as? String == "follow")
    #expect(result?["cache"] as? String == "default")
    #expect(result?["referrer"] as? String == "about:client")
    #expect(result?["originalUsed"] as? Bool == true)
    #expect(result?["copyText"] as? String == "hi")
    #expect(result?["copyUsed"] as? Bool == true)
    #expect(result?["cloneText"] as? String == "hi")
    #expect(result?["failures"] as? [String] == Array(repeating: "TypeError", count: 7))
    #expect(result?["custom"] as? String == "patch")
  }

  @Test func responseConstructorsAndBodies() throws {
    let result =
      try run(
        """
        const r = new Response('{"a":1}', { status: 201, statusText: 'Made', headers: { 'X-Y': 'z' } });
        const clone = r.clone();
        const json = await r.json();
        let again;
        try { await r.text(); } catch (e) { again = e.name; }
        const bytes = new Uint8Array(await new Response(new Uint16Array([0x4241])).arrayBuffer());
        const failures = [];
        for (const f of [() => new Response('x', { status: 99 }), () => new Response('x', { status: 204 }),
          () => Response.redirect('/a', 200), () => new Response('x', { statusText: 'a\\nb' })]) {
          try { f(); failures.push('none'); } catch (e) { failures.push(e.name); }
        }
        const redirect = Response.redirect('/elsewhere', 301);
        const error = Response.error();
        const made = Response.json({ b: [1] }, { status: 202 });
        const params = new Response(new URLSearchParams({ q: 'a b' }));
        return {
          status: r.status, ok: r.ok, statusText: r.statusText, type: r.type, url: r.url, header: r.headers.get('x-y'),
          contentType: r.headers.get('content-type'), json, used: r.bodyUsed, again, cloneText: await clone.text(), bytes: [...bytes],
          failures, redirect: [redirect.status, redirect.headers.get('location')], error: [error.type, error.status, error.ok],
          made: [made.status, made.headers.get('content-type'), await made.text()],
          params: [params.headers.get('content-type'), await params.text()], empty: await new Response().text(),
          nullBody: new Response(null, { status: 204 }).bodyUsed,
        };
        """) as? [String: Any]
    #expect(result?["status"] as? Int == 201)
    #expect(result?["ok"] as? Bool == true)
    #expect(result?["statusText"] as? String == "Made")
    #expect(result?["type"] as? String == "default")
    #expect(result?["url"] as? String == "")
    #expect(result?["header"] as? String == "z")
    #expect(result?["contentType"] as? String == "text/plain;charset=UTF-8")
    #expect((result?["json"] as? [String: Int]) == ["a": 1])
    #expect(result?["used"] as? Bool == true)
    #expect(result?["again"] as? String == "TypeError")
    #expect(result?["cloneText"] as? String == "{\"a\":1}")
    #expect(result?["bytes"] as? [Int] == [0x41, 0x42])
    #expect(result?["failures"] as? [String] == ["RangeError", "TypeError", "RangeError", "TypeError"])
    #expect(result?["redirect"] as? [AnyHashable] == [301, server.url("/elsewhere")])
    #expect(result?["error"] as? [AnyHashable] == ["error", 0, false])
    #expect(result?["made"] as? [AnyHashable] == [202, "application/json", "{\"b\":[1]}"])
    #expect(result?["params"] as? [String] == ["application/x-www-form-urlencoded;charset=UTF-8", "q=a+b"])
    #expect(result?["empty"] as? String == "")
    #expect(result?["nullBody"] as? Bool == false)
  }

  @Test func fetchesARelativeURLAsASameOriginRequest() throws {
    let result =
      try run(
        """
        const r = await fetch('echo?q=1');
        const echo = await r.json();
        const headers = Object.fromEntries(echo.headers.map(([n, v]) => [n.toLowerCase(), v]));
        const set = await fetch('/headers');
        return {
          status: r.status, ok: r.ok, statusText: r.statusText, url: r.url, type: r.type, redirected: r.redirected,
          contentType: r.headers.get('content-type'), method: echo.method, path: echo.path, accept: headers['accept'],
          origin: headers['origin'] ?? null, setCookie: set.headers.get('set-cookie'), combined: set.headers.get('x-a'),
          isResponse: r instanceof Response,
        };
        """) as? [String: Any]
    #expect(result?["status"] as? Int == 200)
    #expect(result?["ok"] as? Bool == true)
    #expect(result?["statusText"] as? String == "OK")
    #expect(result?["url"] as? String == server.url("/echo?q=1"))
    #expect(result?["type"] as? String == "basic")
    #expect(result?["redirected"] as? Bool == false)
    #expect(result?["contentType"] as? String == "application/json")
    #expect(result?["method"] as? String == "GET")
    #expect(result?["path"] as? String == "/echo?q=1")
    #expect(result?["accept"] as? String == "*/*")
    #expect(result?["origin"] is NSNull)
    #expect(result?["setCookie"] is NSNull)
    #expect(result?["combined"] as? String == "first, second")
    #expect(result?["isResponse"] as? Bool == true)
  }

  @Test func sendsBodiesAndHeaders() throws {
    let result =
      try run(
        """
        const send = async (body, headers = {}) => {
          const echo = await (await fetch('/echo', { method: 'POST', body, headers })).json();
          const type = echo.headers.find(([n]) => n.toLowerCase() === 'content-type');
          return [type ? type[1] : null, echo.body, echo.headers.some(([n]) => n.toLowerCase() === 'cookie')];
        };
        const blob = typeof Blob === 'function' ? await send(new Blob(['blob body'], { type: 'text/x-blob' })) : null;
        return {
          text: await send('héllo'), params: await send(new URLSearchParams('a=1&b=2')),
          buffer: await send(new Uint8Array([104, 105]).buffer), view: await send(new DataView(new Uint8Array([1, 104, 105]).buffer, 1)),
          custom: await send('x', { 'Content-Type': 'application/x-mine', 'Cookie': 'stolen=1' }), blob,
          put: (await (await fetch('/echo', { method: 'put', body: 'p' })).json()).method,
        };
        """) as? [String: Any]
    #expect(result?["text"] as? [AnyHashable] == ["text/plain;charset=UTF-8", "h\u{00C3}\u{00A9}llo", false])
    #expect(result?["params"] as? [AnyHashable] == ["application/x-www-form-urlencoded;charset=UTF-8", "a=1&b=2", false])
    #expect(result?["buffer"] as? [AnyHashable] == [NSNull(), "hi", false])
    #expect(result?["view"] as? [AnyHashable] == [NSNull(), "hi", false])
    #expect(result?["custom"] as? [AnyHashable] == ["application/x-mine", "x", false])
    #expect(result?["blob"] as? [AnyHashable] == ["text/x-blob", "blob body", false])
    #expect(result?["put"] as? String == "PUT")
  }

  @Test func redirectModes() throws {
    let result =
      try run(
        """
        const follow = await fetch('/redirect?status=302&to=/echo');
        let error;
        try { await fetch('/redirect?status=302&to=/echo', { redirect: 'error' }); } catch (e) { error = [e.name, e.message]; }
        const manual = await fetch('/redirect?status=301&to=/echo', { redirect: 'manual' });
        return {
          follow: [follow.status, follow.redirected, follow.url], error,
          manual: [manual.type, manual.status, manual.url, [...manual.headers].length],
        };
        """) as? [String: Any]
    #expect(result?["follow"] as? [AnyHashable] == [200, true, server.url("/echo")])
    #expect(result?["error"] as? [String] == ["TypeError", "Failed to fetch"])
    #expect(result?["manual"] as? [AnyHashable] == ["opaqueredirect", 0, server.url("/redirect?status=301&to=/echo"), 0])
  }

  @Test func networkErrorsFileAndDataURLs() throws {
    let result =
      try run(
        """
        const outcome = async (url) => {
          try { const r = await fetch(url); return [r.status, r.type, r.headers.get('content-type'), await r.text()]; }
          catch (e) { return [e.name, e.message]; }
        };
        return {
          refused: await outcome('http://127.0.0.1:1/'), file: await outcome('file:///etc/hostname'),
          data: await outcome('data:text/plain;charset=utf-8,hello%20there'), about: await outcome('about:blank'),
          missing: await outcome('/status?code=404&text=Gone'), nocontent: await outcome('/nocontent'),
        };
        """) as? [String: Any]
    #expect(result?["refused"] as? [String] == ["TypeError", "Failed to fetch"])
    #expect(result?["file"] as? [String] == ["TypeError", "Failed to fetch"])
    #expect(result?["about"] as? [String] == ["TypeError", "Failed to fetch"])
    #expect(result?["data"] as? [AnyHashable] == [200, "basic", "text/plain;charset=utf-8", "hello there"])
    #expect(result?["missing"] as? [AnyHashable] == [404, "basic", "text/plain", "status"])
    #expect(result?["nocontent"] as? [AnyHashable] == [204, "basic", NSNull(), ""])
  }

  @Test func crossOriginResponsesPassCORS() throws {
    let other = server.otherURL("")
    let origin = server.origin
    let result =
      try run(
        """
        const outcome = async (path, init) => {
          try {
            const r = await fetch('\(other)' + path, init);
            return [r.type, r.status, r.headers.get('x-secret'), r.headers.get('content-type'), await r.text()];
          } catch (e) { return [e.name, e.message]; }
        };
        const echo = await (await fetch('\(other)/echo?acao=*', { method: 'POST', body: 'b' })).json();
        return {
          blocked: await outcome('/cors'), star: await outcome('/cors?acao=*'), exact: await outcome('/cors?acao=\(origin)'),
          wrong: await outcome('/cors?acao=http://elsewhere.test'), exposed: await outcome('/cors?acao=*&expose=X-Secret'),
          credentialsStar: await outcome('/cors?acao=*', { credentials: 'include' }),
          credentials: await outcome('/cors?acao=\(origin)&credentials=1', { credentials: 'include' }),
          opaque: await outcome('/cors', { mode: 'no-cors' }), sameOrigin: await outcome('/cors?acao=*', { mode: 'same-origin' }),
          origin: echo.headers.find(([n]) => n.toLowerCase() === 'origin')?.[1] ?? null,
        };
        """) as? [String: Any]
    let failed: [AnyHashable] = ["TypeError", "Failed to fetch"]
    #expect(result?["blocked"] as? [AnyHashable] == failed)
    #expect(result?["star"] as? [AnyHashable] == ["cors", 200, NSNull(), "text/plain", "cross GET"])
    #expect(result?["exact"] as? [AnyHashable] == ["cors", 200, NSNull(), "text/plain", "cross GET"])
    #expect(result?["wrong"] as? [AnyHashable] == failed)
    #expect(result?["exposed"] as? [AnyHashable] == ["cors", 200, "s", "text/plain", "cross GET"])
    #expect(result?["credentialsStar"] as? [AnyHashable] == failed)
    #expect(result?["credentials"] as? [AnyHashable] == ["cors", 200, NSNull(), "text/plain", "cross GET"])
    #expect(result?["opaque"] as? [AnyHashable] == ["opaque", 0, NSNull(), NSNull(), ""])
    #expect(result?["sameOrigin"] as? [AnyHashable] == failed)
    #expect(result?["origin"] as? String == origin)
  }

  /// A cross-origin request that is not CORS-safelisted (a PUT, a custom header, a JSON body) is
  /// sent only after its CORS preflight allows it (Fetch §4.8); a safelisted one needs none.
  @Test func unsafeCrossOriginRequestsWaitForTheirPreflight() throws {
    let other = server.otherURL("")
    let result =
      try run(
        """
        const outcome = async (path, init) => {
          try { return await (await fetch('\(other)' + path, init)).text(); } catch (e) { return e.message; }
        };
        return [
          await outcome('/cors?acao=*', { method: 'PUT' }),
          await outcome('/cors?acao=*&allow-methods=PUT', { method: 'PUT' }),
          await outcome('/cors?acao=*', { headers: { 'X-Custom': '1' } }),
          await outcome('/cors?acao=*&allow-headers=X-Custom', { headers: { 'X-Custom': '1' } }),
          await outcome('/cors?acao=*&allow-headers=*', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }),
          await outcome('/cors?acao=*', { method: 'POST', body: 'plain' }),
        ];
        """) as? [AnyHashable]
    #expect(
      result == [
        "Failed to fetch", "cross PUT", "Failed to fetch", "cross GET", "cross POST", "cross POST",
      ])
  }

  @Test func blockedCORSIsReportedOnTheConsole() throws {
    let page = try fixture.page("<!doctype html>", url: server.url("/page"))
    _ = try page.evaluateRunningTasks("try { await fetch('\(server.otherURL("/cors"))'); } catch {}")
    #expect(
      page.environment.consoleMessages.map(\.text) == [
        "Access to fetch at '\(server.otherURL("/cors"))' from origin '\(server.origin)' has been blocked by CORS policy: "
          + "No 'Access-Control-Allow-Origin' header is present on the requested resource."
      ])
  }

  @Test func abortingRejectsWithTheSignalsReason() throws {
    let result =
      try run(
        """
        const name = async (promise) => { try { await promise; return 'resolved'; } catch (e) { return [e.name, e instanceof DOMException]; } };
        const before = new AbortController();
        before.abort();
        const during = new AbortController();
        const pending = fetch('/delay?ms=5000', { signal: during.signal });
        setTimeout(() => during.abort(), 10);
        const custom = new AbortController();
        const customPending = fetch('/delay?ms=5000', { signal: custom.signal });
        custom.abort('my reason');
        let customReason;
        try { await customPending; } catch (e) { customReason = e; }
        const late = new AbortController();
        const response = await fetch('/echo', { signal: late.signal });
        late.abort();
        return {
          before: await name(fetch('/echo', { signal: before.signal })), during: await name(pending), customReason,
          afterResponse: await name(response.text()),
        };
        """) as? [String: Any]
    #expect(result?["before"] as? [AnyHashable] == ["AbortError", true])
    #expect(result?["during"] as? [AnyHashable] == ["AbortError", true])
    #expect(result?["customReason"] as? String == "my reason")
    #expect(result?["afterResponse"] as? [AnyHashable] == ["AbortError", true])
  }

  /// fetch() settles at the response's headers (Fetch's processResponse), its body read later:
  /// the clock is free once the headers are in (rule 2), so a 5 s page timer fires in virtual time
  /// while a body 1,500 ms of real time away is still coming (well past the 100 ms grace, so a
  /// loaded machine does not deliver it first); an abort then rejects the body.
  @Test func fetchSettlesAtTheHeadersAndItsBodyFollows() throws {
    let result =
      try run(
        """
        const log = [];
        const response = await fetch('/slow-body?ms=1500');
        log.push('headers ' + response.status);
        setTimeout(() => log.push('timer'), 5000);
        const copy = response.clone();
        log.push('body ' + await response.text() + ' ' + await copy.text());
        const aborter = new AbortController();
        const aborted = await fetch('/slow-body?ms=300', { signal: aborter.signal });
        aborter.abort();
        log.push(await aborted.text().catch((e) => e.name));
        return log;
        """) as? [AnyHashable]
    #expect(result == ["headers 200", "timer", "body body body", "AbortError"])
  }

  /// The page's clock runs at the real rate while the fetch is in flight, so a 3 s timeout does
  /// not fire during a 200 ms response, and a 50 ms one fires during a 5 s wait.
  @Test func abortSignalTimeoutRunsOnThePagesClock() throws {
    let result =
      try run(
        """
        const ok = await fetch('/delay?ms=200', { signal: AbortSignal.timeout(3000) });
        let timedOut;
        try { await fetch('/delay?ms=5000', { signal: AbortSignal.timeout(50) }); } catch (e) { timedOut = [e.name, e.message]; }
        return { ok: await ok.text(), timedOut };
        """) as? [String: Any]
    #expect(result?["ok"] as? String == "late")
    #expect(result?["timedOut"] as? [String] == ["TimeoutError", "signal timed out"])
  }

  @Test func abortSignalStatics() throws {
    let result =
      try run(
        """
        const aborted = AbortSignal.abort('why');
        const plain = AbortSignal.abort();
        const controller = new AbortController();
        const any = AbortSignal.any([controller.signal, new AbortController().signal]);
        let thrown;
        try { aborted.throwIfAborted(); } catch (e) { thrown = e; }
        controller.abort('first');
        const timeout = AbortSignal.timeout(20);
        const fired = await new Promise((resolve) => timeout.addEventListener('abort', () => resolve(timeout.reason.name)));
        let range;
        try { AbortSignal.timeout(-1); } catch (e) { range = e.name; }
        return { aborted: [aborted.aborted, aborted.reason], plain: plain.reason.name, thrown, any: [any.aborted, any.reason], fired, range };
        """) as? [String: Any]
    #expect(result?["aborted"] as? [AnyHashable] == [true, "why"])
    #expect(result?["plain"] as? String == "AbortError")
    #expect(result?["thrown"] as? String == "why")
    #expect(result?["any"] as? [AnyHashable] == [true, "first"])
    #expect(result?["fired"] as? String == "TimeoutError")
    #expect(result?["range"] as? String == "TypeError")
  }

  @Test func bodiesAsBlobsAndBlobURLs() throws {
    let result =
      try run(
        """
        const blob = await (await fetch('/text?type=Text/X-Mine&body=abc')).blob();
        const url = URL.createObjectURL(new Blob(['from a blob'], { type: 'text/x-b' }));
        const fromURL = await fetch(url);
        return { blob: [blob instanceof Blob, blob.type, blob.size, await blob.text()],
          fromURL: [fromURL.status, fromURL.headers.get('content-type'), await fromURL.text()] };
        """) as? [String: Any]
    #expect(result?["blob"] as? [AnyHashable] == [true, "text/x-mine", 3, "abc"])
    #expect(result?["fromURL"] as? [AnyHashable] == [200, "text/x-b", "from a blob"])
  }

  @Test func pageCodeOverwritingBuiltInsDoesNotChangeFetch() throws {
    let result =
      try run(
        """
        Array.prototype.push = () => { throw new Error('push'); };
        Object.keys = () => { throw new Error('keys'); };
        JSON.parse = () => 'hijacked';
        Uint8Array.prototype.set = () => { throw new Error('set'); };
        const r = await fetch('/json', { method: 'POST', body: 'x', headers: [['X-A', '1']] });
        return await r.json();
        """) as? [String: Any]
    #expect(result?["ok"] as? Bool == true)
  }
}

extension Page {
  /// Runs `body` as an async function's body in page code and gives the value its promise
  /// settles to, running the page's tasks (network completions, timers) until it does.
  func evaluateRunningTasks(_ body: String) throws -> JSValue {
    let promise = try evaluate("(async () => {\n\(body)\n})()")
    return try realm.context.awaitPromise(promise, timeout: .seconds(30)) {
      try realm.pump(until: .now + .seconds(10), waitingOn: realm.context)
    }
  }
}
