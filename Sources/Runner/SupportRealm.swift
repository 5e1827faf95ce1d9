import CodeCache
import Expressions
import Foundation
import Runtime
import V8

/// The support realm of a worker: one isolate on its own thread, its support context with
/// Caper's JavaScript runtime (CommonJS loader, Node built-ins, the cucumber API), and the
/// user's support code, for the worker's whole life (module state persists across scenarios).
///
/// Guarantees: support files load in the order given; a syntax or load error comes back as the
/// `JSError` V8 reported (file, line, column). Host functions are the only way JavaScript
/// reaches the machine: files (read only), the clock, the console and attachments.
final class SupportRealm: @unchecked Sendable {
  let context: Context
  private var entry: [String: JSReference] = [:]
  /// Where attachments and console output go; set by the runner.
  var onAttachment: (@Sendable (JSValue) -> Void)?
  var onPrint: (@Sendable (_ stream: String, _ text: String) -> Void)?
  private var loadError: JSError?
  private let clock = ContinuousClock()
  let regexp: JavaScriptRegExp
  /// Every script of the realm (Caper's runtime, support files, their modules) compiles here.
  let loader: ScriptLoader
  /// The isolate's event loop: this realm's timers run on it, on real time with Node's rules.
  let loop: EventLoop
  /// The zero of JavaScript's clock (`host.now()`), on the clock of `ProgressMark.now`.
  private(set) var clockOrigin: Int64 = 0

  /// With `snapshot` (of `SupportRuntime`), the context starts as the snapshot's and Caper's
  /// runtime does not run again; without it, the runtime's scripts run here (through the code
  /// cache).
  init(environment: [String: String], arguments: [String], heapLimit: Int? = nil, codeCache: (any CodeCacheStore)? = nil,
       snapshot: StartupSnapshot? = nil, log: (@Sendable (String) -> Void)? = nil) throws {
    let begun = ContinuousClock.now
    let isolate = try Isolate(heapLimit: heapLimit, snapshot: snapshot)
    context = try snapshot == nil ? isolate.makeContext() : isolate.makeSnapshotContext()
    let contextMade = ContinuousClock.now
    loader = ScriptLoader(isolate: context.isolate, store: codeCache, log: log)
    loop = EventLoop(isolate: context.isolate)
    loop.add(context, clock: RealmClock(.real), rules: .node)
    regexp = try JavaScriptRegExp(context: context)
    let bodies = hostFunctionBodies()
    let api: JSValue
    if snapshot != nil {
      api = try context.startFromSnapshot(SupportRuntime.hostFunctions.map { bodies[$0]! })
    } else {
      for name in SupportRuntime.hostFunctions { try context.define(name, bodies[name]!) }
      try context.defineClock(SupportRuntime.clock)
      try context.defineMicrotaskCheckpoint(SupportRuntime.microtasks)
      var last: JSValue = .undefined
      for (source, filename) in SupportRuntime.scripts { last = try loader.evaluate(source, filename: filename, in: context) }
      api = last
    }
    clockOrigin = context.isolate.clockOrigin
    context.moduleResolver = { [weak self] _, specifier, referrer in
      guard let self else { throw JSError(kind: .disposed, message: "the support realm is gone") }
      return try self.resolveModule(specifier, from: referrer)
    }
    let setup: JSValue = .object(JSObject([
      ("environment", .object(JSObject(environment.sorted { $0.key < $1.key }.map { ($0.key, JSValue.string($0.value)) }))),
      ("argv", .array(arguments.map(JSValue.string))),
      ("arch", .string(Architecture.current.nodeName)),
      ("pid", .number(Double(ProcessInfo.processInfo.processIdentifier))),
      ("v8Version", .string(Engine.version)),
      ("execPath", .string(Self.executablePath)),
    ]))
    guard case .object(let entries) = api else { throw JSError(kind: .invalid, message: "Caper's runtime did not start") }
    for (key, value) in entries.entries {
      if case .function(let f) = value { entry[key] = f }
    }
    _ = try context.call(function("start"), [setup])
    if let log {
      log(String(format: "realm: isolate and context %.2f ms, Caper's runtime %.2f ms%@", (contextMade - begun).milliseconds,
        (ContinuousClock.now - contextMade).milliseconds,
        snapshot == nil ? "" : " (from the snapshot)"))
    }
  }

