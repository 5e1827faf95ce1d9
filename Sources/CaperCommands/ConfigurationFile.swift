import Foundation
import V8
import Yams

/// The project's configuration file: `caper.json`, `caper.yaml`, `caper.yml`, or a cucumber-js
/// project's `cucumber.json`, `cucumber.yaml`, `cucumber.yml`, `cucumber.js`, `cucumber.cjs`,
/// `cucumber.mjs` (JavaScript is evaluated in V8), the first that exists.
///
/// It holds named profiles;
/// `default` applies when no `--profile` is given. A profile is an object of options or, as in
/// older cucumber-js configurations, a string of command-line options.
enum ConfigurationFile {
  static let names = [
    "caper.json", "caper.yaml", "caper.yml", "cucumber.json", "cucumber.yaml", "cucumber.yml", "cucumber.js", "cucumber.cjs",
    "cucumber.mjs",
  ]

  /// The merged profiles (`default` when `profiles` is empty); nil when there is no file.
  static func load(in directory: String, profiles: [String], parseArguments: ([String]) throws -> RunConfiguration) throws
    -> RunConfiguration?
  {
    guard let name = names.first(where: { FileManager.default.fileExists(atPath: directory + "/" + $0) }) else {
      if let profile = profiles.first {
        throw CommandFailure(
          message: "caper: --profile \(profile): there is no configuration file (\(names.joined(separator: ", ")))",
          status: ExitStatus.usage)
      }
      return nil
    }
    let path = directory + "/" + name
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
        configuration.merge(try parseArguments(text.split(whereSeparator: \.isWhitespace).map(String.init)))
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
    let text = String(decoding: data, as: UTF8.self)
    let value: Any?
    if name.hasSuffix(".json") {
      do { value = try JSONSerialization.jsonObject(with: data) } catch {
        throw fail("not valid JSON (\(error.localizedDescription))")
      }
    } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      do { value = try Yams.load(yaml: text) } catch { throw fail("not valid YAML (\(error))") }
    } else {
      value = try evaluate(text, path: path, module: name.hasSuffix(".mjs"))
    }
    guard let profiles = value as? [String: Any] else { throw fail("must hold an object of profiles") }
    return profiles
  }

  /// What a JavaScript configuration exports (`module.exports` or `export default`), as JSON.
  static func evaluate(_ source: String, path: String, module: Bool) throws -> Any? {
    do {
      let context = try Isolate().makeContext()
      var exported: JSValue
      if module {
        let compiled = try context.compileModule(source, filename: path)
        _ = try context.awaitPromise(try compiled.evaluate())
        exported = try compiled.namespace()["default"]
      } else {
        let body = try context.compileFunction(source, filename: path, parameters: ["module", "exports"])
        guard
          case .function(let run) = try context.evaluate(
            "(body) => { const module = { exports: {} }; body(module, module.exports); return module.exports; }")
        else { return nil }
        exported = try context.call(run, [.function(body.function)])
      }
      if case .promise = exported { exported = try context.awaitPromise(exported) }
      guard let json = exported.jsonText else { return nil }
      return try JSONSerialization.jsonObject(with: Data(json.utf8))
    } catch let error as JSError {
      throw CommandFailure(message: "caper: \(error)", status: ExitStatus.usage)
    }
  }
}
