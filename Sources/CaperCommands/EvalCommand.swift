import ArgumentParser
import Foundation
import Runtime
import V8

/// `caper eval FILE`: runs a JavaScript file in a fresh context and prints its completion value
/// as JSON (a promise is awaited first).
///
/// `console.log` and friends print to stdout and stderr.
/// A JavaScript error prints `file:line:column: Name: message` and the stack, and exits 1.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Run a JavaScript file in a fresh V8 context and print its completion value as JSON."
  )

  @Argument(help: "The JavaScript file to run.")
  var file: String

  @Option(help: "Seconds to wait for a returned promise to settle.")
  var timeout: Double = 30

  @OptionGroup var cache: CodeCacheOptions

  func validate() throws {
    _ = try SecondsOption.duration(timeout, option: "--timeout")
  }

  func run() throws {
    let source: String
    do {
      source = try String(contentsOfFile: file, encoding: .utf8)
    } catch {
      throw CommandFailure(message: "caper: cannot read \(file): \(Self.reason(error))", status: ExitStatus.usage)
    }
    // A JavaScript error is rendered (with its stack) by the command line, exit 1.
    let context = try Isolate().makeContext()
    try Console.install(in: context)
    // Through the code cache, like every script a run loads: a large file compiles once.
    let stores = cache.makeStores()
    defer { stores.disk?.flush() }
    let loader = ScriptLoader(isolate: context.isolate, store: stores.memory, log: CodeCacheOptions.debugLog)
    let value = try context.awaitPromise(
      try loader.evaluate(source, filename: file, in: context), timeout: try SecondsOption.duration(timeout, option: "--timeout"))
    print(value.jsonText ?? "undefined")
  }

  static func reason(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      let text = String(validatingCString: strerror(Int32(underlying.code))), underlying.domain == NSPOSIXErrorDomain
    {
      return text
    }
    if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadInapplicableStringEncodingError {
      return "not valid UTF-8"
    }
    if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoSuchFileError {
      return "no such file"
    }
    return nsError.localizedDescription
  }
}
