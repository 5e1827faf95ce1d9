import CodeCache
import Foundation
import V8

/// What a kind of realm is made of: extensions installed in order.
///
/// It gives the one bootstrap
/// script that installs them, the global names of their host functions, its hash, and its startup
/// snapshot.
///
/// Guarantees: the bootstrap collects the host functions and natives from the global object and
/// deletes them there before any extension runs, hands each extension only its own, and evaluates
/// to every script's exported functions by script name. The snapshot holds only this
/// runtime, never user code; it is keyed on `hash` and on the Caper build (`ExecutableIdentity`:
/// a snapshot names the shim's native functions by position), stored in the engine's ABI
/// directory of the code cache, which names the V8 build and flags, and validated like any entry
/// before V8 sees it.
public struct RealmTemplate: Sendable {
  public let name: String
  public let extensions: [Extension]
  /// Whether its realms' globals admit only their own code and admitted realms (page realms).
  public let guarded: Bool

  /// A template of `extensions` after the primordials (always first: they are captured before any
  /// other script runs).
  public init(name: String, extensions: [Extension], guarded: Bool = false) {
    self.name = name
    self.extensions = [Extension.primordials] + extensions
    self.guarded = guarded
    let all = self.extensions
    identity = Identity { Self.hash(name: name, extensions: all) }
  }

  /// The global name of an extension's host function while the realm starts.
  static func globalName(_ extensionName: String, _ function: String) -> String {
    "__caperHost_\(extensionName)_\(function)"
  }

  /// Every host function, as `(key "<extension>.<name>", global name)`, in the order of their ids.
  var hostFunctions: [(key: String, global: String)] {
    extensions.flatMap { e in e.hostFunctions.map { ("\(e.name).\($0)", Self.globalName(e.name, $0)) } }
  }

  /// Every native, once each, by global name.
  var natives: [(global: String, native: Extension.Native)] {
    var seen = Set<String>()
    var list: [(String, Extension.Native)] = []
    for e in extensions {
      for native in e.natives where seen.insert(native.name).inserted {
        list.append(("__caperNative_\(native.name)", native))
      }
    }
    return list
  }

  /// The script that installs the extensions.
  public var bootstrap: (source: String, filename: String) {
    var text = """
      (() => {
        'use strict';
        const globals = Object.create(null);
        for (const key of Object.getOwnPropertyNames(globalThis)) {
          if (key.startsWith('__caperHost_') || key.startsWith('__caperNative_')) { globals[key] = globalThis[key]; delete globalThis[key]; }
        }
        const runtime = Object.create(null);
        const install = (name, host, script) => { runtime[name] = script(Object.freeze(host), runtime) || {}; };

      """
    for e in extensions {
      let entries =
        e.hostFunctions.map { "\($0): globals['\(Self.globalName(e.name, $0))']" }
        + e.natives.map { "\($0.name): globals['__caperNative_\($0.name)']" }
      for script in e.scripts {
        text += "  install('\(script.name)', { \(entries.joined(separator: ", ")) }, (\n\(script.source)\n  ));\n"
      }
    }
    // What Swift calls: the exported functions of the scripts it calls.
    let calledFromSwift = extensions.flatMap(\.scripts).filter(\.calledFromSwift).map { "'\($0.name)'" }.joined(separator: ", ")
    text += """
        const entries = Object.create(null);
        for (const name of [\(calledFromSwift)]) {
          const functions = entries[name] = Object.create(null);
          for (const key of Object.keys(runtime[name])) if (typeof runtime[name][key] === 'function') functions[key] = runtime[name][key];
        }
        return entries;
      })()

      """
    return (text, "caper:\(name)-runtime.js")
  }

  /// SHA-256 of the extensions (names, host functions, natives, scripts), in hex.
  public var hash: String { identity.hash }

  /// The hash, computed once per template (a page realm's template is asked for it at every page).
  private let identity: Identity

  /// Holds the template's hash once computed.
  private final class Identity: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    private let compute: @Sendable () -> String

    init(_ compute: @escaping @Sendable () -> String) { self.compute = compute }

