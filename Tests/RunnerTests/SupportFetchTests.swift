import Foundation
import Testing
import V8
import _CaperBinaryTestSupport
import _CaperTestSupport

@testable import Runner

/// Node 18's `fetch` in the support realm (`SupportFetchAPI`), against the network tests' loopback
/// server (`Tests/NetworkTests/Fixtures/server.py`): JSON, a posted body, headers both ways, a
/// 404, redirects, an abort, a refused connection; and a cucumber step that fetches, through the
/// built `caper`.
@Suite struct SupportFetchTests {
  let server: TestServer
  init() throws { server = try TestServer.shared.get() }

  struct Failure: Error, CustomStringConvertible { let description: String }

  /// Runs `body` (an async function's body returning a JSON-able object) in a new support realm,
  /// turning its event loop until it settles, and gives the object decoded.
  func run(_ body: String) throws -> [String: Any] {
    let support = try SupportRealm(environment: [:], arguments: [], console: { _, _ in })
    let source = "(async () => JSON.stringify(await (async () => {\n\(body)\n})()))()"
    let value = try support.context.isolate.sync {
      let deadline = ContinuousClock.now + .seconds(20)
      return try support.context.awaitPromise(try support.context.evaluate(source), timeout: .seconds(20)) {
        try support.pump(until: deadline)
      }
    }
    guard case .string(let json) = value, let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    else { throw Failure(description: "not a JSON object: \(value)") }
    return object
  }

  /// The value of the request header `name` in the server's echo (`[[name, value], ...]`).
  static func header(_ name: String, in echo: Any?) -> String? {
    ((echo as? [String: Any])?["headers"] as? [[String]])?.first { $0[0].lowercased() == name.lowercased() }?[1]
  }

  @Test func theGlobalsNode18Has() throws {
    let result = try run(
      """
      const names = ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal', 'Event', 'EventTarget', 'DOMException'];
      const controller = new AbortController();
      let heard = null;
      controller.signal.addEventListener('abort', (event) => { heard = event.type; });
      controller.abort();
      let relative = null;
      try { new Request('/relative'); } catch (error) { relative = error.constructor.name; }
      return {
        types: names.map((name) => typeof globalThis[name]),
        heard, reason: controller.signal.reason.name,
        // Node's fetch has no forbidden request headers.
        cookie: new Request('http://127.0.0.1/', { headers: { Cookie: 'a=1', Host: 'example.com' } }).headers.get('cookie'),
        relative,
        json: await Response.json({ a: 1 }).json(),
      };
      """)
    #expect(result["types"] as? [String] == Array(repeating: "function", count: 9))
    #expect(result["heard"] as? String == "abort")
    #expect(result["reason"] as? String == "AbortError")
    #expect(result["cookie"] as? String == "a=1")
    #expect(result["relative"] as? String == "TypeError")
    #expect((result["json"] as? [String: Any])?["a"] as? Int == 1)
  }

  @Test func getsJSONWithNodesRequestHeaders() throws {
    let result = try run(
      """
      const response = await fetch('\(server.url("/echo?x=1"))');
      return {
        status: response.status, ok: response.ok, type: response.type, url: response.url, redirected: response.redirected,
        contentType: response.headers.get('content-type'), echo: await response.json(), used: response.bodyUsed,
      };
      """)
    #expect(result["status"] as? Int == 200)
    #expect(result["ok"] as? Bool == true)
    #expect(result["type"] as? String == "basic")
    #expect(result["url"] as? String == server.url("/echo?x=1"))
    #expect(result["redirected"] as? Bool == false)
    #expect(result["contentType"] as? String == "application/json")
    #expect(result["used"] as? Bool == true)
    let echo = result["echo"] as? [String: Any]
    #expect(echo?["method"] as? String == "GET")
    #expect(echo?["path"] as? String == "/echo?x=1")
    #expect(Self.header("User-Agent", in: echo) == "undici")
    #expect(Self.header("Accept", in: echo) == "*/*")
    #expect(Self.header("Accept-Language", in: echo) == "*")
    #expect(Self.header("Sec-Fetch-Mode", in: echo) == "cors")
    #expect(Self.header("Referer", in: echo) == nil)
    #expect(Self.header("Origin", in: echo) == nil)
  }

