import Foundation

/// The keywords of one spoken language (from cucumber/gherkin's `gherkin-languages.json`, 80
/// languages, loaded once from this module's resources).
public struct GherkinDialect: Sendable {
  public let language: String
  public let name: String
  public let native: String
  public let feature: [String]
  public let rule: [String]
  public let background: [String]
  public let scenario: [String]
  public let scenarioOutline: [String]
  public let examples: [String]
  public let given: [String]
  public let when: [String]
  public let then: [String]
  public let and: [String]
  public let but: [String]

  /// Every step keyword once, longest first (ties in Gherkin's order: given, when, then, and,
  /// but), with the kinds it belongs to (`* ` belongs to all).
  public let stepKeywords: [(keyword: String, kinds: [StepKind])]

  /// The dialect for an ISO code such as `en` or `fr`, nil when Gherkin has none.
  public static func named(_ language: String) -> GherkinDialect? { Languages.shared.dialects[language] }

  /// Every language code, sorted.
  public static var languages: [String] { Languages.shared.dialects.keys.sorted() }

  public static let english = named("en")!

  /// A step keyword's kind, as the Gherkin AST names it.
  public enum StepKind: String, Sendable {
    case unknown = "Unknown"
    case context = "Context"
    case action = "Action"
    case outcome = "Outcome"
    case conjunction = "Conjunction"
  }

  init(language: String, json: [String: Any]) {
    func list(_ key: String) -> [String] { json[key] as? [String] ?? [] }
    self.language = language
    name = json["name"] as? String ?? language
    native = json["native"] as? String ?? language
    feature = list("feature")
    rule = list("rule")
    background = list("background")
    scenario = list("scenario")
    scenarioOutline = list("scenarioOutline")
    examples = list("examples")
    given = list("given")
    when = list("when")
    then = list("then")
    and = list("and")
    but = list("but")
    var kinds: [String: [StepKind]] = [:]
    var order: [String] = []
    for (keywords, kind) in [
      (given, StepKind.context), (when, .action), (then, .outcome), (and, .conjunction), (but, .conjunction),
    ] {
      for keyword in keywords {
        if kinds[keyword] == nil { order.append(keyword) }
        kinds[keyword, default: []].append(kind)
      }
    }
    let longestFirst = order.enumerated().sorted { a, b in
      let (la, lb) = (a.element.unicodeScalars.count, b.element.unicodeScalars.count)
      return la != lb ? la > lb : a.offset < b.offset
    }
    stepKeywords = longestFirst.map { ($0.element, kinds[$0.element]!) }
  }
}

/// All dialects, read once from the bundled `gherkin-languages.json`.
private final class Languages: Sendable {
  static let shared = Languages()
  let dialects: [String: GherkinDialect]

  init() {
    guard let url = Bundle.module.url(forResource: "gherkin-languages", withExtension: "json"),
      let data = try? Data(contentsOf: url),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
    else {
      fatalError("Caper's bundled gherkin-languages.json is missing or unreadable")
    }
    var dialects: [String: GherkinDialect] = [:]
    for (language, entry) in json { dialects[language] = GherkinDialect(language: language, json: entry) }
    self.dialects = dialects
  }
}
