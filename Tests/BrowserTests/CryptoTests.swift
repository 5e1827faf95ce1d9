import Browser
import Testing
import V8

/// `crypto` in page realms (Web Cryptography API §10, §14.3.14): `getRandomValues` (integer
/// typed arrays only, the 65,536-byte quota, Chrome's DOMException names and messages),
/// `randomUUID` (version 4 form), `subtle.digest` against FIPS 180 test vectors, and the
/// [SecureContext] members that an insecure page lacks.
@Suite struct CryptoTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  func text(_ source: String, url: String = "https://example.test/page.html") throws -> String? {
    let page = try fixture.page(url: url)
    return try page.evaluateAwaiting(
      "try { return String(await (async () => { \(source) })()); } catch (e) { return e.name + ': ' + e.message; }"
    )
    .stringValue
  }

  @Test func getRandomValuesFillsIntegerArraysInPlace() throws {
    let result = try text(
      """
      const array = new Uint32Array(64);
      const returned = crypto.getRandomValues(array);
      const view = new Uint8Array(new ArrayBuffer(16), 4, 8);
      crypto.getRandomValues(view);
      const outside = [...new Uint8Array(view.buffer)].filter((_, i) => i < 4 || i >= 12).every((b) => b === 0);
      return [returned === array, array.some((x) => x !== 0), new Set(array).size > 60, outside,
        crypto.getRandomValues(new BigInt64Array(2)).length, crypto.getRandomValues(new Uint8Array(65536)).length].join(' ');
      """)
    #expect(result == "true true true true 2 65536")
  }

  @Test func getRandomValuesRejectsOtherArraysAndTooManyBytes() throws {
    let context = "Failed to execute 'getRandomValues' on 'Crypto'"
    #expect(
      try text("return crypto.getRandomValues(new Float64Array(2))")
        == "TypeMismatchError: \(context): The provided ArrayBufferView is of type 'Float64', which is not an integer array type."
    )
    #expect(
      try text("return crypto.getRandomValues(new DataView(new ArrayBuffer(2)))")
        == "TypeMismatchError: \(context): The provided ArrayBufferView is of type 'DataView', which is not an integer array type."
    )
    #expect(
      try text("return crypto.getRandomValues(new Uint16Array(32769))")
        == "QuotaExceededError: \(context): The ArrayBufferView's byte length (65538) exceeds the number of bytes of entropy available via this API (65536)."
    )
    #expect(
      try text("return crypto.getRandomValues([1, 2])") == "TypeError: \(context): parameter 1 is not of type 'ArrayBufferView'.")
    #expect(try text("try { crypto.getRandomValues(new Uint8Array(70000)); } catch (e) { return e.code; }") == "22")
  }

  @Test func randomUUIDIsVersion4() throws {
    let result = try text(
      """
      const ids = Array.from({ length: 50 }, () => crypto.randomUUID());
      const form = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
      return ids.every((id) => form.test(id)) + ' ' + new Set(ids).size;
      """)
    #expect(result == "true 50")
  }

  @Test func digestGivesTheFIPS180Vectors() throws {
    let result = try text(
      """
      const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
      const abc = new TextEncoder().encode('abc');
      const out = [];
      for (const name of ['SHA-1', 'sha-256', { name: 'SHA-384' }, 'SHA-512']) {
        const digest = await crypto.subtle.digest(name, abc);
        out.push((digest instanceof ArrayBuffer) + ':' + hex(digest));
      }
      out.push(hex(await crypto.subtle.digest('SHA-256', new Uint8Array(0))));
      out.push(hex(await crypto.subtle.digest('SHA-1', new DataView(new TextEncoder().encode('xabcx').buffer, 1, 3))));
      return out.join(' ');
      """)
    #expect(
      result
        == "true:a9993e364706816aba3e25717850c26c9cd0d89d "
        + "true:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad "
        + "true:cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7 "
        + "true:ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f "
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 a9993e364706816aba3e25717850c26c9cd0d89d")
  }

  @Test func digestRejectsUnknownAlgorithmsAndData() throws {
    #expect(
      try text("return await crypto.subtle.digest('MD5', new Uint8Array(1))") == "NotSupportedError: Algorithm: Unrecognized name"
    )
    #expect(
      try text("return await crypto.subtle.digest('SHA-256', 'text')")
        == "TypeError: Failed to execute 'digest' on 'SubtleCrypto': parameter 2 is not of type '(ArrayBuffer or ArrayBufferView)'."
    )
    #expect(
      try text("const p = crypto.subtle.digest('nope', new Uint8Array(1)); p.catch(() => {}); return p instanceof Promise")
        == "true")
  }

  @Test func insecurePagesLackTheSecureContextMembers() throws {
    let insecure = "http://example.test/page.html"
    #expect(
      try text(
        "return [isSecureContext, typeof crypto.subtle, typeof crypto.randomUUID, typeof SubtleCrypto, crypto.getRandomValues(new Uint8Array(2)).length].join()",
        url: insecure)
        == "false,undefined,undefined,undefined,2")
    #expect(
      try text("return [isSecureContext, typeof crypto.subtle, typeof SubtleCrypto].join()", url: "http://localhost:8080/")
        == "true,object,function")
    #expect(
      try text("return [isSecureContext, crypto.subtle instanceof SubtleCrypto, crypto === window.crypto].join()")
        == "true,true,true")
    #expect(try text("return new Crypto()") == "TypeError: Illegal constructor")
  }

  @Test func pagesThatReplaceBuiltInsStillGetRandomValuesAndDigests() throws {
    let result = try text(
      """
      Array.prototype.push = () => { throw new Error('push'); };
      Map.prototype.set = () => { throw new Error('Map set'); };
      JSON.stringify = () => { throw new Error('stringify'); };
      Uint8Array.prototype.set = () => { throw new Error('Uint8Array set'); };
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', new Uint8Array([0x61, 0x62, 0x63])));
      return [crypto.getRandomValues(new Uint8Array(8)).length, crypto.randomUUID().length, digest[0].toString(16)].join(' ');
      """)
    #expect(result == "8 36 a9")
  }
}
