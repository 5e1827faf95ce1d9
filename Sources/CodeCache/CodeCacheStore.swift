/// Where produced code caches are kept: in memory for one process, on disk across runs.
///
/// Guarantees: `load` returns bytes exactly as stored by `store` for the same key, or nil (a
/// counted miss); never a partial or corrupt payload. Safe to call from any thread.
public protocol CodeCacheStore: AnyObject, Sendable {
  func load(_ key: CodeCacheKey) -> [UInt8]?
  func store(_ key: CodeCacheKey, _ payload: [UInt8])
  /// V8 refused the cache loaded for `key`: forget it, so the next store replaces it.
  func reject(_ key: CodeCacheKey)
  var statistics: CodeCacheStatistics { get }
  /// Where the keys of unchanged files are remembered (nil where nothing outlives the process).
  var fileDigests: FileDigests? { get }
}
