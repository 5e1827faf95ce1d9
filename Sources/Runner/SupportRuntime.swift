import CodeCache
import Foundation
import Runtime
import V8

/// Caper's own JavaScript for a support realm (the bootstrap, the module loader, the built-ins,
/// the cucumber API) and its startup snapshot.
///
/// Guarantees: the snapshot holds only Caper's runtime, never user code; it is keyed on the
/// runtime's text and host functions (`hash`) and on the Caper build (`ExecutableIdentity`), and
/// stored in the engine's ABI directory of the code cache, which also names the V8 build and
/// flags, so a snapshot is only ever given to the engine and shim that made it. It is validated
/// like any entry before V8 sees it.
public enum SupportRuntime {
  /// The host functions the runtime calls, in the order their bodies are bound.
  static let hostFunctions = [
    "readFile", "readBytes", "stat", "readdir", "cwd", "print", "utf8Encode", "utf8Decode", "compileModule", "emit",
    "writeFile", "mkdir", "mkdtemp", "realpath", "rm", "spawn", "timerSet", "timerClear", "immediateSet",
  ].map { "__caperHost_" + $0 }
  /// The native clock (`host.now`).
  static let clock = "__caperHost_now"
  /// The native microtask checkpoint (`host.runMicrotasks`).
  static let microtasks = "__caperHost_runMicrotasks"

  /// Collects the host functions into `__caperInternal.host` and removes them from the globals.
  static var bootstrap: String {
    let entries = (hostFunctions + [clock, microtasks]).map { "\($0.dropFirst("__caperHost_".count)): \($0)" }.joined(separator: ", ")
    return """
      globalThis.__caperInternal = { host: { \(entries) } };
      for (const key of Object.keys(globalThis)) if (key.startsWith('__caperHost_')) delete globalThis[key];
      """
  }

  /// The runtime's scripts in order; the last one's value is the runner's entry points.
  static let scripts: [(source: String, filename: String)] = {
    var list = [(source: bootstrap, filename: "caper:bootstrap")]
    for name in ["modules", "builtins", "cucumber"] {
      guard let url = Bundle.module.url(forResource: name, withExtension: "js", subdirectory: "JavaScript"),
        let text = try? String(contentsOf: url, encoding: .utf8)
      else { preconditionFailure("Caper's runtime file \(name).js is missing from the bundle") }
      list.append((text, "caper:\(name).js"))
    }
    return list
  }()

  /// SHA-256 of the runtime's scripts and host functions, in hex (part of the snapshot's key).
  public static let hash: String = {
    var hasher = SHA256()
    for (source, filename) in scripts { hasher.update(Array("\(filename)\n\(source)\n".utf8)) }
    hasher.update(Array((hostFunctions + [clock, microtasks]).joined(separator: ",").utf8))
    return SHA256.hex(hasher.finish())
  }()

  /// The snapshot's entry: the runtime, and this build of Caper (the snapshot names the shim's
  /// native functions by position).
  static var key: CodeCacheKey { CodeCacheKey(kind: .snapshot, source: "caper runtime snapshot \(hash) \(ExecutableIdentity.current)") }

  /// The stored snapshot; when there is none, one is made and stored (about 40 ms, once per
  /// Caper build and engine). Nil without a store or when it cannot be made.
  public static func snapshot(store: (any CodeCacheStore)?, log: (@Sendable (String) -> Void)? = nil) -> StartupSnapshot? {
    guard let store else { return nil }
    if let bytes = store.load(key) {
      log?("snapshot: \(bytes.count >> 10) KiB from the cache")
      return StartupSnapshot(bytes: bytes, hostFunctions: [hostFunctions])
    }
    let started = ContinuousClock.now
    do {
      let made = try StartupSnapshot.make(hostFunctions: hostFunctions, clock: clock, microtasks: microtasks, scripts: scripts)
      store.store(key, made.bytes)
      log?(String(format: "snapshot: made (%d KiB) in %.1f ms", made.bytes.count >> 10, (ContinuousClock.now - started).milliseconds))
      return made
    } catch {
      log?("snapshot: not made: \(error)")
      return nil
    }
  }

  /// The snapshot stored under `root` for the engine's ABI directory `abi`, looked at without
  /// touching the cache (`caper cache path|stats`).
  public static func storedSnapshot(root: String, abi: CodeCacheABI) -> StartupSnapshot? {
    DiskCodeCache.peek(root: root, abi: abi, key: key).map { StartupSnapshot(bytes: $0, hostFunctions: [hostFunctions]) }
  }

  /// A snapshot's identity (XXH64 of its bytes, in hex): the caches made under it are kept in an
  /// ABI directory named with it, since two makings of a snapshot differ.
  public static func identity(of snapshot: StartupSnapshot) -> String {
    String(format: "%016llx", Checksum.xxh64(snapshot.bytes))
  }
}
