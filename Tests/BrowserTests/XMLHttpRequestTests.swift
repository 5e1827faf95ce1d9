import Browser
import Foundation
import Testing
import V8

/// `XMLHttpRequest` in a page realm against the loopback server of `Fixtures/fetch-server.py`
/// (XMLHttpRequest Standard): states and their events in order, response types, headers, errors,
/// aborts, timeouts, the upload object, and synchronous requests.
@Suite struct XMLHttpRequestTests {
  let fixture: PageFixture
  let server: FetchTestServer
  init() throws {
    fixture = try PageFixture()
    server = try FetchTestServer.shared.get()
  }

  /// Runs `body` (an async function's body, with `load(xhr, body)`: sends and waits for
  /// `loadend`, recording every event as `target:type:readyState` in `log`) in a page at the
  /// server's `/page`, and gives the JSON value it returns.
  func run(_ body: String) throws -> Any {
    let page = try fixture.page("<!doctype html><title>xhr</title>", url: server.url("/page"))
    let value = try page.evaluateRunningTasks(
      """
      const log = [];
      const record = (xhr) => {
        for (const type of ['readystatechange', 'loadstart', 'progress', 'load', 'error', 'abort', 'timeout', 'loadend']) {
          xhr.addEventListener(type, () => log.push(`xhr:${type}:${xhr.readyState}`));
        }
        for (const type of ['loadstart', 'progress', 'load', 'error', 'abort', 'timeout', 'loadend']) {
          xhr.upload.addEventListener(type, (e) => log.push(`upload:${type}:${e.loaded}/${e.total}`));
        }
      };
      const load = (xhr, body = null) => new Promise((resolve) => {
        xhr.addEventListener('loadend', () => resolve(xhr));
        xhr.send(body);
      });
      return JSON.stringify(await (async () => {
      \(body)
      })());
      """)
    return try FetchTests.decode(value)
  }

