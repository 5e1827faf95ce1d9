import Messages

/// Compiles a `GherkinDocument` into pickles: one per scenario and per examples row, with the
/// feature's and rule's backgrounds prepended, tags inherited (feature, rule, scenario, examples)
/// and `<placeholders>` filled in from the row.
public struct PickleCompiler {
  private let ids: IdGenerator

  public init(ids: IdGenerator) { self.ids = ids }

  public func compile(_ document: GherkinDocument) -> [Pickle] {
    guard let feature = document.feature, let uri = document.uri else { return [] }
    var pickles: [Pickle] = []
    var backgroundSteps: [Step] = []
    for child in feature.children {
      if let background = child.background {
        backgroundSteps += background.steps
      } else if let rule = child.rule {
        var ruleBackground = backgroundSteps
        for ruleChild in rule.children {
          if let background = ruleChild.background {
            ruleBackground += background.steps
          } else if let scenario = ruleChild.scenario {
            compile(
              scenario, tags: feature.tags + rule.tags, background: ruleBackground, language: feature.language, uri: uri,
              into: &pickles)
          }
        }
      } else if let scenario = child.scenario {
        compile(scenario, tags: feature.tags, background: backgroundSteps, language: feature.language, uri: uri, into: &pickles)
      }
    }
    return pickles
  }

  private func compile(
    _ scenario: Scenario, tags: [Tag], background: [Step], language: String, uri: String, into pickles: inout [Pickle]
  ) {
    if scenario.examples.isEmpty {
      var type: StepKeywordType = .unknown
      var steps: [PickleStep] = []
      if !scenario.steps.isEmpty {
        for step in background + scenario.steps {
          type = step.keywordType == .conjunction ? type : (step.keywordType ?? .unknown)
          steps.append(pickleStep(step, type: type, astNodeIds: [step.id], variables: [], values: []))
        }
      }
      pickles.append(
        Pickle(
          id: ids.next(), uri: uri, location: scenario.location, name: scenario.name, language: language,
          steps: steps, tags: pickleTags(tags + scenario.tags), astNodeIds: [scenario.id]))
      return
    }
    for examples in scenario.examples {
      guard let header = examples.tableHeader else { continue }
      let variables = header.cells.map(\.value)
      for row in examples.tableBody {
        let values = row.cells.map(\.value)
        var type: StepKeywordType = .unknown
        var steps: [PickleStep] = []
        if !scenario.steps.isEmpty {
          for step in background {
            type = step.keywordType == .conjunction ? type : (step.keywordType ?? .unknown)
            steps.append(pickleStep(step, type: type, astNodeIds: [step.id], variables: [], values: []))
          }
          for step in scenario.steps {
            type = step.keywordType == .conjunction ? type : (step.keywordType ?? .unknown)
            steps.append(pickleStep(step, type: type, astNodeIds: [step.id, row.id], variables: variables, values: values))
          }
        }
        pickles.append(
          Pickle(
            id: ids.next(), uri: uri, location: row.location,
            name: interpolate(scenario.name, variables, values), language: language, steps: steps,
            tags: pickleTags(tags + scenario.tags + examples.tags), astNodeIds: [scenario.id, row.id]))
      }
    }
  }

  private func pickleStep(
    _ step: Step, type: StepKeywordType, astNodeIds: [String], variables: [String], values: [String]
  ) -> PickleStep {
    var argument: PickleStepArgument?
    if step.docString != nil || step.dataTable != nil {
      var arg = PickleStepArgument()
      if let docString = step.docString {
        arg.docString = PickleDocString(
          mediaType: docString.mediaType.map { interpolate($0, variables, values) },
          content: interpolate(docString.content, variables, values))
      }
      if let table = step.dataTable {
        arg.dataTable = PickleTable(
          rows: table.rows.map { row in
            PickleTableRow(cells: row.cells.map { PickleTableCell(value: interpolate($0.value, variables, values)) })
          })
      }
      // With both, each argument says where it stood (Gherkin 42's argumentIndex).
      if let docString = step.docString, let table = step.dataTable {
        let docFirst = docString.location.line < table.location.line
        arg.docString?.argumentIndex = docFirst ? 1 : 2
        arg.dataTable?.argumentIndex = docFirst ? 2 : 1
      }
      argument = arg
    }
    return PickleStep(
      argument: argument, astNodeIds: astNodeIds, id: ids.next(),
      type: Self.pickleType(type),
      text: interpolate(step.text, variables, values))
  }

  static func pickleType(_ type: StepKeywordType) -> PickleStepType {
    switch type {
    case .context: return .context
    case .action: return .action
    case .outcome: return .outcome
    case .unknown, .conjunction: return .unknown
    }
  }

  /// `<name>` replaced by the row's value for `name`.
  ///
  /// Upstream replaces one variable after the
  /// other; one pass gives the same text unless a value itself contains `<`, which takes the
  /// upstream way.
  private func interpolate(_ text: String, _ variables: [String], _ values: [String]) -> String {
    guard !variables.isEmpty, text.utf8.contains(UInt8(ascii: "<")) else { return text }
    if values.contains(where: { $0.utf8.contains(UInt8(ascii: "<")) }) {
      var text = text
      for (variable, value) in zip(variables, values) {
        text = text.replacingOccurrences("<\(variable)>", with: value)
      }
      return text
    }
    var result = ""
    var rest = Substring(text)
    while let open = rest.utf8.firstIndex(of: UInt8(ascii: "<")) {
      guard let close = rest.utf8[open...].firstIndex(of: UInt8(ascii: ">")) else { break }
      let name = rest[rest.utf8.index(after: open)..<close]
      if let i = variables.firstIndex(where: { $0 == name }) {
        result += rest[..<open]
        result += values[i]
        rest = rest[rest.utf8.index(after: close)...]
      } else {
        result += rest[...open]
        rest = rest[rest.utf8.index(after: open)...]
      }
    }
    return result + rest
  }

  private func pickleTags(_ tags: [Tag]) -> [PickleTag] {
    tags.map { PickleTag(name: $0.name, astNodeId: $0.id) }
  }
}