  /// The running `caper` binary (Node's `process.execPath`).
  static var executablePath: String {
    URL(fileURLWithPath: CommandLine.arguments[0], relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
      .resolvingSymlinksInPath().path
  }

  func function(_ name: String) -> JSReference {
    guard let f = entry[name] else { preconditionFailure("Caper's runtime has no \(name)") }
    return f
  }

  /// Loads support files in order: CommonJS files with `require`, ES modules (`.mjs`, or `.js`
  /// in a `"type": "module"` package) with `import`, awaiting their top-level await.
  func load(_ paths: [String]) throws {
    loadError = nil
    do {
      for path in paths {
        if try context.call(function("formatOf"), [.string(path)]) == .string("module") {
          let module = try resolveModule(path, from: "")
          let deadline = clock.now + .seconds(30)
          _ = try context.awaitPromise(try module.evaluate(), timeout: .seconds(30)) { try self.pump(until: deadline) }
        } else {
          _ = try context.call(function("load"), [.array([.string(path)])])
        }
      }
      // Everything loaded has run: produce its caches now, at the top level.
      loader.produceDeferred()
    } catch let error as JSError {
      // A syntax error inside a required or imported file surfaced in JavaScript as a plain
      // Error; report V8's own error, with its location.
      throw loadError ?? error
    }
  }

  /// ES modules by path (or `builtin:NAME`), compiled once per realm.
  private var modules: [String: Module] = [:]

  /// The module an `import` of `specifier` from `referrer` means: an ES module file, or a
  /// CommonJS file, JSON file or built-in seen through a synthetic module.
  func resolveModule(_ specifier: String, from referrer: String) throws -> Module {
    let target = try context.call(function("resolveImport"), [.string(specifier), .string(referrer)])
    guard target != .null else {
      let from = referrer.isEmpty ? FileManager.default.currentDirectoryPath : referrer
      throw JSError(kind: .exception, message: "Cannot find module '\(specifier)' imported from \(from)")
    }
    let key = target["builtin"].stringValue.map { "builtin:\($0)" } ?? target["path"].stringValue ?? specifier
    if let known = modules[key] { return known }
    let module: Module
    if target["format"] == .string("module") {
      let identity = FileDigests.identity(of: key)
      guard let data = FileManager.default.contents(atPath: key) else { throw JSError(kind: .exception, message: "Cannot read \(key)") }
      do {
        module = try loader.compileModule(String(decoding: data, as: UTF8.self), filename: key, in: context, file: identity)
      } catch let error as JSError {
        loadError = error
        throw error
      }
    } else {
      guard case .function(let getter) = try context.call(function("exportsGetter"), [target]) else {
        throw JSError(kind: .invalid, message: "no exports for \(key)")
      }
      module = try context.syntheticModule(name: key, exports: getter)
    }
    modules[key] = module
    return module
  }

  func describe() throws -> JSValue { try context.call(function("describe")) }

  /// One turn of the isolate's event loop (a task, a due timer or the immediates), waiting at
  /// most until `deadline`; false when nothing is left that could run.
  func pump(until deadline: ContinuousClock.Instant) throws -> Bool {
    try loop.turn(until: deadline)
  }

  /// Calls a runtime function that returns a promise of an outcome, running the event loop until
  /// it settles or `timeout` passes.
  func outcome(_ name: String, _ arguments: [JSValue], timeout: Swift.Duration) -> Outcome {
    let deadline = clock.now + timeout
    do {
      return Outcome(try context.callAwaiting(function(name), arguments, timeout: timeout) { try self.pump(until: deadline) })
    } catch {
      return Self.failure(error, timeout: timeout)
    }
  }

  /// Waits for a promise of an outcome as `outcome` does, for what is left of `timeout`.
  func settle(_ promise: JSValue, timeout: Swift.Duration, left: Swift.Duration) -> Outcome {
    let deadline = clock.now + left
    do {
      return Outcome(try context.awaitPromise(promise, timeout: left) { try self.pump(until: deadline) })
    } catch {
      return Self.failure(error, timeout: timeout)
    }
  }

  static func failure(_ error: any Error, timeout: Swift.Duration) -> Outcome {
    switch error {
    case let error as JSError where error.kind == .timeout:
      return Outcome(status: .failed, message: "function timed out, ensure the promise resolves within \(Int(timeout.milliseconds)) milliseconds",
        exceptionType: "Error", stackTrace: nil)
    case let error as JSError:
      // Caper's own frames left out, as the runtime's failure() does.
      let stack = error.stack.map { stack in
        stack.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("(caper:") && !$0.contains("at caper:") }
          .joined(separator: "\n")
      }
      return Outcome(status: .failed, message: error.message, exceptionType: error.name ?? "Error", stackTrace: stack)
    default:
      return Outcome(status: .failed, message: String(describing: error), exceptionType: "Error", stackTrace: nil)
    }
  }

