import CodeCache
import V8

/// What realms start from and compile through: the code cache's store (shared by the workers of
/// a process, maybe backed by disk) and the template's startup snapshot.
public struct RealmCaches: Sendable {
  /// Every script compiles through it (see `ScriptLoader`); nil: no code cache.
  public var store: (any CodeCacheStore)?
  /// The isolate's startup snapshot; nil: the runtime's scripts run in each realm.
  public var snapshot: StartupSnapshot?
  /// The hashes of the templates whose contexts the snapshot holds, by context index; empty when
  /// the snapshot holds the one template of the realms made with these caches.
  public var snapshotTemplates: [String]

  public init(store: (any CodeCacheStore)? = nil, snapshot: StartupSnapshot? = nil, templates: [RealmTemplate] = []) {
    self.store = store
    self.snapshot = snapshot
    self.snapshotTemplates = templates.map(\.hash)
  }

  /// The snapshot context index of `template`, when the snapshot holds it.
  func snapshotIndex(of template: RealmTemplate, assumingFirst: Bool) -> Int? {
    guard snapshot != nil else { return nil }
    if snapshotTemplates.isEmpty { return assumingFirst ? 0 : nil }
    return snapshotTemplates.firstIndex(of: template.hash)
  }
}
