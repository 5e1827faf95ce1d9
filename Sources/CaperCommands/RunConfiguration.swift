import Foundation

/// What a run is told, from a configuration profile or the command line; nil and empty mean
/// "not said".
///
/// Profiles and the command line merge the way cucumber-js merges them: lists are
/// appended, tag expressions joined with `and`, objects merged, and what is said later wins.
struct RunConfiguration {
  var paths: [String] = []
  var require: [String] = []
  var `import`: [String] = []
  var format: [String] = []
  var name: [String] = []
  var tags: [String] = []
  var formatOptions: [String: Any] = [:]
  var worldParameters: [String: Any] = [:]
  var strict: Bool?
  var retry: Int?
  var order: String?
  var dryRun: Bool?
  var failFast: Bool?
  /// Caper's own: a page's uncaught error fails the step it happened in.
  var failOnPageErrors: Bool?
  var retryTagFilter: String?
  var parallel: Int?
  var shard: String?
  var language: String?
  var backtrace: Bool?
  var forceExit: Bool?
  var requireModule: [String] = []
  var loader: [String] = []
  var plugin: [String] = []
  var pluginOptions: [String: Any] = [:]
  var publish: Bool?
  var publishQuiet: Bool?

  /// `later` said on top of this (a profile, then the command line).
  mutating func merge(_ later: RunConfiguration) {
    paths += later.paths
    require += later.require
    `import` += later.import
    format += later.format
    name += later.name
    tags += later.tags
    formatOptions.merge(later.formatOptions) { $1 }
    worldParameters.merge(later.worldParameters) { $1 }
    strict = later.strict ?? strict
    retry = later.retry ?? retry
    order = later.order ?? order
    dryRun = later.dryRun ?? dryRun
    failFast = later.failFast ?? failFast
    failOnPageErrors = later.failOnPageErrors ?? failOnPageErrors
    retryTagFilter = later.retryTagFilter ?? retryTagFilter
    parallel = later.parallel ?? parallel
    shard = later.shard ?? shard
    language = later.language ?? language
    backtrace = later.backtrace ?? backtrace
    forceExit = later.forceExit ?? forceExit
    requireModule += later.requireModule
    loader += later.loader
    plugin += later.plugin
    pluginOptions.merge(later.pluginOptions) { $1 }
    publish = later.publish ?? publish
    publishQuiet = later.publishQuiet ?? publishQuiet
  }

  static let keys: Set<String> = [
    "paths", "require", "import", "format", "formatOptions", "name", "tags", "strict", "retry", "order", "dryRun",
    "failFast", "failOnPageErrors", "retryTagFilter", "parallel", "shard", "language", "worldParameters", "backtrace",
    "forceExit", "requireModule",
    "loader", "plugin", "pluginOptions", "publish", "publishQuiet",
  ]

  /// A profile written as an object (JSON, YAML, or what a JavaScript config exports).
  init(profile: [String: Any], named profileName: String, file: String) throws {
    func fail(_ why: String) -> CommandFailure {
      CommandFailure(message: "caper: \(file): profile '\(profileName)': \(why)", status: ExitStatus.usage)
    }
    for key in profile.keys.sorted() where !Self.keys.contains(key) {
      throw fail("unknown key '\(key)' (known: \(Self.keys.sorted().joined(separator: ", ")))")
    }
    func strings(_ key: String) throws -> [String] {
      switch profile[key] {
      case nil: return []
      case let s as String: return [s]
      case let list as [Any]:
        return try list.map { item in
          if let s = item as? String { return s }
          if key == "format", let pair = item as? [Any], pair.count == 2, let n = pair[0] as? String, let f = pair[1] as? String {
            return "\(n):\(f)"
          }
          throw fail("'\(key)' takes strings")
        }
      default: throw fail("'\(key)' takes a string or a list of strings")
      }
    }
    func bool(_ key: String) throws -> Bool? {
      guard let value = profile[key] else { return nil }
      guard let b = value as? Bool else { throw fail("'\(key)' takes true or false") }
      return b
    }
    func int(_ key: String) throws -> Int? {
      guard let value = profile[key] else { return nil }
      // A JSON number that is not a whole number an Int holds (2.5, 1e300) is refused, not truncated.
      guard let n = value as? Int ?? (value as? NSNumber).flatMap({ Int(exactly: $0.doubleValue) }) else {
        throw fail("'\(key)' takes a whole number")
      }
      return n
    }
    func string(_ key: String) throws -> String? {
      guard let value = profile[key] else { return nil }
      guard let s = value as? String else { throw fail("'\(key)' takes a string") }
      return s
    }
    func object(_ key: String) throws -> [String: Any] {
      guard let value = profile[key] else { return [:] }
      guard let o = value as? [String: Any] else { throw fail("'\(key)' takes an object") }
      return o
    }
    paths = try strings("paths")
    require = try strings("require")
    `import` = try strings("import")
    format = try strings("format")
    name = try strings("name")
    tags = try strings("tags")
    formatOptions = try object("formatOptions")
    worldParameters = try object("worldParameters")
    strict = try bool("strict")
    retry = try int("retry")
    order = try string("order")
    dryRun = try bool("dryRun")
    failFast = try bool("failFast")
    failOnPageErrors = try bool("failOnPageErrors")
    retryTagFilter = try string("retryTagFilter")
    parallel = try int("parallel")
    shard = try string("shard")
    language = try string("language")
    backtrace = try bool("backtrace")
    forceExit = try bool("forceExit")
    requireModule = try strings("requireModule")
    loader = try strings("loader")
    plugin = try strings("plugin")
    pluginOptions = try object("pluginOptions")
    publish = try bool("publish")
    publishQuiet = try bool("publishQuiet")
  }

  init() {}
}
