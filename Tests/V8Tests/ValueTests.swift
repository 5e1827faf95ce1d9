import Testing
import V8

/// Values crossing between JavaScript and Swift, both ways.
@Suite struct ValueTests {
  let context: Context

  init() throws {
    context = try Isolate().makeContext()
    // echo(v) hands v to Swift and back; describe(v) reports what JavaScript sees.
    try context.define("echo") { $0.first ?? .undefined }
    _ = try context.evaluate(
      """
      globalThis.describe = (v) => [typeof v, Object.is(v, -0), Number.isNaN(v), v === null,
        v instanceof Uint8Array, v instanceof ArrayBuffer, v instanceof Error].join(',');
      """)
  }

  @Test func undefinedAndNullStayApart() throws {
    #expect(try context.evaluate("undefined") == .undefined)
    #expect(try context.evaluate("null") == .null)
    #expect(try context.evaluate("describe(echo(undefined))") == "undefined,false,false,false,false,false,false")
    #expect(try context.evaluate("describe(echo(null))") == "object,false,false,true,false,false,false")
    #expect(try context.evaluate("echo()") == .undefined)
  }

  @Test func numbersKeepNegativeZeroAndNaN() throws {
    let negativeZero = try context.evaluate("-0")
    #expect(negativeZero.isIdentical(to: .number(-0.0)))
    #expect(!negativeZero.isIdentical(to: .number(0)))
    #expect(try context.evaluate("NaN").isIdentical(to: .number(.nan)))
    #expect(try context.evaluate("Object.is(echo(-0), -0)") == true)
    #expect(try context.evaluate("Number.isNaN(echo(NaN))") == true)
    #expect(try context.evaluate("echo(Infinity) === Infinity") == true)
    #expect(try context.evaluate("echo(2 ** 53 + 2)") == .number(9_007_199_254_740_994))
    #expect(try context.evaluate("0.1 + 0.2") == .number(0.1 + 0.2))
  }

  @Test func stringsKeepNonBMPCharacters() throws {
    let text = "héllo 😀 𝒳 中文 \u{0}end"
    try context.setGlobal("text", .string(text))
    #expect(try context.evaluate("text") == .string(text))
    #expect(try context.evaluate("text.length") == .number(Double(text.utf16.count)))
    #expect(try context.evaluate("echo(text) === text") == true)
    #expect(try context.evaluate("'\\uD83D\\uDE00'.codePointAt(0)") == .number(0x1F600))
    #expect(try context.evaluate("''") == "")
  }

  @Test func booleansArraysAndObjects() throws {
    let value = try context.evaluate("({ t: true, f: false, list: [1, 'two', [3]], nested: { z: 1, a: 2 } })")
    #expect(value["t"] == true)
    #expect(value["f"] == false)
    #expect(value["list"] == [1, "two", [3]])
    guard case .object(let nested) = value["nested"] else {
      Issue.record("not an object")
      return
    }
    #expect(nested.keys == ["z", "a"], "JavaScript's property order is kept")
    #expect(try context.evaluate("[1, , 3]") == [1, .undefined, 3])
    let roundTrip = try context.evaluate("JSON.stringify(echo({ a: [1, { b: null }], c: 'd' }))")
    #expect(roundTrip == #"{"a":[1,{"b":null}],"c":"d"}"#)
    #expect(try context.evaluate("Array.isArray(echo([]))") == true)
  }

  @Test func largeByteArraysCrossWithoutJSON() throws {
    let size = 3 << 20
    let value = try context.evaluate(
      "const big = new Uint8Array(\(size)); for (let i = 0; i < big.length; i++) big[i] = i % 251; big")
    guard case .bytes(let bytes) = value else {
      Issue.record("expected bytes, got \(value)")
      return
    }
    #expect(bytes.count == size)
    #expect(bytes[1000] == UInt8(1000 % 251))
    #expect(bytes[size - 1] == UInt8((size - 1) % 251))

    let fromSwift = (0..<(2 << 20)).map { UInt8(truncatingIfNeeded: $0 * 31) }
    try context.setGlobal("fromSwift", .bytes(fromSwift))
    #expect(try context.evaluate("fromSwift instanceof Uint8Array && fromSwift.length") == .number(Double(2 << 20)))
    #expect(try context.evaluate("fromSwift[12345]") == .number(Double(UInt8(truncatingIfNeeded: 12345 * 31))))
    #expect(try context.evaluate("describe(echo(big))") == "object,false,false,false,true,false,false")
    #expect(try context.evaluate("echo(big).length") == .number(Double(size)))
  }

