import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// `caper eval` and `caper --version`, run as the user runs them: the built binary in a child.
@Suite struct EvalCommandTests {
  let folder: TemporaryDirectory
  init() throws { folder = try TemporaryDirectory() }

  @Test func printsTheCompletionValueAsJSON() throws {
    let file = try folder.write("value.js", "const o = { list: [1, -0, 'é😀'], nothing: null, gone: undefined };\no")
    let result = try CaperBinary.run(["eval", file])
    #expect(result.status == 0)
    #expect(result.stdout == #"{"list":[1,0,"é😀"],"nothing":null}"# + "\n")
  }

  @Test func awaitsAPromiseAndPrintsConsoleOutput() throws {
    let file = try folder.write(
      "async.js", "console.log('working', 2);\nconsole.error('to stderr');\n(async () => { await null; return [true] })()")
    let result = try CaperBinary.run(["eval", file])
    #expect(result.status == 0)
    #expect(result.stdout == "working 2\n[true]\n")
    #expect(result.stderr == "to stderr\n")
  }

  @Test func undefinedPrintsUndefined() throws {
    let result = try CaperBinary.run(["eval", try folder.write("u.js", "let x = 1;")])
    #expect(result.stdout == "undefined\n")
  }

  @Test func aRuntimeErrorNamesTheFileLineAndColumn() throws {
    let file = try folder.write("fail.js", "const a = 1;\nfunction f() {\n  return a.b.c;\n}\nf();\n")
    let result = try CaperBinary.run(["eval", file])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("caper: \(file):3:14: TypeError: Cannot read properties of undefined (reading 'c')\n"))
    #expect(result.stderr.contains("    at f (\(file):3:14)"))
  }

  @Test func aSyntaxErrorNamesTheFileLineAndColumn() throws {
    let file = try folder.write("syntax.js", "let ok = 1;\nlet = = 2;\n")
    let result = try CaperBinary.run(["eval", file])
    #expect(result.status == 1)
    #expect(result.stderr == "caper: \(file):2:7: SyntaxError: Unexpected token '='\n")
  }

  @Test func aMissingFileIsAUsageError() throws {
    let result = try CaperBinary.run(["eval", folder.url.appendingPathComponent("absent.js").path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("absent.js"))
    #expect(result.stderr.contains("no such file"))
  }

  @Test func aFileThatIsNotUTF8IsAClearError() throws {
    let file = folder.url.appendingPathComponent("latin1.js")
    try Data([0x27, 0xE9, 0x27, 0xFF, 0xFE]).write(to: file)
    let result = try CaperBinary.run(["eval", file.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("latin1.js"))
  }

  @Test func usageErrorsExitWithTwo() throws {
    #expect(try CaperBinary.run(["eval"]).status == 2)
    #expect(try CaperBinary.run(["--no-such-option"]).status == 2)
    #expect(try CaperBinary.run(["no-such-command"]).status == 2)
    let help = try CaperBinary.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("eval"))
  }

  @Test func versionNamesCaperV8AndTheCacheTag() throws {
    let result = try CaperBinary.run(["--version"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("caper "))
    #expect(lines[1].hasPrefix("V8 10.2."))
    let tag = try #require(UInt32(lines[2].dropFirst("cached-data tag ".count)))
    #expect(tag != 0)
  }

  /// V8 flags are fixed when the engine starts, once per process: other flags need a child
  /// process, and they change the cached-data tag.
  @Test func otherV8FlagsRunInAChildProcessAndChangeTheTag() throws {
    func tag(_ environment: [String: String]) throws -> String {
      let out = try CaperBinary.run(["--version"], environment: environment).stdout
      return String(out.split(separator: "\n")[2])
    }
    let plain = try tag(["CAPER_V8_FLAGS": ""])
    #expect(try tag(["CAPER_V8_FLAGS": ""]) == plain, "the tag is stable across processes")
    #expect(try tag(["CAPER_V8_FLAGS": "--no-lazy"]) != plain)
    let file = try folder.write("flags.js", "typeof gc")
    #expect(try CaperBinary.run(["eval", file], environment: ["CAPER_V8_FLAGS": "--expose-gc"]).stdout == "\"function\"\n")
    #expect(try CaperBinary.run(["eval", file], environment: ["CAPER_V8_FLAGS": ""]).stdout == "\"undefined\"\n")
  }

  @Test func aSecondEvalCompilesFromTheCodeCache() throws {
    let file = try folder.write(
      "sum.js", "function sum(n) { let s = 0; for (let i = 1; i <= n; i++) s += i; return s; }\nsum(100)")
    let cacheDir = folder.url.path + "/cache"
    let first = try CaperBinary.run(["eval", file, "--cache-dir", cacheDir], environment: ["CAPER_DEBUG": "cache"])
    #expect(first.stdout == "5050\n")
    #expect(first.stderr.contains("cache store"))
    let second = try CaperBinary.run(["eval", file, "--cache-dir", cacheDir], environment: ["CAPER_DEBUG": "cache"])
    #expect(second.stdout == "5050\n")
    #expect(second.stderr.contains("cache hit"))
    #expect(second.stderr.contains("(cache accepted)"))
  }
}