    var hash: String {
      lock.withLock {
        if let value { return value }
        let made = compute()
        value = made
        return made
      }
    }
  }

  private static func hash(name: String, extensions: [Extension]) -> String {
    var hasher = SHA256()
    hasher.update(Array("template \(name)\n".utf8))
    for e in extensions {
      hasher.update(
        Array(
          "extension \(e.name)\n\(e.hostFunctions.joined(separator: ","))\n\(e.natives.map(\.name).joined(separator: ","))\n".utf8
        ))
      for script in e.scripts { hasher.update(Array("script \(script.name) \(script.calledFromSwift)\n\(script.source)\n".utf8)) }
    }
    return SHA256.hex(hasher.finish())
  }

  // MARK: The startup snapshot

  /// The snapshot's entry: these runtimes, in order, and this build of Caper.
  static func snapshotKey(_ templates: [RealmTemplate]) -> CodeCacheKey {
    let names = templates.map { "\($0.name) \($0.hash)" }.joined(separator: " + ")
    return CodeCacheKey(kind: .snapshot, source: "caper \(names) runtime snapshot \(ExecutableIdentity.current)")
  }

  /// One snapshot context: the host functions, natives and the bootstrap.
  var snapshotContext: StartupSnapshot.ContextSpec {
    var spec = StartupSnapshot.ContextSpec(hostFunctions: hostFunctions.map(\.global), scripts: [bootstrap], guarded: guarded)
    // Natives under their global names: defined as functions the bootstrap collects.
    for (global, native) in natives {
      switch native {
      case .clock: spec.clock = global
      case .microtaskCheckpoint: spec.microtasks = global
      case .arrayBufferDetach: spec.arrayBufferDetach = global
      }
    }
    return spec
  }

  /// The stored snapshot of this template alone (context 0); see `snapshot(of:store:log:)`.
  public func snapshot(store: (any CodeCacheStore)?, log: (@Sendable (String) -> Void)? = nil) -> StartupSnapshot? {
    Self.snapshot(of: [self], store: store, log: log)
  }

  /// The stored snapshot holding one context per template, in order (an isolate's support realm
  /// at 0 and the page realms made beside it after); when there is none, one is made and stored
  /// (tens of milliseconds, once per Caper build and engine).
  ///
  /// Nil without a store or when it cannot be made.
  public static func snapshot(
    of templates: [RealmTemplate], store: (any CodeCacheStore)?, log: (@Sendable (String) -> Void)? = nil
  )
    -> StartupSnapshot?
  {
    guard let store else { return nil }
    let key = snapshotKey(templates)
    let functions = templates.map { $0.hostFunctions.map(\.global) }
    if let bytes = store.load(key) {
      log?("snapshot: \(bytes.count >> 10) KiB from the cache")
      return StartupSnapshot(bytes: bytes, hostFunctions: functions)
    }
    let started = ContinuousClock.now
    do {
      let made = try StartupSnapshot.make(contexts: templates.map(\.snapshotContext))
      store.store(key, made.bytes)
      log?(
        String(format: "snapshot: made (%d KiB) in %.1f ms", made.bytes.count >> 10, (ContinuousClock.now - started).milliseconds)
      )
      return made
    } catch {
      log?("snapshot: not made: \(error)")
      return nil
    }
  }

  /// The snapshot stored under `root` for the engine's ABI directory `abi`, looked at without
  /// touching the cache (`caper cache path|stats`).
  public func storedSnapshot(root: String, abi: CodeCacheABI) -> StartupSnapshot? {
    Self.storedSnapshot(of: [self], root: root, abi: abi)
  }

  /// The snapshot of `templates` (one context each, in order) stored under `root`, looked at
  /// without touching the cache.
  public static func storedSnapshot(of templates: [RealmTemplate], root: String, abi: CodeCacheABI) -> StartupSnapshot? {
    DiskCodeCache.peek(root: root, abi: abi, key: snapshotKey(templates)).map { bytes in
      StartupSnapshot(bytes: bytes, hostFunctions: templates.map { $0.hostFunctions.map(\.global) })
    }
  }

  /// A snapshot's identity (XXH64 of its bytes, in hex): the caches made under it are kept in an
  /// ABI directory named with it, since two makings of a snapshot differ.
  public static func identity(of snapshot: StartupSnapshot) -> String {
    String(format: "%016llx", Checksum.xxh64(snapshot.bytes))
  }
}
