import Foundation
import Runtime
import V8
import Yams

/// The project's configuration file, loaded as cucumber-js loads it.
///
/// The file is `--config FILE`, or the first of `caper.json`, `caper.yaml`, `caper.yml`, and a
/// cucumber-js project's `cucumber.json`, `cucumber.yaml`, `cucumber.yml`, `cucumber.js`,
/// `cucumber.cjs`, `cucumber.mjs` that exists. JavaScript runs in a realm with the
/// Node-compatible runtime (`process`, `require`, `import`, so `process.env.CI ? ... : ...` and
/// dotenv work): a CommonJS file's `module.exports` holds the profiles; in an ES module (`.mjs`,
/// or `.js` in a `"type": "module"` package) the default export is the `default` profile and named
/// exports are the others (an older file's `export default { default: ..., ci: ... }` is read as
/// the profiles). A `default` that is a function (maybe async) is called for the profiles. A
/// profile is an object of options or, as in older configurations, a string of command-line
/// options split as a shell splits them.
enum ConfigurationFile {
  /// Caper's own names, then cucumber-js's in its order (src/configuration/locate_file.ts).
  static let names = [
    "caper.json", "caper.yaml", "caper.yml", "cucumber.js", "cucumber.cjs", "cucumber.mjs", "cucumber.json", "cucumber.yaml",
    "cucumber.yml",
  ]

  /// The merged profiles (`default` when `profiles` is empty); nil when there is no file.
  static func load(
    in directory: String, file: String? = nil, profiles: [String], parseArguments: ([String]) throws -> RunConfiguration
  ) throws -> RunConfiguration? {
    let name: String
    if let file {
      guard FileManager.default.fileExists(atPath: file.hasPrefix("/") ? file : directory + "/" + file) else {
        throw CommandFailure(message: "caper: --config \(file): no such file", status: ExitStatus.usage)
      }
      name = file
    } else {
      guard let found = names.first(where: { FileManager.default.fileExists(atPath: directory + "/" + $0) }) else {
        if let profile = profiles.first {
          throw CommandFailure(
            message: "caper: --profile \(profile): there is no configuration file (\(names.joined(separator: ", ")))",
            status: ExitStatus.usage)
        }
        return nil
      }
      name = found
    }
    let path = name.hasPrefix("/") ? name : directory + "/" + name
    let all = try read(path, name: name)
    var configuration = RunConfiguration()
    for profile in profiles.isEmpty ? ["default"] : profiles {
      guard let value = all[profile] else {
        if profiles.isEmpty { continue }
        throw CommandFailure(
          message: "caper: \(name): no profile '\(profile)' (profiles: \(all.keys.sorted().joined(separator: ", ")))",
          status: ExitStatus.usage)
      }
      if let text = value as? String {
        let words: [String]
        do { words = try ShellWords.split(text) } catch {
          throw CommandFailure(message: "caper: \(name): profile '\(profile)': \(error)", status: ExitStatus.usage)
        }
        configuration.merge(try parseArguments(words))
      } else if let object = value as? [String: Any] {
        configuration.merge(try RunConfiguration(profile: object, named: profile, file: name))
      } else {
        throw CommandFailure(
          message: "caper: \(name): profile '\(profile)' must be an object or a string of options", status: ExitStatus.usage)
      }
    }
    return configuration
  }

  static func read(_ path: String, name: String) throws -> [String: Any] {
    func fail(_ why: String) -> CommandFailure { CommandFailure(message: "caper: \(name): \(why)", status: ExitStatus.usage) }
    guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot be read") }
    let value: Any?
    if name.hasSuffix(".json") {
      do { value = try JSONSerialization.jsonObject(with: data) } catch {
        throw fail("not valid JSON (\(error.localizedDescription))")
      }
    } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      do { value = try Yams.load(yaml: String(decoding: data, as: UTF8.self)) } catch { throw fail("not valid YAML (\(error))") }
    } else if [".js", ".cjs", ".mjs"].contains(where: name.hasSuffix) {
      value = try profiles(ofJavaScript: path)
    } else {
      throw fail("Caper reads .json, .yaml, .yml, .js, .cjs and .mjs configuration files")
    }
    guard let profiles = value as? [String: Any] else { throw fail("must hold an object of profiles") }
    return profiles
  }

  /// The profiles a JavaScript configuration exports (see the type's rules), as JSON values.
  static func profiles(ofJavaScript path: String) throws -> [String: Any] {
    let node = NodeRuntime(console: Console.standardStreams)
    let realm = try Realm(template: RealmTemplate(name: "configuration", extensions: [NodeRuntime.extension])) {
      node.hostFunctions(for: $0)
    }
    try node.start(environment: ProcessInfo.processInfo.environment, arguments: CommandLine.arguments)
    let (exported, isModule) = try node.importFile(path)
    var definitions = entries(of: exported)
    if isModule, definitions.count == 1, let only = definitions["default"], case .object(let object) = only,
      !object.keys.contains(where: RunConfiguration.keys.contains), !object.keys.isEmpty
    {
      // cucumber-js 7 to 9: `export default { default: ..., ci: ... }`.
      definitions = entries(of: only)
    }
    if case .function(let make)? = definitions["default"] {
      var made = try realm.context.call(make, [])
      if case .promise = made {
        let deadline = ContinuousClock.now + .seconds(30)
        made = try realm.context.isolate.sync {
          try realm.context.awaitPromise(made, timeout: .seconds(30)) { try realm.pump(until: deadline) }
        }
      }
      definitions["default"] = nil
      definitions.merge(entries(of: made)) { $1 }
    }
    var profiles: [String: Any] = [:]
    for (name, value) in definitions {
      guard let json = value.jsonText,
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
      else { continue }
      profiles[name] = object
    }
    return profiles
  }

  private static func entries(of value: JSValue) -> [String: JSValue] {
    guard case .object(let object) = value else { return [:] }
    return Dictionary(object.entries, uniquingKeysWith: { $1 })
  }
}
