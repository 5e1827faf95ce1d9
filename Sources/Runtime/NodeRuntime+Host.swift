import Crypto
import Foundation
import V8
import WebURL

import struct CodeCache.CodeCacheKey

/// The host functions behind `crypto`, `url`, the writing `fs` functions and the asynchronous
/// `child_process` functions of the Node-compatible runtime.
extension NodeRuntime {
  /// The extension's host functions besides the core ones, keyed `node.<name>`.
  static func moreHostFunctions(for realm: Realm) -> [String: HostFunction] {
    let fm = FileManager.default
    var bodies: [String: HostFunction] = [:]
    // process.memoryUsage(): the process's resident set (Linux: /proc/self/statm) and this
    // isolate's heap, in bytes.
    bodies["node.memoryUsage"] = { [weak realm] _ in
      let heap = try realm?.context.isolate.heapStatistics()
      return .object(
        JSObject([
          ("rss", .number(Double(residentSetSize()))), ("heapTotal", .number(Double(heap?.totalHeapSize ?? 0))),
          ("heapUsed", .number(Double(heap?.usedHeapSize ?? 0))), ("external", .number(Double(heap?.externalMemory ?? 0))),
          ("arrayBuffers", .number(0)),
        ]))
    }
    bodies["node.hash"] = { args in
      let data = bytes(args[1])
      switch args[0].stringValue?.lowercased() {
      case "md5": return .bytes(Array(Insecure.MD5.hash(data: data)))
      case "sha1": return .bytes(Array(Insecure.SHA1.hash(data: data)))
      case "sha256": return .bytes(Array(SHA256.hash(data: data)))
      case "sha384": return .bytes(Array(SHA384.hash(data: data)))
      case "sha512": return .bytes(Array(SHA512.hash(data: data)))
      default: throw HostError("Digest method not supported: \(args[0].stringValue ?? "")")
      }
    }
    bodies["node.hmac"] = { args in
      let key = SymmetricKey(data: bytes(args[1]))
      let data = bytes(args[2])
      switch args[0].stringValue?.lowercased() {
      case "md5": return .bytes(Array(HMAC<Insecure.MD5>.authenticationCode(for: data, using: key)))
      case "sha1": return .bytes(Array(HMAC<Insecure.SHA1>.authenticationCode(for: data, using: key)))
      case "sha256": return .bytes(Array(HMAC<SHA256>.authenticationCode(for: data, using: key)))
      case "sha384": return .bytes(Array(HMAC<SHA384>.authenticationCode(for: data, using: key)))
      case "sha512": return .bytes(Array(HMAC<SHA512>.authenticationCode(for: data, using: key)))
      default: throw HostError("Invalid digest: \(args[0].stringValue ?? "")")
      }
    }
    bodies["node.randomBytes"] = { args in
      var generator = SystemRandomNumberGenerator()
      let count = max(0, Int(args[0].numberValue ?? 0))
      return .bytes((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
    bodies["node.appendFile"] = { args in
      let path = args[0].stringValue ?? ""
      let data = Data(bytes(args[1]))
      if !fm.fileExists(atPath: path) {
        guard fm.createFile(atPath: path, contents: data) else { throw HostError("EACCES: cannot write '\(path)'") }
        return .undefined
      }
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      defer { try? handle.close() }
      try handle.seekToEnd()
      try handle.write(contentsOf: data)
      return .undefined
    }
    bodies["node.copyFile"] = { args in
      let from = args[0].stringValue ?? ""
      let to = args[1].stringValue ?? ""
      if fm.fileExists(atPath: to) { try fm.removeItem(atPath: to) }
      try fm.copyItem(atPath: from, toPath: to)
      return .undefined
    }
    bodies["node.rename"] = { args in
      let from = args[0].stringValue ?? ""
      let to = args[1].stringValue ?? ""
      guard Foundation.rename(from, to) == 0 else {
        throw HostError("\(String(cString: strerror(errno))), rename '\(from)' -> '\(to)'")
      }
      return .undefined
    }
    // Runs a program on a thread of its own; its result comes back as a task on the event loop,
    // so timers and other programs run meanwhile.
    bodies["node.spawnAsync"] = { [weak realm] args in
      guard let realm, case .function(let callback) = args[3] else { throw HostError("spawn needs a callback") }
      let request = SpawnRequest(args)
      let loop = realm.loop
      let context = realm.context
      loop.expectTask()
      let id = RunningPrograms.shared.add()
      Thread.detachNewThread {
        let value = request.run { RunningPrograms.shared.started(id, pid: $0) }
        RunningPrograms.shared.ended(id)
        loop.post(to: context, fulfilling: true) { _ = try? context.call(callback, [value]) }
      }
      return .number(Double(id))
    }
    // `ChildProcess.kill(signal)`: the program `spawnAsync` started (its number) gets the signal.
    bodies["node.kill"] = { args in
      guard let id = args.first?.numberValue, id.isFinite else { throw HostError("kill(id, signal)") }
      return .bool(RunningPrograms.shared.kill(Int(id), signal: SpawnRequest.signalNumber(args.dropFirst().first?.stringValue)))
    }
    // Transpiled TypeScript, kept in the code cache's store by its input (typescript.js).
    bodies["node.transpileLoad"] = { [weak realm] args in
      guard let store = realm?.loader.store,
        let bytes = store.load(CodeCacheKey(kind: .transpiled, source: args[0].stringValue ?? ""))
      else { return .null }
      return .string(String(decoding: bytes, as: UTF8.self))
    }
    bodies["node.transpileStore"] = { [weak realm] args in
      realm?.loader.store?.store(CodeCacheKey(kind: .transpiled, source: args[0].stringValue ?? ""), bytes(args[1]))
      return .undefined
    }
    bodies.merge(urlHostFunctions()) { $1 }
    return bodies
  }

  /// The `url` module's crossings into WebURL: one call per operation, all of a URL's components returned at once as an object
  /// (`null` where the URL Standard returns failure).
  ///
  /// Shared with the page realm's `URL` (`namespace` "dom"): every argument is checked (a non-string reads as empty).
  public static func urlHostFunctions(namespace: String = "node") -> [String: HostFunction] {
    @Sendable func argument(_ args: [JSValue], _ index: Int) -> String? {
      args.indices.contains(index) ? args[index].stringValue : nil
    }
    @Sendable func components(_ url: URLRecord) -> JSValue {
      let c = url.components
      return .object(
        JSObject([
          ("href", .string(c.href)), ("origin", .string(c.origin)), ("protocol", .string(c.protocol)),
          ("username", .string(c.username)), ("password", .string(c.password)), ("host", .string(c.host)),
          ("hostname", .string(c.hostname)), ("port", .string(c.port)), ("pathname", .string(c.pathname)),
          ("search", .string(c.search)), ("hash", .string(c.hash)),
        ]))
    }
    var bodies: [String: HostFunction] = [:]
    bodies["\(namespace).urlParse"] = { args in
      URLRecord(argument(args, 0) ?? "", base: argument(args, 1)).map(components) ?? .null
    }
    bodies["\(namespace).urlCanParse"] = { args in .bool(URLRecord.canParse(argument(args, 0) ?? "", base: argument(args, 1))) }
    // A setter on the URL `href`: `null` only when the href setter's input does not parse.
    bodies["\(namespace).urlSet"] = { args in
      guard var url = URLRecord(argument(args, 0) ?? "") else { return .null }
      let value = argument(args, 2) ?? ""
      switch argument(args, 1) {
      case "href": guard (try? url.setHref(value)) != nil else { return .null }
      case "protocol": url.protocol = value
      case "username": url.username = value
      case "password": url.password = value
      case "host": url.host = value
      case "hostname": url.hostname = value
      case "port": url.port = value
      case "pathname": url.pathname = value
      case "search": url.search = value
      case "hash": url.hash = value
      default: throw HostError("no URL component '\(argument(args, 1) ?? "")'")
      }
      return components(url)
    }
    // Pairs travel flat: name, value, name, value, ...
    bodies["\(namespace).urlSearchParamsParse"] = { args in
      .array(URLSearchParams(argument(args, 0) ?? "").list.flatMap { [JSValue.string($0.name), .string($0.value)] })
    }
    bodies["\(namespace).urlSearchParamsSerialize"] = { args in
      guard case .array(let flat) = args.first else { return .string("") }
      let strings = flat.map { $0.stringValue ?? "" }
      let pairs = stride(from: 0, to: strings.count - 1, by: 2).map { (name: strings[$0], value: strings[$0 + 1]) }
      return .string(URLSearchParams(pairs).description)
    }
    // Node's url.domainToASCII / domainToUnicode: the hostname setter's host, "" on failure.
    bodies["\(namespace).domainToASCII"] = { args in .string(Host.parse(argument(args, 0) ?? "") ?? "") }
    bodies["\(namespace).domainToUnicode"] = { args in
      .string(Host.parse(argument(args, 0) ?? "").map(Host.domainToUnicode) ?? "")
    }
    return bodies
  }

  /// A value's bytes: a byte array as it is, anything else as UTF-8 text.
  static func bytes(_ value: JSValue) -> [UInt8] {
    switch value {
    case .bytes(let bytes), .arrayBuffer(let bytes): return bytes
    default: return Array((value.stringValue ?? "").utf8)
    }
  }
}

/// A program to run for `child_process`: `command` (a path, or a name looked up on the PATH),
/// its arguments, and the options `cwd`, `env`, `input`.
struct SpawnRequest: Sendable {
  let command: String
  let arguments: [String]
  let directory: String?
  let environment: [String: String]?
  let input: Data?

  init(_ args: [JSValue]) {
    command = args[0].stringValue ?? ""
    if case .array(let list) = args[1] { arguments = list.compactMap(\.stringValue) } else { arguments = [] }
    let options = args[2]
    directory = options["cwd"].stringValue
    if case .object(let env) = options["env"] {
      environment = Dictionary(env.entries.compactMap { e in e.value.stringValue.map { (e.key, $0) } }, uniquingKeysWith: { $1 })
    } else {
      environment = nil
    }
    switch options["input"] {
    case .bytes(let bytes): input = Data(bytes)
    case .string(let text): input = Data(text.utf8)
    default: input = nil
    }
  }

  /// Runs it to its end: `{status, signal, stdout, stderr}` or `{error}` when it cannot start;
  /// `started` gets its process id once it runs.
  func run(started: ((Int32) -> Void)? = nil) -> JSValue {
    // A bare name is looked up on the PATH, as Node does.
    let bare = !command.contains("/")
    do {
      let result = try ChildProcess.run(
        URL(fileURLWithPath: bare ? "/usr/bin/env" : command), bare ? [command] + arguments : arguments, environment: environment,
        directory: directory.map { URL(fileURLWithPath: $0) }, input: input, started: started)
      // env exits 127 when it cannot find the program.
      if bare && result.status == 127 && result.signal == nil && result.stdout.isEmpty {
        return .object(JSObject([("error", .string("spawn \(command) ENOENT"))]))
      }
      return .object(
        JSObject([
          ("status", result.signal == nil ? .number(Double(result.status)) : .null),
          ("signal", result.signal.map { .string(Self.signalName($0)) } ?? .null),
          ("stdout", .bytes([UInt8](result.stdout))), ("stderr", .bytes([UInt8](result.stderr))),
        ]))
    } catch {
      return .object(JSObject([("error", .string("spawn \(command) ENOENT"))]))
    }
  }

  /// A signal's number from its name (`SIGTERM`, `SIGKILL`, ...; SIGTERM for none or one not known).
  static func signalNumber(_ name: String?) -> Int32 {
    let numbers: [String: Int32] = [
      "SIGHUP": 1, "SIGINT": 2, "SIGQUIT": 3, "SIGABRT": 6, "SIGKILL": 9, "SIGPIPE": 13, "SIGTERM": 15,
    ]
    return name.flatMap { numbers[$0.uppercased()] } ?? 15
  }

  static func signalName(_ number: Int32) -> String {
    let names: [Int32: String] = [
      1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 6: "SIGABRT", 9: "SIGKILL", 13: "SIGPIPE", 15: "SIGTERM",
    ]
    return names[number] ?? "SIG\(number)"
  }
}

/// The programs `child_process.spawn` started and that have not ended, by number, so that
/// `kill` reaches them from the isolate's thread while a thread of their own waits for them.
///
/// Guarantees: a signal asked for before the program started is sent as soon as it starts; one
/// asked for after it ended is not sent (false). Thread-safe.
final class RunningPrograms: Sendable {
  static let shared = RunningPrograms()
  private struct Program {
    var pid: Int32?
    var pendingSignal: Int32?
  }
  private let programs = LockedState<(next: Int, running: [Int: Program])>((1, [:]))

  func add() -> Int {
    programs.withLock { state in
      defer { state.next += 1 }
      state.running[state.next] = Program()
      return state.next
    }
  }

  func started(_ id: Int, pid: Int32) {
    let signal = programs.withLock { state -> Int32? in
      state.running[id]?.pid = pid
      return state.running[id]?.pendingSignal
    }
    if let signal { Foundation.kill(pid, signal) }
  }

  func ended(_ id: Int) { programs.withLock { _ = $0.running.removeValue(forKey: id) } }

  func kill(_ id: Int, signal: Int32) -> Bool {
    let pid = programs.withLock { state -> Int32?? in
      guard var program = state.running[id] else { return .none }
      if program.pid == nil {
        program.pendingSignal = signal
        state.running[id] = program
      }
      return .some(program.pid)
    }
    switch pid {
    case .none: return false
    case .some(.none): return true
    case .some(.some(let pid)): return Foundation.kill(pid, signal) == 0
    }
  }
}

/// The process's resident set size in bytes (Linux's /proc/self/statm; 0 where there is none).
func residentSetSize() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
  let fields = text.split(separator: " ")
  guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
  return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