  @Test func getFiresTheStatesAndEventsInOrder() throws {
    let result =
      try run(
        """
        const xhr = new XMLHttpRequest();
        record(xhr);
        xhr.open('GET', 'json#fragment');
        const states = [xhr.readyState];
        await load(xhr);
        return {
          log, states, status: xhr.status, statusText: xhr.statusText, url: xhr.responseURL, text: xhr.responseText,
          response: xhr.response, type: xhr.getResponseHeader('Content-Type'), missing: xhr.getResponseHeader('x-none'),
        };
        """) as? [String: Any]
    #expect(
      result?["log"] as? [String] == [
        "xhr:readystatechange:1", "xhr:loadstart:1", "xhr:readystatechange:2", "xhr:readystatechange:3", "xhr:progress:3",
        "xhr:readystatechange:4", "xhr:load:4", "xhr:loadend:4",
      ])
    #expect(result?["states"] as? [Int] == [1])
    #expect(result?["status"] as? Int == 200)
    #expect(result?["statusText"] as? String == "OK")
    #expect(result?["url"] as? String == server.url("/json"))
    #expect(result?["text"] as? String == "{\"ok\": true}")
    #expect(result?["response"] as? String == "{\"ok\": true}")
    #expect(result?["type"] as? String == "application/json")
    #expect(result?["missing"] is NSNull)
  }

  @Test func postWithUploadListenersAndRequestHeaders() throws {
    let result =
      try run(
        """
        const xhr = new XMLHttpRequest();
        record(xhr);
        xhr.open('post', '/echo');
        xhr.setRequestHeader('X-One', 'a');
        xhr.setRequestHeader('x-one', 'b');
        xhr.setRequestHeader('Cookie', 'stolen=1');
        let invalid;
        try { xhr.setRequestHeader('bad name', 'x'); } catch (e) { invalid = e.name; }
        xhr.responseType = 'json';
        await load(xhr, 'payload');
        const headers = Object.fromEntries(xhr.response.headers.map(([n, v]) => [n.toLowerCase(), v]));
        return { log, method: xhr.response.method, body: xhr.response.body, one: headers['x-one'], cookie: headers['cookie'] ?? null,
          type: headers['content-type'], invalid };
        """) as? [String: Any]
    #expect(
      result?["log"] as? [String] == [
        "xhr:readystatechange:1", "xhr:loadstart:1", "upload:loadstart:0/7", "upload:progress:7/7", "upload:load:7/7",
        "upload:loadend:7/7", "xhr:readystatechange:2", "xhr:readystatechange:3", "xhr:progress:3", "xhr:readystatechange:4",
        "xhr:load:4", "xhr:loadend:4",
      ])
    #expect(result?["method"] as? String == "POST")
    #expect(result?["body"] as? String == "payload")
    #expect(result?["one"] as? String == "a, b")
    #expect(result?["cookie"] is NSNull)
    #expect(result?["type"] as? String == "text/plain;charset=UTF-8")
    #expect(result?["invalid"] as? String == "SyntaxError")
  }

  @Test func responseHeadersAreLowercasedSortedAndCombined() throws {
    let result =
      try run(
        """
        const xhr = new XMLHttpRequest();
        xhr.open('GET', '/headers');
        await load(xhr);
        return { all: xhr.getAllResponseHeaders(), a: xhr.getResponseHeader('X-a'), cookie: xhr.getResponseHeader('set-cookie') };
        """) as? [String: Any]
    let all = (result?["all"] as? String)?.components(separatedBy: "\r\n").filter {
      !$0.hasPrefix("date:") && !$0.hasPrefix("server:")
    }
    #expect(all == ["content-length: 0", "content-type: text/plain", "x-a: first, second", "x-b: 1", ""])
    #expect(result?["a"] as? String == "first, second")
    #expect(result?["cookie"] is NSNull)
  }

  @Test func responseTypes() throws {
    let result =
      try run(
        """
        const get = async (url, type, mime) => {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', url);
          xhr.responseType = type;
          if (mime) xhr.overrideMimeType(mime);
          await load(xhr);
          return xhr;
        };
        const buffer = (await get('/bytes', 'arraybuffer')).response;
        const json = (await get('/json', 'json')).response;
        const badJSON = (await get('/html', 'json')).response;
        const xml = (await get('/xml', '')).responseXML;
        const html = (await get('/html', 'document')).response;
        const htmlAsText = (await get('/html', '')).responseXML;
        const latin = (await get('/latin1', 'text')).response;
        const overridden = (await get('/latin1', '', 'text/plain; charset=utf-8')).responseText;
        const blob = (await get('/text?type=text/x-t&body=blobby', 'blob')).response;
        let textOfJSON;
        try { (await get('/json', 'json')).responseText; } catch (e) { textOfJSON = e.name; }
        return {
          buffer: [buffer instanceof ArrayBuffer, buffer.byteLength, new Uint8Array(buffer)[255]], json, badJSON,
          xml: [xml.documentElement.localName, xml.querySelector('item').getAttribute('id'), xml.URL],
          html: [html.querySelector('#p').textContent, html.title], htmlAsText, latin, overridden: overridden.length,
          blob: [blob instanceof Blob, blob.type, await blob.text()], textOfJSON,
        };
        """) as? [String: Any]
    #expect(result?["buffer"] as? [AnyHashable] == [true, 256, 255])
    #expect((result?["json"] as? [String: Bool]) == ["ok": true])
    #expect(result?["badJSON"] is NSNull)
    #expect(result?["xml"] as? [String] == ["root", "a", server.url("/xml")])
    #expect(result?["html"] as? [String] == ["para", "T"])
    #expect(result?["htmlAsText"] is NSNull)
    #expect(result?["latin"] as? String == "café")
    #expect(result?["overridden"] as? Int == 4)
    #expect(result?["blob"] as? [AnyHashable] == [true, "text/x-t", "blobby"])
    #expect(result?["textOfJSON"] as? String == "InvalidStateError")
  }

  @Test func networkErrorsAndCORS() throws {
    let other = server.otherURL("/cors")
    let result =
      try run(
        """
        const failing = new XMLHttpRequest();
        record(failing);
        failing.open('GET', 'http://127.0.0.1:1/');
        await load(failing);
        const blocked = new XMLHttpRequest();
        blocked.open('GET', '\(other)');
        await load(blocked);
        const allowed = new XMLHttpRequest();
        allowed.open('GET', '\(other)?acao=*');
        await load(allowed);
        return { log, status: failing.status, state: failing.readyState, blocked: [blocked.status, blocked.responseText],
          allowed: [allowed.status, allowed.responseText, allowed.getResponseHeader('x-secret')] };
        """) as? [String: Any]
    #expect(
      result?["log"] as? [String] == [
        "xhr:readystatechange:1", "xhr:loadstart:1", "xhr:readystatechange:4", "xhr:error:4", "xhr:loadend:4",
      ])
    #expect(result?["status"] as? Int == 0)
    #expect(result?["state"] as? Int == 4)
    #expect(result?["blocked"] as? [AnyHashable] == [0, ""])
    #expect(result?["allowed"] as? [AnyHashable] == [200, "cross GET", NSNull()])
  }

  @Test func abortAndTimeout() throws {
    let result =
      try run(
        """
        const aborted = new XMLHttpRequest();
        record(aborted);
        aborted.open('GET', '/delay?ms=5000');
        aborted.send();
        aborted.abort();
        const abortLog = log.splice(0);
        const timed = new XMLHttpRequest();
        record(timed);
        timed.open('GET', '/delay?ms=5000');
        timed.timeout = 50;
        let ontimeout = false;
        timed.ontimeout = () => { ontimeout = true; };
        await load(timed);
        const quick = new XMLHttpRequest();
        quick.open('GET', '/delay?ms=200');
        quick.timeout = 3000;
        await load(quick);
        return { abortLog, abortedState: aborted.readyState, timeoutLog: log, ontimeout, quick: [quick.status, quick.responseText] };
        """) as? [String: Any]
    #expect(
      result?["abortLog"] as? [String] == [
        "xhr:readystatechange:1", "xhr:loadstart:1", "xhr:readystatechange:4", "xhr:abort:4", "xhr:loadend:4",
      ])
    #expect(result?["abortedState"] as? Int == 0)
    #expect(
      result?["timeoutLog"] as? [String] == [
        "xhr:readystatechange:1", "xhr:loadstart:1", "xhr:readystatechange:4", "xhr:timeout:4", "xhr:loadend:4",
      ])
    #expect(result?["ontimeout"] as? Bool == true)
    #expect(result?["quick"] as? [AnyHashable] == [200, "late"])
  }

  @Test func synchronousRequestsBlockWithoutRunningTasks() throws {
    let result =
      try run(
        """
        let timerRan = false;
        setTimeout(() => { timerRan = true; }, 0);
        const xhr = new XMLHttpRequest();
        record(xhr);
        xhr.open('POST', '/echo', false);
        xhr.send('sync body');
        const during = timerRan;
        const body = JSON.parse(xhr.responseText).body;
        const status = xhr.status;
        const failing = new XMLHttpRequest();
        failing.open('GET', 'http://127.0.0.1:1/', false);
        let error;
        try { failing.send(); } catch (e) { error = [e.name, e instanceof DOMException]; }
        let typeError;
        try { xhr.open('GET', '/echo', false); xhr.responseType = 'json'; } catch (e) { typeError = e.name; }
        return { log, during, body, status, error, typeError };
        """) as? [String: Any]
    #expect(
      result?["log"] as? [String] == [
        "xhr:readystatechange:1", "xhr:readystatechange:4", "xhr:load:4", "xhr:loadend:4", "xhr:readystatechange:1",
      ])
    #expect(result?["during"] as? Bool == false)
    #expect(result?["body"] as? String == "sync body")
    #expect(result?["status"] as? Int == 200)
    #expect(result?["error"] as? [AnyHashable] == ["NetworkError", true])
    #expect(result?["typeError"] as? String == "InvalidAccessError")
  }

  @Test func pageCodeOverwritingBuiltInsDoesNotChangeXMLHttpRequest() throws {
    let result =
      try run(
        """
        Object.defineProperty(Object.getPrototypeOf(Uint8Array.prototype), 'length', { get() { return 0; } });
        String.prototype.toLowerCase = () => 'hijacked';
        const xhr = new XMLHttpRequest();
        xhr.open('GET', '/json');
        await load(xhr);
        return [xhr.status, xhr.responseText, xhr.getResponseHeader('Content-Type')];
        """) as? [AnyHashable]
    #expect(result == [200, "{\"ok\": true}", "application/json"])
  }

  @Test func stateErrors() throws {
    let result =
      try run(
        """
        const names = [];
        const attempt = (f) => { try { f(); names.push('none'); } catch (e) { names.push(e.name); } };
        const xhr = new XMLHttpRequest();
        attempt(() => xhr.send());
        attempt(() => xhr.setRequestHeader('a', 'b'));
        attempt(() => xhr.open('TRACE', '/echo'));
        attempt(() => xhr.open('GET', 'http://[bad'));
        attempt(() => new XMLHttpRequestUpload());
        return { names, constants: [XMLHttpRequest.DONE, xhr.LOADING], upload: xhr.upload instanceof XMLHttpRequestUpload,
          target: xhr instanceof XMLHttpRequestEventTarget && xhr instanceof EventTarget };
        """) as? [String: Any]
    #expect(
      result?["names"] as? [String] == ["InvalidStateError", "InvalidStateError", "SecurityError", "SyntaxError", "TypeError"])
    #expect(result?["constants"] as? [Int] == [4, 3])
    #expect(result?["upload"] as? Bool == true)
    #expect(result?["target"] as? Bool == true)
  }
}
