/// Gherkin's grammar (the public `gherkin.berp` of cucumber/gherkin 42), as data.
///
/// The parser's
/// states, their order of checks and the "expected:" lists of its errors all derive from it
/// (`ParserStates`), the way cucumber's generated parsers derive from the same file.
///
///     GherkinDocument! := Feature?
///     Feature! := FeatureHeader Background? ScenarioDefinition* Rule*
///     FeatureHeader! := #Language? Tags? #FeatureLine DescriptionHelper
///     Rule! := RuleHeader Background? ScenarioDefinition*
///     RuleHeader! := Tags? #RuleLine DescriptionHelper
///     Background! := #BackgroundLine DescriptionHelper Step*
///     ScenarioDefinition! [#Empty|#Comment|#TagLine->#ScenarioLine] := Tags? Scenario
///     Scenario! := #ScenarioLine DescriptionHelper Step* ExamplesDefinition*
///     ExamplesDefinition! [#Empty|#Comment|#TagLine->#ExamplesLine] := Tags? Examples
///     Examples! := #ExamplesLine DescriptionHelper ExamplesTable?
///     ExamplesTable! := #TableRow #TableRow*
///     Step! := #StepLine StepArg?
///     StepArg := (DataTable DocString? | DocString DataTable?)
///     DataTable! := #TableRow+
///     DocString! := #DocStringSeparator #Other* #DocStringSeparator
///     Tags! := #TagLine+
///     DescriptionHelper := #Empty* Description?
///     Description! := (#Other | #Comment)+
///
/// `!` marks rules that make an AST node; `[skip->target]` is a look-ahead hint that decides
/// whether a tag line belongs to the rule.
enum Grammar {
  /// The rules that make AST nodes (and the helper rules, which do not).
  enum RuleType: String, Sendable {
    case gherkinDocument = "GherkinDocument"
    case feature = "Feature"
    case featureHeader = "FeatureHeader"
    case rule = "Rule"
    case ruleHeader = "RuleHeader"
    case background = "Background"
    case scenarioDefinition = "ScenarioDefinition"
    case scenario = "Scenario"
    case examplesDefinition = "ExamplesDefinition"
    case examples = "Examples"
    case examplesTable = "ExamplesTable"
    case step = "Step"
    case stepArg = "StepArg"
    case dataTable = "DataTable"
    case docString = "DocString"
    case tags = "Tags"
    case descriptionHelper = "DescriptionHelper"
    case description = "Description"

    /// Helper rules group symbols but make no AST node.
    var makesNode: Bool { self != .stepArg && self != .descriptionHelper }
  }

  indirect enum Expression {
    case token(TokenType)
    case rule(RuleType)
    case sequence([Expression])
    case choice([Expression])
    case optional(Expression)
    case zeroOrMore(Expression)
    case oneOrMore(Expression)
  }

  struct Lookahead: Equatable {
    let skip: [TokenType]
    let target: TokenType
  }

  static let ignoredTokens: [TokenType] = [.comment, .empty]

  static func lookahead(of rule: RuleType) -> Lookahead? {
    switch rule {
    case .scenarioDefinition: return Lookahead(skip: [.empty, .comment, .tagLine], target: .scenarioLine)
    case .examplesDefinition: return Lookahead(skip: [.empty, .comment, .tagLine], target: .examplesLine)
    default: return nil
    }
  }

  static func body(of rule: RuleType) -> Expression {
    switch rule {
    case .gherkinDocument: return .optional(.rule(.feature))
    case .feature:
      return .sequence([
        .rule(.featureHeader), .optional(.rule(.background)), .zeroOrMore(.rule(.scenarioDefinition)),
        .zeroOrMore(.rule(.rule)),
      ])
    case .featureHeader:
      return .sequence([
        .optional(.token(.language)), .optional(.rule(.tags)), .token(.featureLine), .rule(.descriptionHelper),
      ])
    case .rule:
      return .sequence([.rule(.ruleHeader), .optional(.rule(.background)), .zeroOrMore(.rule(.scenarioDefinition))])
    case .ruleHeader: return .sequence([.optional(.rule(.tags)), .token(.ruleLine), .rule(.descriptionHelper)])
    case .background:
      return .sequence([.token(.backgroundLine), .rule(.descriptionHelper), .zeroOrMore(.rule(.step))])
    case .scenarioDefinition: return .sequence([.optional(.rule(.tags)), .rule(.scenario)])
    case .scenario:
      return .sequence([
        .token(.scenarioLine), .rule(.descriptionHelper), .zeroOrMore(.rule(.step)),
        .zeroOrMore(.rule(.examplesDefinition)),
      ])
    case .examplesDefinition: return .sequence([.optional(.rule(.tags)), .rule(.examples)])
    case .examples:
      return .sequence([.token(.examplesLine), .rule(.descriptionHelper), .optional(.rule(.examplesTable))])
    case .examplesTable: return .sequence([.token(.tableRow), .zeroOrMore(.token(.tableRow))])
    case .step: return .sequence([.token(.stepLine), .optional(.rule(.stepArg))])
    case .stepArg:
      return .choice([
        .sequence([.rule(.dataTable), .optional(.rule(.docString))]),
        .sequence([.rule(.docString), .optional(.rule(.dataTable))]),
      ])
    case .dataTable: return .oneOrMore(.token(.tableRow))
    case .docString:
      return .sequence([.token(.docStringSeparator), .zeroOrMore(.token(.other)), .token(.docStringSeparator)])
    case .tags: return .oneOrMore(.token(.tagLine))
    case .descriptionHelper: return .sequence([.zeroOrMore(.token(.empty)), .optional(.rule(.description))])
    case .description: return .oneOrMore(.choice([.token(.other), .token(.comment)]))
    }
  }
}
