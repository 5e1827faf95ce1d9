import Browser
import Foundation
import Runtime
import Testing
import V8
import _CaperTestSupport

/// XHR's `FormData` (XHR Standard §5) as a body, sent to the loopback server and read back.
///
/// What `fetch`, `XMLHttpRequest.send` and a support realm's Node-style `fetch` send to the server
/// of `Fixtures/fetch-server.py` (its `/echo` returns the request's headers and body) is parsed
/// here as multipart/form-data whatever the boundary; `formData()` of responses and requests
/// round-trips. The object itself (entries, USV strings, Files, iterators, hostile built-ins) is
/// tested under node by `JavaScript/form-data-tests.js` (run by `DOMRuntimeNodeScriptTests`).
@Suite struct FormDataTests {
  let fixture: PageFixture
  let server: FetchTestServer
  init() throws {
    fixture = try PageFixture()
    server = try FetchTestServer.shared.get()
  }

  struct Failure: Error, CustomStringConvertible { let description: String }

  /// One part of a multipart/form-data body: its Content-Disposition parameters, Content-Type and bytes.
  struct Part: Equatable {
    var name: String
    var filename: String?
    var contentType: String?
    var body: [UInt8]
  }

  /// The parts of `body` sent with `contentType`, split on the boundary that type names (RFC 7578),
  /// or nil when the body does not have the form HTML §4.10.21.8 gives it.
  static func parts(of body: [UInt8], contentType: String) -> [Part]? {
    let prefix = "multipart/form-data; boundary="
    guard contentType.hasPrefix(prefix) else { return nil }
    let delimiter = Array("--\(contentType.dropFirst(prefix.count))".utf8)
    let separator = Array("\r\n".utf8) + delimiter
    guard body.starts(with: delimiter), body.suffix(delimiter.count + 4) == ArraySlice(delimiter + Array("--\r\n".utf8)) else {
      return nil
    }
    var parts: [Part] = []
    var position = delimiter.count
    while Array(body[position..<position + 2]) == Array("\r\n".utf8) {
      position += 2
      guard let headersEnd = index(of: Array("\r\n\r\n".utf8), in: body, from: position),
        let end = index(of: separator, in: body, from: headersEnd + 4)
      else { return nil }
      var part = Part(name: "", filename: nil, contentType: nil, body: Array(body[(headersEnd + 4)..<end]))
      for line in String(decoding: body[position..<headersEnd], as: UTF8.self).components(separatedBy: "\r\n") {
        if line.hasPrefix("Content-Type: ") { part.contentType = String(line.dropFirst("Content-Type: ".count)) }
        guard line.hasPrefix("Content-Disposition: form-data; ") else { continue }
        for parameter in line.dropFirst("Content-Disposition: form-data; ".count).components(separatedBy: "; ") {
          let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
          guard pair.count == 2, pair[1].hasPrefix("\""), pair[1].hasSuffix("\"") else { return nil }
          let value = String(pair[1].dropFirst().dropLast())
          if pair[0] == "name" { part.name = value } else if pair[0] == "filename" { part.filename = value }
        }
      }
      parts.append(part)
      position = end + separator.count
    }
    return Array(body[position..<position + 2]) == Array("--".utf8) ? parts : nil
  }

