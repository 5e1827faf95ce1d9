import Gherkin

/// The tables `--i18n-languages` and `--i18n-keywords` print, as cucumber-js lays them out.
enum Languages {
  static func table() -> String {
    let rows = GherkinDialect.languages.compactMap { code in GherkinDialect.named(code).map { (code, $0.name, $0.native) } }
    let widths = (rows.map(\.0.count).max() ?? 0, rows.map(\.1.count).max() ?? 0)
    return rows.map { code, name, native in
      "\(code.padding(toLength: widths.0, withPad: " ", startingAt: 0)) | \(name.padding(toLength: widths.1, withPad: " ", startingAt: 0)) | \(native)"
    }.joined(separator: "\n")
  }

  static func keywords(_ language: String) -> String? {
    guard let d = GherkinDialect.named(language) else { return nil }
    let rows: [(String, [String])] = [
      ("Feature", d.feature), ("Rule", d.rule), ("Background", d.background), ("Scenario", d.scenario),
      ("Scenario Outline", d.scenarioOutline), ("Examples", d.examples), ("Given", d.given), ("When", d.when),
      ("Then", d.then), ("And", d.and), ("But", d.but),
    ]
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { label, words in
      "\(label.padding(toLength: width, withPad: " ", startingAt: 0)) | \(words.map { "\"\($0)\"" }.joined(separator: ", "))"
    }.joined(separator: "\n")
  }
}