  @Test func postsABodyWithTheHeadersGiven() throws {
    let result = try run(
      """
      const response = await fetch('\(server.url("/echo"))', {
        method: 'POST', body: JSON.stringify({ name: 'caper' }),
        headers: { 'Content-Type': 'application/json', 'X-Custom': 'yes', 'User-Agent': 'steps/1.0', Cookie: 'session=1' },
      });
      const put = await (await fetch(new Request('\(server.url("/echo"))', { method: 'put', body: new Uint8Array([104, 105]) }))).json();
      return { echo: await response.json(), put };
      """)
    let echo = result["echo"] as? [String: Any]
    #expect(echo?["method"] as? String == "POST")
    #expect(echo?["body"] as? String == #"{"name":"caper"}"#)
    #expect(Self.header("Content-Type", in: echo) == "application/json")
    #expect(Self.header("X-Custom", in: echo) == "yes")
    #expect(Self.header("User-Agent", in: echo) == "steps/1.0")
    #expect(Self.header("Cookie", in: echo) == "session=1")
    let put = result["put"] as? [String: Any]
    #expect(put?["method"] as? String == "PUT")
    #expect(put?["body"] as? String == "hi")
  }

  @Test func responseHeadersAndNoCookieJar() throws {
    let result = try run(
      """
      const headers = (await fetch('\(server.url("/headers"))')).headers;
      const setCookie = await fetch('\(server.url("/set-cookie?c=a%3D1"))');
      const after = await (await fetch('\(server.url("/echo"))')).json();
      return {
        first: headers.get('x-first'), second: headers.get('X-Second'), names: [...headers.keys()],
        setCookie: setCookie.headers.get('set-cookie'), cookieAfter: after.headers.filter(([name]) => name.toLowerCase() === 'cookie').length,
      };
      """)
    #expect(result["first"] as? String == "1, 3")
    #expect(result["second"] as? String == "two words")
    #expect((result["names"] as? [String])?.contains("x-first") == true)
    // Node has no cookie jar: a Set-Cookie is the caller's to read, and nothing is sent back.
    #expect(result["setCookie"] as? String == "a=1")
    #expect(result["cookieAfter"] as? Int == 0)
  }

  @Test func aNotFoundIsAResponse() throws {
    let result = try run(
      """
      const response = await fetch('\(server.url("/missing"))');
      return { status: response.status, ok: response.ok, statusText: response.statusText, text: await response.text() };
      """)
    #expect(result["status"] as? Int == 404)
    #expect(result["ok"] as? Bool == false)
    #expect(result["statusText"] as? String == "Not Found")
    #expect(result["text"] as? String == "no such page")
  }

  @Test func redirectsFollowedManualOrRefused() throws {
    let result = try run(
      """
      const followed = await fetch('\(server.url("/redirect/302?to=/echo"))', { method: 'POST', body: 'gone' });
      const manual = await fetch('\(server.url("/redirect/307?to=/echo"))', { redirect: 'manual' });
      let refused = null;
      try { await fetch('\(server.url("/redirect/301"))', { redirect: 'error' }); } catch (error) {
        refused = { name: error.name, message: error.message, cause: error.cause?.message };
      }
      return {
        status: followed.status, redirected: followed.redirected, url: followed.url, method: (await followed.json()).method,
        manual: { status: manual.status, location: manual.headers.get('location'), type: manual.type }, refused,
      };
      """)
    #expect(result["status"] as? Int == 200)
    #expect(result["redirected"] as? Bool == true)
    #expect(result["url"] as? String == server.url("/echo"))
    // 302 turns POST into GET.
    #expect(result["method"] as? String == "GET")
    let manual = result["manual"] as? [String: Any]
    #expect(manual?["status"] as? Int == 307)
    #expect(manual?["location"] as? String == "/echo")
    #expect(manual?["type"] as? String == "basic")
    let refused = result["refused"] as? [String: Any]
    #expect(refused?["name"] as? String == "TypeError")
    #expect(refused?["message"] as? String == "fetch failed")
    #expect(refused?["cause"] as? String == "unexpected redirect")
  }

