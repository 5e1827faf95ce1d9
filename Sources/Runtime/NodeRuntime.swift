import CodeCache
import Foundation
import V8

/// The Node-compatible support runtime, as an extension of a realm: CommonJS and ES modules with
/// node_modules and package "exports" resolution, and the built-ins step definitions use, one
/// file per module (`node/path.js`, `node/fs.js`, ...), also as `node:NAME`.
///
/// Guarantees: host functions are the only way its JavaScript reaches the machine (files,
/// processes, the console sink, timers on the isolate's event loop); console output goes only to
/// the sink given. A syntax error in a file loaded by `require` or `import` is reported as V8
/// reported it (file, line, column). Used on the realm's isolate thread.
public final class NodeRuntime: @unchecked Sendable {
  /// The built-in modules, in the order their files install.
  static let files = [
    "modules", "typescript", "util", "path", "events", "buffer", "stream", "fs", "child_process", "crypto", "url", "timers",
    "process",
    "console",
    "os", "assert", "globals",
  ]

  public static let `extension` = Extension(
    name: "node",
    hostFunctions: [
      "readFile", "readBytes", "stat", "readdir", "cwd", "print", "utf8Encode", "utf8Decode", "compileModule", "writeFile",
      "mkdir", "mkdtemp", "realpath", "rm", "spawn", "timerSet", "timerClear", "immediateSet", "hash", "hmac", "randomBytes",
      "appendFile", "copyFile", "rename", "spawnAsync", "kill", "compileSource", "transpileLoad", "transpileStore", "urlParse",
      "urlSet", "urlCanParse", "urlSearchParamsParse", "urlSearchParamsSerialize", "domainToASCII", "domainToUnicode",
      "memoryUsage",
    ],
    natives: [.clock("now"), .microtaskCheckpoint("runMicrotasks")],
    scripts: files.map { name in
      Extension.Script(
        name: name, source: Extension.resource("node/\(name).js", in: .module),
        calledFromSwift: ["modules", "typescript", "process"].contains(name))
    },
    modules: [
      "path", "util", "assert", "assert/strict", "events", "buffer", "stream", "stream/promises", "fs", "fs/promises",
      "child_process", "crypto", "url", "timers", "timers/promises", "process", "console", "os",
    ])

  private let console: ConsoleSink
  private weak var realm: Realm?
  /// The error V8 reported for the last file that failed to compile (a syntax error inside a
  /// `require` surfaces in JavaScript as a plain Error; this keeps V8's own, with its location).
  private var loadError: JSError?
  /// ES modules by path (or `builtin:NAME`), compiled once per realm.
  private var modules: [String: Module] = [:]

  public init(console: @escaping ConsoleSink) { self.console = console }

