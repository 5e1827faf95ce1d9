import Testing
import V8

/// Shared sources decode UTF-8 once, in the form V8 keeps, and compile like plain strings.
@Suite struct ScriptSourceTests {
  static let texts = [
    "'plain ascii ' + 1",
    "'latin-1: café ñ ÿ ¡'",
    "'wide: — ’ ẞ → 中文'",
    "'astral: 😀 𝒳 and back'",
    "'mixed' + '😀é—a'.length",
    "''",
  ]

  @Test(arguments: texts)
  func compilesLikeAString(text: String) throws {
    let context = try Isolate().makeContext()
    let shared = try context.compile(ScriptSource(text), filename: "s.js").run()
    let plain = try context.compile(text, filename: "p.js").run()
    #expect(shared == plain)
  }

  @Test func storageIsOneBytePerCharacterWhenLatin1Fits() {
    #expect(ScriptSource("café").storageSize == 4)
    #expect(ScriptSource("a—b").storageSize == 6)
    #expect(ScriptSource("😀").storageSize == 4)
    #expect(ScriptSource("😀").utf8Count == 4)
  }

  @Test func repairedTextKeepsItsReplacementCharacters() throws {
    // Built from bytes: a stray continuation byte and a truncated sequence inside a literal.
    let bytes: [UInt8] = Array("'a".utf8) + [0x80] + Array("b".utf8) + [0xE2, 0x82] + Array("'".utf8)
    let text = String(decoding: bytes, as: UTF8.self)  // Swift already repairs; check we agree
    let context = try Isolate().makeContext()
    let value = try context.compile(ScriptSource(text), filename: "bad.js").run()
    #expect(value == .string(String(text.dropFirst().dropLast())), "got \(value) for \(Array(text.unicodeScalars))")
  }

  @Test func oneSourceServesManyIsolatesAndOutlivesThem() throws {
    var source: ScriptSource? = ScriptSource("globalThis.answer = 6 * 7; answer + '—ok'")
    let contexts = try (0..<3).map { _ in try Isolate().makeContext() }
    let scripts = try contexts.map { try $0.compile(source!, filename: "shared.js") }
    source = nil  // V8's strings keep the text alive
    for script in scripts { #expect(try script.run() == "42—ok") }
  }

  @Test func cacheFromAStringIsAcceptedForTheSameSharedText() throws {
    let text = "function twice(x) { return x * 2 } twice(21) + '—'"
    let cache = try #require(try Isolate().makeContext().compile(text, filename: "t.js", produceCache: true).cachedData)
    let script = try Isolate().makeContext().compile(ScriptSource(text), filename: "t.js", cachedData: cache)
    #expect(script.cacheRejected == false)
    #expect(try script.run() == "42—")
  }

  @Test func largeStringsCompileThroughASharedSource() throws {
    let body = String(repeating: "x = (x * 31 + 7) % 1000003; // ünïcode —\n", count: 4000)
    let text = "let x = 1;\n" + body + "x"
    #expect(text.utf8.count > 64 << 10)
    let context = try Isolate().makeContext()
    let value = try context.compile(text, filename: "big.js").run()
    var x = 1
    for _ in 0..<4000 { x = (x * 31 + 7) % 1_000_003 }
    #expect(value == .number(Double(x)))
    let error = try #require(throws: JSError.self) {
      try context.compile(text + "\n)", filename: "big-broken.js")
    }
    #expect(error.location?.file == "big-broken.js")
    #expect(error.location?.line == 4003)
  }
}
