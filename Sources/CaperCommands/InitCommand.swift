import ArgumentParser
import Foundation

/// `caper init [--esm] [FOLDER]`: writes a starter cucumber-js-style project that `caper run`
/// passes at once, and says what to do next.
///
/// It writes a feature, its step definitions (CommonJS, or ES modules with `--esm`), a
/// `cucumber.json` with a `default` profile, and a `.gitignore` line for the reports; it never
/// overwrites a file (one that exists is an error naming it, and nothing is written).
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Write a starter project (a feature, steps, cucumber.json) that caper run passes.")

  @Flag(help: "Write the step definitions as an ES module (a .mjs file with import).")
  var esm = false

  @Argument(help: "The folder to write it in (default: the current folder).")
  var folder: String = "."

  static let feature = """
    Feature: Greeting
      As a new Caper user
      I want a first scenario that passes
      So that I can grow the suite from here

      Scenario: Greeting someone by name
        Given a person named "Ada"
        When I greet them
        Then the greeting is "Hello, Ada!"

      Scenario Outline: Greeting in another language
        Given a person named "<name>"
        When I greet them in <language>
        Then the greeting is "<greeting>"

        Examples:
          | name  | language | greeting     |
          | Grace | French   | Bonjour, Grace ! |
          | Linus | German   | Hallo, Linus!    |

    """

  static func steps(esm: Bool) -> String {
    let header =
      esm
      ? "import { Given, When, Then } from '@cucumber/cucumber';\nimport assert from 'node:assert/strict';\n"
      : "const { Given, When, Then } = require('@cucumber/cucumber');\nconst assert = require('node:assert/strict');\n"
    return header + """

      const greetings = { English: 'Hello, NAME!', French: 'Bonjour, NAME !', German: 'Hallo, NAME!' };

      Given('a person named {string}', function (name) {
        this.name = name;
      });

      When('I greet them', function () {
        this.greeting = greetings.English.replace('NAME', this.name);
      });

      When('I greet them in {word}', function (language) {
        this.greeting = greetings[language].replace('NAME', this.name);
      });

      Then('the greeting is {string}', function (expected) {
        assert.equal(this.greeting, expected);
      });

      """
  }

  static let configurationFile = """
    {
      "default": {
        "paths": ["features/**/*.feature"],
        "format": ["progress", "html:reports/cucumber.html", "junit:reports/junit.xml"]
      }
    }

    """

  func run() throws {
    let root = URL(fileURLWithPath: folder)
    // CommonJS steps in a `"type": "module"` package are a .cjs file, as Node reads .js there as
    // an ES module.
    let manifest = (try? Data(contentsOf: root.appendingPathComponent("package.json")))
      .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    let suffix = esm ? "mjs" : manifest?["type"] as? String == "module" ? "cjs" : "js"
    var files: [(String, String)] = [
      ("features/greeting.feature", Self.feature),
      ("features/step_definitions/greeting_steps.\(suffix)", Self.steps(esm: esm)),
      ("cucumber.json", Self.configurationFile),
    ]
    let fm = FileManager.default
    for (name, _) in files where fm.fileExists(atPath: root.appendingPathComponent(name).path) {
      throw CommandFailure(
        message: "caper: init: \(root.appendingPathComponent(name).path) exists; nothing was written", status: ExitStatus.usage)
    }
    let ignore = root.appendingPathComponent(".gitignore")
    let ignored = (try? String(contentsOf: ignore, encoding: .utf8)) ?? ""
    if !ignored.split(separator: "\n").contains("reports/") {
      files.append((".gitignore", ignored + (ignored.isEmpty || ignored.hasSuffix("\n") ? "" : "\n") + "reports/\n"))
    }
    for (name, text) in files {
      let url = root.appendingPathComponent(name)
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
      print("wrote \(name)")
    }
    let place = folder == "." ? "" : "cd \(folder)\n  "
    print(
      """

      Next:
        \(place)caper run                  # runs features/ with the steps beside them: 3 scenarios pass
        caper run --format pretty    # each scenario with its steps
        open reports/cucumber.html   # the html report; reports/junit.xml is for CI

      Write scenarios in features/*.feature and their steps in features/step_definitions/;
      a step without a definition gets a snippet to paste.
      """)
  }
}
