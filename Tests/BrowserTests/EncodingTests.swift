import Browser
import Testing
import V8

/// The Encoding Standard's API and HTML's base64 utilities in page realms, against the
/// specifications' cases (WPT's `encoding/` and `html/webappapis/atob/` expectations): UTF-8 with
/// its maximal-subpart replacement, UTF-16, the legacy encodings through Swift's decoder, labels,
/// BOM handling, `fatal`, `stream`, `encodeInto`, and Chrome's error names and messages.
@Suite struct EncodingTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  /// The string `source` gives as page code (its completion value), or what it threw as `Name: message`.
  func text(_ source: String, page: Page? = nil) throws -> String? {
    let page = try page ?? fixture.page()
    return try page.evaluate(
      "(() => { try { return String((() => { \(source) })()); } catch (e) { return e.name + ': ' + e.message; } })()"
    )
    .stringValue
  }

  @Test func textEncoderEncodesUTF8AndReplacesLoneSurrogates() throws {
    #expect(
      try text("return [...new TextEncoder().encode('a\\u20AC\\u{1D11E}\\uD800x')].join()")
        == "97,226,130,172,240,157,132,158,239,191,189,120")
    #expect(try text("return new TextEncoder().encoding + new TextEncoder().encode().length") == "utf-80")
    #expect(try text("return Object.prototype.toString.call(new TextEncoder().encode('x'))") == "[object Uint8Array]")
  }

  @Test func encodeIntoWritesWholeCharactersOnly() throws {
    let result = try text(
      """
      const out = [];
      for (const size of [0, 1, 3, 4, 5, 8]) {
        const r = new TextEncoder().encodeInto('a\\u20AC\\u{1D11E}', new Uint8Array(size));
        out.push(size + ':' + r.read + '/' + r.written);
      }
      const dest = new Uint8Array(new ArrayBuffer(6), 2);
      new TextEncoder().encodeInto('\\u00E9', dest);
      out.push([...new Uint8Array(dest.buffer)].join('.'));
      return out.join(' ');
      """)
    #expect(result == "0:0/0 1:1/1 3:1/1 4:2/4 5:2/4 8:4/8 0.0.195.169.0.0")
    #expect(
      try text("return new TextEncoder().encodeInto('x', new Uint16Array(2))")
        == "TypeError: Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.")
  }

  @Test func utf8DecoderReplacesMaximalSubparts() throws {
    // Encoding Standard §8.1.2 and WPT textdecoder-fatal.any.js: one U+FFFD per maximal subpart.
    let cases: [(bytes: String, expected: String)] = [
      ("0xC0, 0x80", "fffd fffd"), ("0xE0, 0x80, 0x80", "fffd fffd fffd"), ("0xED, 0xA0, 0x80", "fffd fffd fffd"),
      ("0xF0, 0x9F, 0x98", "fffd"), ("0xF0, 0x9F, 0x41", "fffd 41"), ("0xF4, 0x90, 0x80, 0x80", "fffd fffd fffd fffd"),
      ("0xE2, 0x82, 0xAC, 0xFF", "20ac fffd"), ("0xEF, 0xBB, 0xBF, 0x41", "41"), ("0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF", "feff"),
    ]
    for (bytes, expected) in cases {
      let got = try text(
        "return [...new TextDecoder().decode(new Uint8Array([\(bytes)]))].map((c) => c.codePointAt(0).toString(16)).join(' ')")
      #expect(got == expected, "bytes \(bytes)")
    }
  }

  @Test func fatalDecodersThrowTypeError() throws {
    let message = "TypeError: Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid."
    #expect(try text("return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xC0, 0x80]))") == message)
    #expect(try text("return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xE2, 0x82]))") == message)
    #expect(try text("return new TextDecoder('utf-16le', { fatal: true }).decode(new Uint8Array([0x00, 0xD8]))") == message)
    #expect(
      try text("return new TextDecoder('shift_jis', { fatal: true }).decode(new Uint8Array([0x82, 0xA0, 0xFF]))") == message)
    #expect(try text("return new TextDecoder('windows-1253', { fatal: true }).decode(new Uint8Array([0xAA]))") == message)
    // gb18030 encodes U+FFFD itself (0x84 0x31 0xA4 0x37): that is no error.
    #expect(
      try text(
        "return new TextDecoder('gb18030', { fatal: true }).decode(new Uint8Array([0x84, 0x31, 0xA4, 0x37])).codePointAt(0)")
        == "65533")
    #expect(try text("return new TextDecoder('gb18030', { fatal: true }).decode(new Uint8Array([0x84, 0x31, 0xA4]))") == message)
    #expect(try text("const d = new TextDecoder('utf-8', { fatal: true }); return d.fatal + ' ' + d.ignoreBOM") == "true false")
  }

  @Test func byteOrderMarksAreDroppedUnlessIgnored() throws {
    #expect(try text("return new TextDecoder('utf-16le').decode(new Uint8Array([0xFF, 0xFE, 0x41, 0x00]))") == "A")
    #expect(
      try text("return new TextDecoder('utf-16be').decode(new Uint8Array([0xFE, 0xFF, 0x00, 0x41, 0xD8, 0x34, 0xDD, 0x1E]))")
        == "A\u{1D11E}")
    #expect(
      try text("return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x41])).length")
        == "2")
    // A BOM in the second chunk of a stream is content, not a mark.
    #expect(
      try text(
        """
        const d = new TextDecoder();
        return [d.decode(new Uint8Array([0x41]), { stream: true }), d.decode(new Uint8Array([0xEF, 0xBB, 0xBF]))].join('').length
        """) == "2")
  }

  @Test func streamingKeepsPartialSequencesAcrossCalls() throws {
    let result = try text(
      """
      const bytes = new TextEncoder().encode('a\\u20AC\\u{1D11E}z');
      const d = new TextDecoder();
      let out = '';
      for (const byte of bytes) out += d.decode(new Uint8Array([byte]), { stream: true });
      out += d.decode();
      const legacy = new TextDecoder('shift_jis');
      const sjis = legacy.decode(new Uint8Array([0x82]), { stream: true }) + '|' + legacy.decode(new Uint8Array([0xA0]));
      const unfinished = new TextDecoder().decode(new Uint8Array([0xE2, 0x82]), { stream: true });
      return [out === 'a\\u20AC\\u{1D11E}z', sjis, unfinished.length].join(' ');
      """)
    #expect(result == "true |\u{3042} 0")
  }

  @Test func labelsNameEveryEncodingOfTheStandard() throws {
    let result = try text(
      """
      const labels = [' UTF8 ', 'unicode-1-1-utf-8', 'latin1', 'ascii', 'ISO-8859-2', 'koi8-ru', 'x-mac-cyrillic', 'cp1252', 'gb2312', 'GBK',
        'gb18030', 'big5-hkscs', 'euc-jp', 'csiso2022jp', 'sjis', 'windows-949', 'utf-16', 'unicodefffe', 'x-user-defined', 'dos-874'];
      return labels.map((label) => new TextDecoder(label).encoding).join(',');
      """)
    #expect(
      result
        == "utf-8,utf-8,windows-1252,windows-1252,iso-8859-2,koi8-u,x-mac-cyrillic,windows-1252,gbk,gbk,gb18030,big5,euc-jp,"
        + "iso-2022-jp,shift_jis,euc-kr,utf-16le,utf-16be,x-user-defined,windows-874")
    #expect(
      try text("return new TextDecoder('iso-2022-kr')")
        == "RangeError: Failed to construct 'TextDecoder': The encoding label provided ('iso-2022-kr') is invalid.")
    #expect(
      try text("return new TextDecoder('utf-9')")
        == "RangeError: Failed to construct 'TextDecoder': The encoding label provided ('utf-9') is invalid.")
  }

  @Test func legacyEncodingsDecodeThroughSwift() throws {
    let result = try text(
      """
      const decode = (label, bytes) => new TextDecoder(label).decode(new Uint8Array(bytes));
      return [
        decode('windows-1252', [0x80, 0x41, 0x9F]), decode('iso-8859-7', [0xE1]), decode('shift_jis', [0x82, 0xA0, 0x8A, 0xBF]),
        decode('euc-kr', [0xB0, 0xA1]), decode('big5', [0xA4, 0x40]), decode('gbk', [0xC4, 0xE3]),
        decode('iso-2022-jp', [0x1B, 0x24, 0x42, 0x24, 0x22, 0x1B, 0x28, 0x42, 0x41]), decode('x-user-defined', [0x80]).codePointAt(0),
        decode('windows-1252', new Uint8Array([0x20, 0x80, 0x20]).subarray(1, 2)),
      ].join(' ');
      """)
    #expect(result == "\u{20AC}A\u{178} \u{3B1} \u{3042}\u{6F22} \u{AC00} \u{4E00} \u{4F60} \u{3042}A 63360 \u{20AC}")
  }

  @Test func decodeTakesArrayBuffersAndViews() throws {
    let result = try text(
      """
      const buffer = new TextEncoder().encode('xhiy').buffer;
      const d = new TextDecoder();
      return [d.decode(buffer), d.decode(new DataView(buffer, 1, 2)), d.decode(new Uint16Array(buffer, 0, 1)), d.decode(), d.decode(undefined)].join('|');
      """)
    #expect(result == "xhiy|hi|xh||")
    #expect(
      try text("return new TextDecoder().decode('text')")
        == "TypeError: Failed to execute 'decode' on 'TextDecoder': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'."
    )
  }

  @Test func atobAndBtoaFollowForgivingBase64() throws {
    // HTML §8.3 and Infra's forgiving-base64 decode (WPT html/webappapis/atob/base64.any.js).
    let result = try text(
      """
      const decode = (input) => {
        try {
          const text = atob(input);
          return text === '' ? '-' : [...text].map((c) => c.charCodeAt(0)).join('.');
        } catch (e) {
          return e.name + '/' + e.code;
        }
      };
      return ['', 'YQ', 'YQ==', 'YR', 'Y Q = =', 'YQ=', 'YQ===', 'a', 'ab=c', '\\tYW\\nJj\\f', 'YQ\\u00A0', null, undefined, 'AA=='].map(decode).join(' ');
      """)
    let failed = "InvalidCharacterError/5"
    #expect(
      result == "- 97 97 97 97 \(failed) \(failed) \(failed) \(failed) 97.98.99 \(failed) 158.233.101 \(failed) 0")
    #expect(
      try text("return btoa('') + ' ' + btoa('a') + ' ' + btoa('\\u00FF\\u00FE') + ' ' + btoa(null)") == " YQ== //4= bnVsbA==")
    #expect(
      try text("return btoa('\\u20AC')")
        == "InvalidCharacterError: Failed to execute 'btoa' on 'Window': The string to be encoded contains characters outside of the Latin1 range."
    )
    #expect(
      try text("return atob('a')")
        == "InvalidCharacterError: Failed to execute 'atob' on 'Window': The string to be decoded is not correctly encoded.")
    #expect(
      try text("return atob()") == "TypeError: Failed to execute 'atob' on 'Window': 1 argument required, but only 0 present.")
  }

  @Test func pagesThatReplaceBuiltInsStillEncodeAndDecode() throws {
    let result = try text(
      """
      Array.prototype.push = () => { throw new Error('push'); };
      Map.prototype.set = () => { throw new Error('Map set'); };
      JSON.stringify = () => { throw new Error('stringify'); };
      Uint8Array.prototype.set = () => { throw new Error('Uint8Array set'); };
      Object.defineProperty(Object.getPrototypeOf(Uint8Array.prototype), 'length', { get() { throw new Error('length'); } });
      String.fromCharCode = () => 'hijacked';
      const bytes = new TextEncoder().encode('h\\u00E9llo \\u{1D11E}');
      const legacy = new TextDecoder('windows-1251').decode(new Uint8Array([0xC0]));
      const utf16 = new TextDecoder('utf-16le').decode(new Uint8Array([0x41, 0]));
      return [new TextDecoder().decode(bytes), legacy, utf16, atob(btoa('ok'))].join(' ');
      """)
    #expect(result == "h\u{E9}llo \u{1D11E} \u{410} A ok")
  }
}