  @Test func arrayBuffers() throws {
    #expect(try context.evaluate("new Uint8Array([9, 8, 7]).buffer") == .arrayBuffer([9, 8, 7]))
    #expect(try context.evaluate("describe(echo(new ArrayBuffer(4)))") == "object,false,false,false,false,true,false")
    #expect(try context.evaluate("echo(new ArrayBuffer(4)).byteLength") == 4)
  }

  @Test func errorsCrossAsErrorValues() throws {
    let value = try context.evaluate("new RangeError('too far')")
    guard case .error(let name, let message, let stack) = value else {
      Issue.record("got \(value)")
      return
    }
    #expect(name == "RangeError")
    #expect(message == "too far")
    #expect(stack.hasPrefix("RangeError: too far"))
    #expect(
      try context.evaluate("const e = echo(new TypeError('t')); e instanceof Error && e.name + ':' + e.message") == "TypeError:t")
  }

  @Test func bigintsAndDates() throws {
    #expect(try context.evaluate("2n ** 80n") == .bigint("1208925819614629174706176"))
    #expect(try context.evaluate("echo(-(2n ** 80n)) === -(2n ** 80n)") == true)
    #expect(try context.evaluate("new Date(Date.UTC(2026, 10, 24))") == .date(1_795_478_400_000))
    #expect(try context.evaluate("echo(new Date(5)).getTime()") == 5)
  }

  @Test func aCycleGivesAClearError() throws {
    let error = try #require(throws: JSError.self) { try context.evaluate("const o = { a: [] }; o.a.push(o); o") }
    #expect(error.kind == .conversion)
    #expect(error.message.contains("cycle"))
    // Shared, non-cyclic references are fine.
    #expect(try context.evaluate("const s = { v: 1 }; [s, s]") == [["v": 1], ["v": 1]])
    // A cycle passed to a host function is a TypeError in JavaScript.
    #expect(
      try context.evaluate("const c = []; c.push(c); try { echo(c) } catch (e) { e.name + ': ' + e.message }")
        == "TypeError: the value has a cycle (an object contains itself)")
  }

  @Test func aThrowingGetterIsAnException() throws {
    let error = try #require(throws: JSError.self) {
      try context.evaluate("({ get bad() { throw new Error('getter') } })", filename: "g.js")
    }
    #expect(error.kind == .exception)
    #expect(error.message == "getter")
  }

  @Test func functionsAndSymbols() throws {
    guard case .function(let f) = try context.evaluate("(a, b) => a + b") else {
      Issue.record("not a function")
      return
    }
    #expect(try context.call(f, [2, 3]) == 5)
    #expect(try context.call(f, ["a", "b"]) == "ab")
    #expect(try context.evaluate("Symbol('s')") == .undefined)
    // A function handed to Swift and back is the same function.
    #expect(try context.evaluate("const g = () => 1; echo(g) === g") == true)
  }

  @Test func swiftErrorBecomesAJavaScriptException() throws {
    struct NotFound: Error, CustomStringConvertible { var description: String { "no such page: /x" } }
    try context.define("load") { _ in throw NotFound() }
    #expect(try context.evaluate("try { load() } catch (e) { e instanceof Error && e.message }") == "no such page: /x")
    let error = try #require(throws: JSError.self) {
      try context.evaluate("function go() {\n  load();\n}\ngo()", filename: "page.js")
    }
    #expect(error.message == "no such page: /x")
    #expect(error.location == SourceLocation(file: "page.js", line: 2, column: 3))
    #expect(error.stack?.contains("at go (page.js:2:3)") == true)
  }

  @Test func jsonTextMatchesJSONStringify() throws {
    let source = "({ a: [1, -0, 1.5e-7, 1e21, 'x\\n\"', null, undefined], b: undefined, c: true, d: 123456789012 })"
    let ours = try context.evaluate(source).jsonText
    let theirs = try context.evaluate("JSON.stringify(\(source))")
    #expect(ours.map(JSValue.string) == theirs)
    #expect(JSValue.undefined.jsonText == nil)
  }
}