  // MARK: Host functions

  /// The Swift bodies of `SupportRuntime.hostFunctions`, by name.
  private func hostFunctionBodies() -> [String: HostFunction] {
    let fm = FileManager.default
    var bodies: [String: HostFunction] = [:]
    bodies["__caperHost_readFile"] = { args in
      let path = args[0].stringValue ?? ""
      guard let data = fm.contents(atPath: path) else { throw HostError("ENOENT: no such file or directory, open '\(path)'") }
      return .string(String(decoding: data, as: UTF8.self))
    }
    bodies["__caperHost_readBytes"] = { args in
      let path = args[0].stringValue ?? ""
      guard let data = fm.contents(atPath: path) else { throw HostError("ENOENT: no such file or directory, open '\(path)'") }
      return .bytes([UInt8](data))
    }
    bodies["__caperHost_stat"] = { args in
      let path = args[0].stringValue ?? ""
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return .null }
      let attributes = try? fm.attributesOfItem(atPath: path)
      let size = (attributes?[.size] as? NSNumber)?.doubleValue ?? 0
      let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      return .object(JSObject([
        ("isFile", .bool(!isDirectory.boolValue)), ("isDirectory", .bool(isDirectory.boolValue)),
        ("size", .number(size)), ("mtimeMs", .number(modified * 1000)),
      ]))
    }
    bodies["__caperHost_readdir"] = { args in
      let names = (try? fm.contentsOfDirectory(atPath: args[0].stringValue ?? "")) ?? []
      return .array(names.sorted().map(JSValue.string))
    }
    bodies["__caperHost_cwd"] = { _ in .string(fm.currentDirectoryPath) }
    bodies["__caperHost_print"] = { [weak self] args in
      let stream = args[0].stringValue ?? "out"
      let text = args[1].stringValue ?? ""
      if let onPrint = self?.onPrint {
        onPrint(stream, text)
      } else {
        (stream == "err" ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
      }
      return .undefined
    }
    bodies["__caperHost_utf8Encode"] = { args in .bytes(Array((args[0].stringValue ?? "").utf8)) }
    bodies["__caperHost_utf8Decode"] = { args in
      if case .bytes(let bytes) = args[0] { return .string(String(decoding: bytes, as: UTF8.self)) }
      return .string("")
    }
    bodies["__caperHost_compileModule"] = { [weak self] args in
      guard let self else { throw HostError("the support realm is gone") }
      let path = args[0].stringValue ?? ""
      do {
        return .function(try self.loader.compileFunction(
          file: path, parameters: ["exports", "require", "module", "__filename", "__dirname"], in: self.context))
      } catch let error as JSError {
        self.loadError = error
        throw error
      }
    }
    bodies["__caperHost_writeFile"] = { args in
      let path = args[0].stringValue ?? ""
      let data: Data
      switch args[1] {
      case .bytes(let bytes): data = Data(bytes)
      default: data = Data((args[1].stringValue ?? "").utf8)
      }
      guard fm.createFile(atPath: path, contents: data) else { throw HostError("EACCES: cannot write '\(path)'") }
      return .undefined
    }
    bodies["__caperHost_mkdir"] = { args in
      try fm.createDirectory(atPath: args[0].stringValue ?? "", withIntermediateDirectories: args[1] == .bool(true))
      return .undefined
    }
    bodies["__caperHost_mkdtemp"] = { args in
      let prefix = args[0].stringValue ?? "/tmp/caper-"
      var template = Array((prefix + "XXXXXX").utf8CString)
      guard let made = mkdtemp(&template) else { throw HostError("cannot make a temporary folder from '\(prefix)'") }
      return .string(String(cString: made))
    }
    bodies["__caperHost_realpath"] = { args in
      let path = args[0].stringValue ?? ""
      guard let resolved = realpath(path, nil) else { throw HostError("ENOENT: no such file or directory, realpath '\(path)'") }
      defer { free(resolved) }
      return .string(String(cString: resolved))
    }
    bodies["__caperHost_rm"] = { args in
      let path = args[0].stringValue ?? ""
      if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
      return .undefined
    }
    bodies["__caperHost_spawn"] = { args in
      let process = Process()
      let command = args[0].stringValue ?? ""
      process.executableURL = URL(fileURLWithPath: command.contains("/") ? command : "/usr/bin/env")
      var arguments: [String] = []
      if case .array(let list) = args[1] { arguments = list.compactMap(\.stringValue) }
      process.arguments = command.contains("/") ? arguments : [command] + arguments
      let options = args[2]
      if let cwd = options["cwd"].stringValue { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
      if case .object(let env) = options["env"] {
        process.environment = Dictionary(uniqueKeysWithValues: env.entries.compactMap { e in e.value.stringValue.map { (e.key, $0) } })
      }
      let out = Pipe(), err = Pipe(), input = Pipe()
      process.standardOutput = out
      process.standardError = err
      process.standardInput = input
      do { try process.run() } catch { return .object(JSObject([("error", .string("spawn \(command) ENOENT"))])) }
      if let text = options["input"].stringValue { input.fileHandleForWriting.write(Data(text.utf8)) }
      try? input.fileHandleForWriting.close()
      let errData = LockedState(Data())
      let group = DispatchGroup()
      group.enter()
      DispatchQueue.global().async {
        let read = err.fileHandleForReading.readDataToEndOfFile()
        errData.withLock { $0 = read }
        group.leave()
      }
      let outData = out.fileHandleForReading.readDataToEndOfFile()
      group.wait()
      process.waitUntilExit()
      return .object(JSObject([
        ("status", .number(Double(process.terminationStatus))), ("stdout", .bytes([UInt8](outData))),
        ("stderr", .bytes(errData.withLock { [UInt8]($0) })),
      ]))
    }
    bodies["__caperHost_timerSet"] = { [weak self] args in
      guard let self, case .function(let callback) = args[0] else { throw HostError("setTimeout needs a function") }
      return .number(Double(self.loop.setTimer(
        in: self.context, callback: callback, delay: args[1].numberValue ?? 0, repeats: args[2] == .bool(true))))
    }
    bodies["__caperHost_timerClear"] = { [weak self] args in
      guard let self, let id = args[0].numberValue else { return .undefined }
      self.loop.clearTimer(Int(id), in: self.context)
      return .undefined
    }
    bodies["__caperHost_immediateSet"] = { [weak self] args in
      guard let self, case .function(let callback) = args[0] else { throw HostError("setImmediate needs a function") }
      return .number(Double(self.loop.setImmediate(in: self.context, callback: callback)))
    }
    bodies["__caperHost_emit"] = { [weak self] args in
      if args[0].stringValue == "attachment" { self?.onAttachment?(args[1]) }
      return .undefined
    }
    return bodies
  }
}

/// A host function's failure, shown to JavaScript as an Error with this message.
struct HostError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// How user code ended: a step's or hook's status, message and exception.
struct Outcome {
  var status: Status
  var message: String?
  var exceptionType: String?
  var stackTrace: String?

  enum Status: String { case passed = "PASSED", failed = "FAILED", pending = "PENDING", skipped = "SKIPPED" }

  init(status: Status, message: String?, exceptionType: String?, stackTrace: String?) {
    self.status = status
    self.message = message
    self.exceptionType = exceptionType
    self.stackTrace = stackTrace
  }

  init(_ value: JSValue) {
    if value == .number(0) {
      status = .passed
      return
    }
    status = Status(rawValue: value["status"].stringValue ?? "FAILED") ?? .failed
    message = value["message"].stringValue
    exceptionType = value["exception"]["type"].stringValue
    stackTrace = value["exception"]["stackTrace"].stringValue
  }
}