  /// The Swift bodies of the extension's host functions for `realm`, keyed `node.<name>`; also
  /// makes `realm`'s ES modules resolve through this runtime.
  public func hostFunctions(for realm: Realm) -> [String: HostFunction] {
    self.realm = realm
    realm.context.moduleResolver = { [weak self] _, specifier, referrer in
      guard let self else { throw JSError(kind: .disposed, message: "the realm is gone") }
      return try self.resolveModule(specifier, from: referrer)
    }
    let fm = FileManager.default
    var bodies: [String: HostFunction] = [:]
    bodies["node.readFile"] = { args in
      let path = args[0].stringValue ?? ""
      guard let data = fm.contents(atPath: path) else { throw HostError("ENOENT: no such file or directory, open '\(path)'") }
      return .string(String(decoding: data, as: UTF8.self))
    }
    bodies["node.readBytes"] = { args in
      let path = args[0].stringValue ?? ""
      guard let data = fm.contents(atPath: path) else { throw HostError("ENOENT: no such file or directory, open '\(path)'") }
      return .bytes([UInt8](data))
    }
    bodies["node.stat"] = { args in
      let path = args[0].stringValue ?? ""
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return .null }
      let attributes = try? fm.attributesOfItem(atPath: path)
      let size = (attributes?[.size] as? NSNumber)?.doubleValue ?? 0
      let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      return .object(
        JSObject([
          ("isFile", .bool(!isDirectory.boolValue)), ("isDirectory", .bool(isDirectory.boolValue)),
          ("size", .number(size)), ("mtimeMs", .number(modified * 1000)),
        ]))
    }
    bodies["node.readdir"] = { args in
      let names = (try? fm.contentsOfDirectory(atPath: args[0].stringValue ?? "")) ?? []
      return .array(names.sorted().map(JSValue.string))
    }
    bodies["node.cwd"] = { _ in .string(fm.currentDirectoryPath) }
    bodies["node.print"] = { [console] args in
      console(args[0].stringValue == "err" ? .err : .out, args[1].stringValue ?? "")
      return .undefined
    }
    bodies["node.utf8Encode"] = { args in .bytes(Array((args[0].stringValue ?? "").utf8)) }
    bodies["node.utf8Decode"] = { args in
      if case .bytes(let bytes) = args[0] { return .string(String(decoding: bytes, as: UTF8.self)) }
      return .string("")
    }
    bodies["node.compileModule"] = { [weak self, weak realm] args in
      guard let self, let realm else { throw HostError("the realm is gone") }
      let path = args[0].stringValue ?? ""
      do {
        return .function(
          try realm.loader.compileFunction(
            file: path, parameters: ["exports", "require", "module", "__filename", "__dirname"], in: realm.context))
      } catch let error as JSError {
        self.loadError = error
        throw error
      }
    }
    bodies["node.compileSource"] = { [weak self, weak realm] args in
      guard let self, let realm else { throw HostError("the realm is gone") }
      do {
        return .function(
          try realm.loader.compileFunction(
            args[1].stringValue ?? "", filename: args[0].stringValue ?? "",
            parameters: ["exports", "require", "module", "__filename", "__dirname"], in: realm.context))
      } catch let error as JSError {
        self.loadError = error
        throw error
      }
    }
    bodies["node.writeFile"] = { args in
      let path = args[0].stringValue ?? ""
      let data: Data
      switch args[1] {
      case .bytes(let bytes): data = Data(bytes)
      default: data = Data((args[1].stringValue ?? "").utf8)
      }
      guard fm.createFile(atPath: path, contents: data) else { throw HostError("EACCES: cannot write '\(path)'") }
      return .undefined
    }
    bodies["node.mkdir"] = { args in
      try fm.createDirectory(atPath: args[0].stringValue ?? "", withIntermediateDirectories: args[1] == .bool(true))
      return .undefined
    }
    bodies["node.mkdtemp"] = { args in
      let prefix = args[0].stringValue ?? "/tmp/caper-"
      var template = Array((prefix + "XXXXXX").utf8CString)
      guard let made = mkdtemp(&template) else { throw HostError("cannot make a temporary folder from '\(prefix)'") }
      return .string(String(cString: made))
    }
    bodies["node.realpath"] = { args in
      let path = args[0].stringValue ?? ""
      guard let resolved = realpath(path, nil) else { throw HostError("ENOENT: no such file or directory, realpath '\(path)'") }
      defer { free(resolved) }
      return .string(String(cString: resolved))
    }
    bodies["node.rm"] = { args in
      let path = args[0].stringValue ?? ""
      if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
      return .undefined
    }
    bodies["node.spawn"] = { args in SpawnRequest(args).run() }
    bodies["node.timerSet"] = { [weak realm] args in
      guard let realm, case .function(let callback) = args[0] else { throw HostError("setTimeout needs a function") }
      return .number(
        Double(
          realm.loop.setTimer(
            in: realm.context, callback: callback, delay: args[1].numberValue ?? 0, repeats: args[2] == .bool(true))))
    }
    bodies["node.timerClear"] = { [weak realm] args in
      guard let realm, let id = args[0].numberValue else { return .undefined }
      realm.loop.clearTimer(Int(id), in: realm.context)
      return .undefined
    }
    bodies["node.immediateSet"] = { [weak realm] args in
      guard let realm, case .function(let callback) = args[0] else { throw HostError("setImmediate needs a function") }
      return .number(Double(realm.loop.setImmediate(in: realm.context, callback: callback)))
    }
    bodies.merge(Self.moreHostFunctions(for: realm)) { $1 }
    return bodies
  }

  /// Hands the runtime what differs per process: the environment, `process.argv`, the pid, the
  /// executable's path.
  public func start(environment: [String: String], arguments: [String]) throws {
    guard let realm else { return }
    let setup: JSValue = .object(
      JSObject([
        ("environment", .object(JSObject(environment.sorted { $0.key < $1.key }.map { ($0.key, JSValue.string($0.value)) }))),
        ("argv", .array(arguments.map(JSValue.string))),
        ("arch", .string(Self.arch)),
        ("pid", .number(Double(ProcessInfo.processInfo.processIdentifier))),
        ("v8Version", .string(Engine.version)),
        ("execPath", .string(Self.executablePath)),
      ]))
    _ = try realm.context.call(realm.function("process", "start"), [setup])
    // Rejections nobody handles reach `process` as Node's do ('unhandledRejection', else an
    // uncaught exception).
    try realm.forwardPromiseRejections(to: "process", track: "trackRejection", notify: "notifyRejections")
  }

  /// Node's name for the processor architecture (`process.arch`, `os.arch()`).
  public static var arch: String { Architecture.current.nodeName }

  /// The running executable (Node's `process.execPath`).
  static var executablePath: String {
    URL(fileURLWithPath: CommandLine.arguments[0], relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
      .resolvingSymlinksInPath().path
  }

  /// Loads files in order: CommonJS files with `require`, ES modules (`.mjs`, or `.js` in a
  /// `"type": "module"` package) with `import`, awaiting their top-level await on the event loop.
  public func load(_ paths: [String]) throws {
    guard let realm else { return }
    loadError = nil
    do {
      for path in paths {
        if try realm.context.call(realm.function("modules", "formatOf"), [.string(path)]) == .string("module") {
          let module = try resolveModule(path, from: "")
          let deadline = ContinuousClock.now + .seconds(30)
          _ = try realm.context.awaitPromise(try module.evaluate(), timeout: .seconds(30)) { try realm.pump(until: deadline) }
        } else {
          _ = try realm.context.call(realm.function("modules", "loadFile"), [.string(path)])
        }
      }
      // Everything loaded has run: produce its caches now, at the top level.
      realm.loader.produceDeferred()
    } catch let error as JSError {
      throw loadError ?? error
    }
  }

  /// What the file at `path` exports, as Node loads it: a CommonJS file's `module.exports`, or an
  /// ES module's namespace (`isModule`; its top-level await awaited on the event loop).
  public func importFile(_ path: String) throws -> (value: JSValue, isModule: Bool) {
    guard let realm else { throw JSError(kind: .disposed, message: "the realm is gone") }
    return try realm.context.isolate.sync {
      if try realm.context.call(realm.function("modules", "formatOf"), [.string(path)]) == .string("module") {
        let module = try resolveModule(path, from: "")
        let deadline = ContinuousClock.now + .seconds(30)
        _ = try realm.context.awaitPromise(try module.evaluate(), timeout: .seconds(30)) { try realm.pump(until: deadline) }
        return (try module.namespace(), true)
      }
      return (try realm.context.call(realm.function("modules", "loadFile"), [.string(path)]), false)
    }
  }

  /// Requires `names` (package names or paths) as a file in `directory` would, before support
  /// code loads (cucumber-js's `requireModule`).
  public func requireModules(_ names: [String], from directory: String) throws {
    guard let realm, !names.isEmpty else { return }
    let require = try realm.context.call(realm.function("modules", "makeRequire"), [.string(directory + "/package.json")])
    guard case .function(let load) = require else { return }
    for name in names {
      do {
        _ = try realm.context.call(load, [.string(name)])
      } catch let error as JSError where error.location?.file.hasPrefix("caper:") ?? false {
        // Not found (or refused) by the loader itself: the module's name, not Caper's frame.
        throw JSError(kind: error.kind, name: error.name, message: "requireModule '\(name)': \(error.message)")
      }
    }
  }

  /// The module an `import` of `specifier` from `referrer` means: an ES module file, or a
  /// CommonJS file, JSON file or built-in seen through a synthetic module.
  func resolveModule(_ specifier: String, from referrer: String) throws -> Module {
    guard let realm else { throw JSError(kind: .disposed, message: "the realm is gone") }
    let context = realm.context
    let target = try context.call(realm.function("modules", "resolveImport"), [.string(specifier), .string(referrer)])
    guard target != .null else {
      let from = referrer.isEmpty ? FileManager.default.currentDirectoryPath : referrer
      throw JSError(kind: .exception, message: "Cannot find module '\(specifier)' imported from \(from)")
    }
    let key = target["builtin"].stringValue.map { "builtin:\($0)" } ?? target["path"].stringValue ?? specifier
    if let known = modules[key] { return known }
    let module: Module
    if target["format"] == .string("module") {
      do {
        if try context.call(realm.function("typescript", "isTypeScript"), [.string(key)]) == .bool(true) {
          let source = try context.call(realm.function("typescript", "transpile"), [.string(key), .string("module")])
          module = try realm.loader.compileModule(source.stringValue ?? "", filename: key, in: context)
        } else {
          let identity = FileDigests.identity(of: key)
          guard let data = FileManager.default.contents(atPath: key) else {
            throw JSError(kind: .exception, message: "Cannot read \(key)")
          }
          module = try realm.loader.compileModule(
            String(decoding: data, as: UTF8.self), filename: key, in: context, file: identity)
        }
      } catch let error as JSError {
        loadError = error
        throw error
      }
    } else {
      guard case .function(let getter) = try context.call(realm.function("modules", "exportsGetter"), [target]) else {
        throw JSError(kind: .invalid, message: "no exports for \(key)")
      }
      module = try context.syntheticModule(name: key, exports: getter)
    }
    modules[key] = module
    return module
  }
}

/// A host function's failure, shown to JavaScript as an Error with this message.
public struct HostError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