  static func index(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
    return (start...(haystack.count - needle.count)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
  }

  /// The server's echo of a request: its method, Content-Type and body bytes (sent as latin-1 text).
  static func echo(_ value: JSValue) throws -> (method: String, contentType: String, body: [UInt8]) {
    guard case .string(let json) = value,
      let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
      let method = object["method"] as? String, let body = object["body"] as? String,
      let headers = object["headers"] as? [[String]]
    else { throw Failure(description: "not an echo: \(value)") }
    let contentType = headers.first { $0[0].lowercased() == "content-type" }?[1] ?? ""
    return (method, contentType, body.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
  }

  /// The form every body test sends: a string with newlines, a name to escape, a typed file with
  /// bytes that are not UTF-8, a Blob (a File named "blob", no type) and a renamed file.
  static let form = """
    const fd = new FormData();
    fd.append('text', 'a\\nb\\u00E9');
    fd.append('q"name', 'v');
    fd.append('file', new File([new Uint8Array([0, 255, 13, 10, 45, 45])], 'data.bin', { type: 'application/x-test' }));
    fd.append('blob', new Blob(['xyz']));
    fd.append('renamed', new Blob(['r'], { type: 'text/plain' }), 'r.txt');
    """

  static let expectedParts = [
    Part(name: "text", filename: nil, contentType: nil, body: Array("a\r\nb\u{E9}".utf8)),
    Part(name: "q%22name", filename: nil, contentType: nil, body: Array("v".utf8)),
    Part(name: "file", filename: "data.bin", contentType: "application/x-test", body: [0, 255, 13, 10, 45, 45]),
    Part(name: "blob", filename: "blob", contentType: "application/octet-stream", body: Array("xyz".utf8)),
    Part(name: "renamed", filename: "r.txt", contentType: "text/plain", body: Array("r".utf8)),
  ]

  @Test func fetchPostsMultipartFormData() throws {
    let page = try fixture.page("<!doctype html><title>form</title>", url: server.url("/page"))
    let value = try page.evaluateRunningTasks(
      """
      \(Self.form)
      const response = await fetch('/echo', { method: 'POST', body: fd });
      return await response.text();
      """)
    let echo = try Self.echo(value)
    #expect(echo.method == "POST")
    #expect(Self.parts(of: echo.body, contentType: echo.contentType) == Self.expectedParts, "\(echo.contentType)")
  }

  @Test func xmlHttpRequestSendsMultipartFormData() throws {
    let page = try fixture.page("<!doctype html><title>form</title>", url: server.url("/page"))
    let value = try page.evaluateRunningTasks(
      """
      \(Self.form)
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/echo');
      const loaded = new Promise((resolve) => xhr.addEventListener('load', resolve));
      xhr.send(fd);
      await loaded;
      return xhr.responseText;
      """)
    let echo = try Self.echo(value)
    #expect(echo.method == "POST")
    #expect(Self.parts(of: echo.body, contentType: echo.contentType) == Self.expectedParts, "\(echo.contentType)")
  }

  @Test func formDataRoundTripsThroughResponseAndRequest() throws {
    let page = try fixture.page("<!doctype html><title>form</title>", url: server.url("/page"))
    let value = try page.evaluateRunningTasks(
      """
      \(Self.form)
      const describe = async (form) => {
        const out = [];
        for (const [name, value] of form) {
          out.push(typeof value === 'string' ? `${name}=${value}`
            : `${name}:${value.name}:${value.type}:${[...new Uint8Array(await value.arrayBuffer())].join('.')}`);
        }
        return out.join('|');
      };
      const fromResponse = await new Response(fd).formData();
      const fromRequest = await new Request('/echo', { method: 'POST', body: fd }).formData();
      return [await describe(fromResponse), await describe(fromRequest), fromResponse instanceof FormData,
        Object.prototype.toString.call(fromResponse)].join('\\n');
      """)
    let described =
      "text=a\r\nb\u{E9}|q\"name=v|file:data.bin:application/x-test:0.255.13.10.45.45|blob:blob:application/octet-stream:120.121.122|renamed:r.txt:text/plain:114"
    #expect(value.stringValue == [described, described, "true", "[object FormData]"].joined(separator: "\n"))
  }

  @Test func theWindowHasFormDataAndAFormsEntryListWithItsSubmitter() throws {
    let page = try fixture.page(
      "<!doctype html><title>form</title><form id=f><input name=a value=1><input type=checkbox name=c checked>"
        + "<button name=go value=yes>Go</button><input name=off disabled value=x></form>")
    let value = try page.evaluate(
      """
      (() => {
        const form = document.getElementById('f');
        let events = 0;
        form.addEventListener('formdata', (event) => { events++; event.formData.append('extra', 'e'); });
        const entries = (fd) => [...fd].map(([name, value]) => name + '=' + value).join('&');
        const plain = entries(new FormData(form));
        const withSubmitter = entries(new FormData(form, form.querySelector('button')));
        let message = null;
        try { new FormData(form, document.createElement('button')); } catch (error) { message = error.name; }
        return [typeof FormData, window.FormData === FormData, plain, withSubmitter, events, message].join('|');
      })()
      """)
    #expect(value.stringValue == "function|true|a=1&c=on&extra=e|a=1&c=on&go=yes&extra=e|2|NotFoundError")
  }

  @Test func aSupportRealmFetchPostsFormDataAndBlobs() throws {
    let node = NodeRuntime(console: { _, _ in })
    let realm = try Realm(
      template: RealmTemplate(name: "form-data-support", extensions: [NodeRuntime.extension, SupportFetchAPI.extension])
    ) { realm in
      node.hostFunctions(for: realm).merging(SupportFetchAPI.hostFunctions(for: realm)) { $1 }
    }
    try node.start(environment: [:], arguments: [])
    let source = """
      (async () => {
        \(Self.form)
        const posted = await (await fetch('\(server.url("/echo"))', { method: 'POST', body: fd })).text();
        const blob = await (await fetch('\(server.url("/echo"))', { method: 'POST', body: new Blob(['bytes'], { type: 'text/x-blob' }) })).text();
        const parsed = await new Response(fd).formData();
        return JSON.stringify({
          posted, blob, types: [typeof FormData, typeof Blob, typeof File], file: parsed.get('file').name,
          blobURL: URL.createObjectURL(new Blob(['x'])),
        });
      })()
      """
    let value = try realm.context.isolate.sync {
      let deadline = ContinuousClock.now + .seconds(20)
      return try realm.context.awaitPromise(try realm.context.evaluate(source), timeout: .seconds(20)) {
        try realm.pump(until: deadline)
      }
    }
    guard case .string(let json) = value, let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    else { throw Failure(description: "not JSON: \(value)") }
    let posted = try Self.echo(.string(object["posted"] as? String ?? ""))
    #expect(Self.parts(of: posted.body, contentType: posted.contentType) == Self.expectedParts, "\(posted.contentType)")
    let blob = try Self.echo(.string(object["blob"] as? String ?? ""))
    #expect(blob.contentType == "text/x-blob")
    #expect(blob.body == Array("bytes".utf8))
    #expect(object["types"] as? [String] == ["function", "function", "function"])
    #expect(object["file"] as? String == "data.bin")
    let blobURL = object["blobURL"] as? String ?? ""
    let uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    #expect(blobURL.range(of: "^blob:nodedata/\(uuid)$", options: .regularExpression) != nil, "\(blobURL)")
  }
}
