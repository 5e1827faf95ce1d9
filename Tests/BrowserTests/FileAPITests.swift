import Browser
import Testing
import V8

/// The File API in page realms: `Blob` and `File` (§3, §4: parts, types, line endings, `slice`
/// with relative positions, `text()`, `arrayBuffer()`), `FileReader` (§6: its four reads, the
/// events of a read as tasks of the event loop in order, `abort`, busy reads) and the blob URL
/// store (§8: `URL.createObjectURL`, `revokeObjectURL`, `resolveBlobURL` for fetch).
@Suite struct FileAPITests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  /// What the async body `source` returns as a string, running the page's tasks until it settles.
  func text(_ source: String) throws -> String? {
    let page = try fixture.page()
    return try page.evaluateRunningTasks(
      "try { return String(await (async () => { \(source) })()); } catch (e) { return e.name + ': ' + e.message; }"
    ).stringValue
  }

  @Test func blobsJoinTheirPartsAndNormalizeTheirType() throws {
    let result = try text(
      """
      const inner = new Blob(['de']);
      const blob = new Blob(['ab', new Uint8Array([0x63]), inner, new Uint16Array([0x6766]).buffer, 7, '\\u00E9'], { type: 'Text/Plain;Charset=UTF-8' });
      const native = new Blob(['a\\r\\nb\\rc\\n'], { endings: 'native' });
      return [blob.size, blob.type, await blob.text(), native.size, new Blob([], { type: 'a\\u00FFb' }).type === '', new Blob().size,
        blob instanceof Blob, Object.prototype.toString.call(blob)].join('|');
      """)
    #expect(result == "10|text/plain;charset=utf-8|abcdefg7\u{E9}|6|true|0|true|[object Blob]")
    #expect(
      try text("return new Blob('abc')")
        == "TypeError: Failed to construct 'Blob': The provided value cannot be converted to a sequence.")
    #expect(
      try text("return new Blob([], { endings: 'other' })")
        == "TypeError: Failed to construct 'Blob': Failed to read the 'endings' property from 'BlobPropertyBag': The provided value 'other' is not a valid enum value of type EndingType."
    )
  }

  @Test func sliceTakesRelativePositions() throws {
    let result = try text(
      """
      const blob = new Blob(['0123456789'], { type: 'text/plain' });
      const cases = [[], [2], [-3], [2, 5], [2, -2], [-100, 3], [5, 2], [NaN, 4], [3, Infinity]];
      const out = [];
      for (const args of cases) out.push(await blob.slice(...args).text());
      const typed = blob.slice(0, 1, 'Image/PNG');
      out.push(typed.type, blob.slice().type === '', (await blob.slice(1, 9).slice(2, 4).text()));
      return out.join(',');
      """)
    #expect(result == "0123456789,23456789,789,234,234567,012,,0123,3456789,image/png,true,34")
  }

  @Test func arrayBufferGivesACopy() throws {
    let result = try text(
      """
      const source = new Uint8Array([1, 2, 3]);
      const blob = new Blob([source]);
      source[0] = 9;
      const first = await blob.arrayBuffer();
      new Uint8Array(first)[1] = 8;
      const second = new Uint8Array(await blob.arrayBuffer());
      return [first instanceof ArrayBuffer, [...second].join('.')].join(' ');
      """)
    #expect(result == "true 1.2.3")
  }

  @Test func filesHaveANameAndLastModified() throws {
    let result = try text(
      """
      const file = new File(['hello'], 'notes.txt', { type: 'text/plain', lastModified: 1234.9 });
      const now = Date.now();
      const fresh = new File([], 'empty');
      return [file.name, file.size, file.type, file.lastModified, file instanceof Blob, fresh.lastModified === now, file.webkitRelativePath === '',
        Object.prototype.toString.call(file), await file.slice(1, 3).text(), file.slice(1) instanceof File].join('|');
      """)
    #expect(result == "notes.txt|5|text/plain|1234|true|true|true|[object File]|el|false")
    #expect(
      try text("return new File(['x'])") == "TypeError: Failed to construct 'File': 2 arguments required, but only 1 present.")
  }

  @Test func fileReaderFiresItsEventsAsTasksInOrder() throws {
    let result = try text(
      """
      const reader = new FileReader();
      const log = [];
      for (const type of ['loadstart', 'progress', 'load', 'loadend']) {
        reader.addEventListener(type, (e) => log.push(`${type}:${e.loaded}/${e.total}:${reader.readyState}:${e.isTrusted}`));
      }
      const done = new Promise((resolve) => { reader.onloadend = resolve; });
      reader.readAsText(new Blob(['h\\u00E9']));
      log.push('after call:' + reader.readyState + ':' + reader.result);
      await done;
      log.push('result:' + reader.result);
      return log.join(' ');
      """)
    #expect(
      result == "after call:1:null loadstart:0/3:1:true progress:3/3:1:true load:3/3:2:true loadend:3/3:2:true result:h\u{E9}")
  }

  @Test func fileReaderReadsEveryFormat() throws {
    let result = try text(
      """
      const read = (method, blob, ...args) => new Promise((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result);
        reader[method](blob, ...args);
      });
      const bytes = new Blob([new Uint8Array([0x68, 0x69, 0xFF])]);
      const buffer = await read('readAsArrayBuffer', bytes);
      return [
        buffer instanceof ArrayBuffer ? [...new Uint8Array(buffer)].join('.') : 'not a buffer',
        [...await read('readAsBinaryString', bytes)].map((c) => c.charCodeAt(0)).join('.'),
        await read('readAsDataURL', bytes), await read('readAsDataURL', new Blob(['hi'], { type: 'text/plain' })),
        await read('readAsText', bytes), await read('readAsText', new Blob([new Uint8Array([0xE9])]), 'latin1'),
        await read('readAsText', new Blob([new Uint8Array([0xE9])], { type: 'text/plain;charset=windows-1252' })),
        await read('readAsText', new Blob([new Uint8Array([0xFF, 0xFE, 0x41, 0x00])]), 'windows-1252'),
        await read('readAsText', new Blob([new Uint8Array([0xE9])]), 'bogus-label'),
      ].join('|');
      """)
    #expect(
      result
        == "104.105.255|104.105.255|data:application/octet-stream;base64,aGn/|data:text/plain;base64,aGk=|hi\u{FFFD}|\u{E9}|\u{E9}|A|\u{FFFD}"
    )
  }

  @Test func fileReaderAbortsAndRefusesBusyReads() throws {
    let result = try text(
      """
      const reader = new FileReader();
      const log = [];
      for (const type of ['loadstart', 'load', 'abort', 'loadend']) reader.addEventListener(type, () => log.push(type));
      reader.readAsText(new Blob(['x']));
      try { reader.readAsDataURL(new Blob(['y'])); } catch (e) { log.push(e.name + ': ' + e.message); }
      reader.abort();
      log.push('state ' + reader.readyState + ' ' + reader.result);
      await new Promise((resolve) => setTimeout(resolve, 10));
      try { reader.readAsText('not a blob'); } catch (e) { log.push(e.message); }
      return log.join(' | ');
      """)
    #expect(
      result
        == "InvalidStateError: Failed to execute 'readAsDataURL' on 'FileReader': The object is already busy reading Blobs. | abort | loadend | state 2 null"
        + " | Failed to execute 'readAsText' on 'FileReader': parameter 1 is not of type 'Blob'.")
    #expect(
      try text("return [FileReader.EMPTY, FileReader.LOADING, FileReader.DONE, new FileReader().readyState].join()") == "0,1,2,0")
  }

  @Test func objectURLsNameBlobsUntilRevoked() throws {
    let page = try fixture.page()
    let url = try #require(
      try page.evaluate("globalThis.blob = new Blob(['z']); globalThis.url = URL.createObjectURL(blob); url").stringValue)
    #expect(url.hasPrefix("blob:https://example.test/"))
    #expect(url.count == "blob:https://example.test/".count + 36)
    #expect(try page.evaluate("URL.createObjectURL(blob) !== url") == .bool(true))
    #expect(
      try page.evaluate("URL.revokeObjectURL(url); URL.revokeObjectURL('blob:nothing'); typeof URL.revokeObjectURL")
        == .string("function"))
    #expect(
      try page.evaluate("(() => { try { URL.createObjectURL('x'); } catch (e) { return e.message; } })()")
        == .string("Failed to execute 'createObjectURL' on 'URL': Overload resolution failed."))
  }

  @Test func pagesThatReplaceBuiltInsStillMakeAndReadBlobs() throws {
    let result = try text(
      """
      const blob = new Blob(['ab', new Uint8Array([0x63])], { type: 'text/plain' });
      Array.prototype.push = () => { throw new Error('push'); };
      Map.prototype.set = () => { throw new Error('Map set'); };
      JSON.stringify = () => { throw new Error('stringify'); };
      Uint8Array.prototype.set = () => { throw new Error('Uint8Array set'); };
      Object.defineProperty(Object.getPrototypeOf(Uint8Array.prototype), 'length', { get() { throw new Error('length'); } });
      const reader = new FileReader();
      const loaded = new Promise((resolve) => { reader.onload = () => resolve(reader.result); });
      reader.readAsDataURL(new Blob([blob, 'd']));
      return [await blob.text(), await blob.slice(1).text(), await loaded, URL.createObjectURL(blob).slice(0, 5)].join(' ');
      """)
    #expect(result == "abc bc data:application/octet-stream;base64,YWJjZA== blob:")
  }
}
