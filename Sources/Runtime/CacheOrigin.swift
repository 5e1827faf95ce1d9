import V8

/// Whether a consumed code cache keeps the name of the script that produced it.
///
/// V8 10.2 (the
/// libnode of Debian bookworm) does: after a hit, stack traces and module referrers name the
/// producing file. Newer V8 resets the name from the compile's own origin. Probed once, with
/// real V8, so the cache key follows the engine Caper runs on.
enum CacheOrigin {
  static let keepsProducerName: Bool = {
    do {
      let isolate = try Isolate()
      return try isolate.sync {
        let body = "return new Error('probe').stack"
        let producer = try isolate.makeContext()
        let made = try producer.compileFunction(body, filename: "caper-probe-producer.js", parameters: [])
        _ = try producer.call(made.function, [])
        let cache = try made.function.createFunctionCache()
        let consumer = try isolate.makeContext()
        let used = try consumer.compileFunction(body, filename: "caper-probe-consumer.js", parameters: [], cachedData: cache)
        guard !used.cacheRejected else { return true }
        let stack = try consumer.call(used.function, []).stringValue ?? ""
        return !stack.contains("caper-probe-consumer.js")
      }
    } catch {
      return true  // unknown: keep names in keys (always correct)
    }
  }()
}