  @Test func anAbortRejectsWithTheSignalsReason() throws {
    let result = try run(
      """
      const outcome = (promise) => promise.then(() => 'resolved', (error) => error.name);
      const controller = new AbortController();
      const aborted = outcome(fetch('\(server.url("/slow?seconds=30"))', { signal: controller.signal }));
      setTimeout(() => controller.abort(), 20);
      const timedOut = outcome(fetch('\(server.url("/slow?seconds=30"))', { signal: AbortSignal.timeout(50) }));
      const already = outcome(fetch('\(server.url("/echo"))', { signal: AbortSignal.abort() }));
      // A signal aborted after the response: reading the body rejects.
      const late = new AbortController();
      const response = await fetch('\(server.url("/page"))', { signal: late.signal });
      late.abort();
      return { aborted: await aborted, timedOut: await timedOut, already: await already, body: await outcome(response.text()) };
      """)
    #expect(result["aborted"] as? String == "AbortError")
    #expect(result["timedOut"] as? String == "TimeoutError")
    #expect(result["already"] as? String == "AbortError")
    #expect(result["body"] as? String == "AbortError")
  }

  @Test func networkErrorsRejectAsUndiciDoes() throws {
    let result = try run(
      """
      const failure = (promise) => promise.then(() => null, (error) => ({
        type: error.constructor.name, message: error.message, cause: error.cause?.message, code: error.cause?.code ?? null,
      }));
      return {
        refused: await failure(fetch('\(server.refusingURL)')),
        file: await failure(fetch('file:///etc/hostname')),
        data: await (await fetch('data:text/plain,hello')).text(),
      };
      """)
    let refused = result["refused"] as? [String: Any]
    let port = URL(string: server.refusingURL)?.port ?? 0
    #expect(refused?["type"] as? String == "TypeError")
    #expect(refused?["message"] as? String == "fetch failed")
    #expect(refused?["cause"] as? String == "connect ECONNREFUSED 127.0.0.1:\(port)")
    #expect(refused?["code"] as? String == "ECONNREFUSED")
    let file = result["file"] as? [String: Any]
    #expect(file?["message"] as? String == "fetch failed")
    #expect(file?["cause"] as? String == "not implemented... yet...")
    #expect(result["data"] as? String == "hello")
  }

  static let feature = """
    Feature: A step tests an HTTP API
      Scenario: post and read back
        When I post {"name":"caper"} to "/echo"
        Then the API answered 200 with my body
        And "/missing" answers 404
    """

  static let steps = """
    const { When, Then } = require('@cucumber/cucumber');
    const assert = require('assert');
    // Node's events module is still the EventEmitter beside the Web's EventTarget.
    assert.strictEqual(require('events').EventEmitter, require('events'));
    const base = process.env.CAPER_TEST_SERVER;
    When('I post {word} to {string}', async function (body, path) {
      this.sent = body;
      this.response = await fetch(base + path, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    });
    Then('the API answered {int} with my body', async function (status) {
      assert.strictEqual(this.response.status, status);
      const echo = await this.response.json();
      assert.strictEqual(echo.method, 'POST');
      assert.strictEqual(echo.body, this.sent);
    });
    Then('{string} answers {int}', async function (path, status) {
      assert.strictEqual((await fetch(base + path)).status, status);
    });
    """

  @Test func aStepFetchesFromTheServer() throws {
    let project = try TemporaryDirectory()
    _ = try project.write("features/api.feature", Self.feature)
    _ = try project.write("features/steps.js", Self.steps)
    let result = try CaperBinary.run(
      ["run", "--no-cache", "--format", "summary"], environment: ["CAPER_TEST_SERVER": server.url("")], directory: project.url)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("3 steps (3 passed)"), "\(result.stdout)")
  }
}
