import CodeCache
import V8

/// What realms start from and compile through: the code cache's store (shared by the workers of
/// a process, maybe backed by disk) and the template's startup snapshot.
public struct RealmCaches: Sendable {
  /// Every script compiles through it (see `ScriptLoader`); nil: no code cache.
  public var store: (any CodeCacheStore)?
  /// The realm template's startup snapshot; nil: the runtime's scripts run in each realm.
  public var snapshot: StartupSnapshot?

  public init(store: (any CodeCacheStore)? = nil, snapshot: StartupSnapshot? = nil) {
    self.store = store
    self.snapshot = snapshot
  }
}
