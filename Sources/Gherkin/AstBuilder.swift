import Messages

/// Builds the `GherkinDocument` from the parser's rule events (start, end, token), the way
/// cucumber/gherkin's AST builders do, including the order in which ids are given out.
struct AstBuilder {
  private var stack: [AstNode] = [AstNode(nil)]
  private var comments: [Comment] = []
  private let ids: IdGenerator
  private let uri: String

  init(uri: String, ids: IdGenerator) {
    self.uri = uri
    self.ids = ids
  }

  private var current: AstNode { stack[stack.count - 1] }

  mutating func startRule(_ rule: Grammar.RuleType) {
    stack.append(AstNode(rule))
  }

  mutating func endRule(_ rule: Grammar.RuleType) throws(GherkinError) {
    let node = stack.removeLast()
    try finish(node, into: current)
  }

  mutating func build(_ token: Token) {
    if token.matchedType == .comment {
      comments.append(Comment(location: token.location, text: token.matchedText ?? ""))
    } else if token.matchedType != nil {
      current.add(token)
    }
  }

  /// The finished document (after the GherkinDocument rule has ended).
  func document() -> GherkinDocument {
    GherkinDocument(uri: uri, feature: current.node(.gherkinDocument)?.feature, comments: comments)
  }

  // MARK: Finishing rules

  /// Turns a finished rule into its AST value and hands it to the parent.
  private func finish(_ node: AstNode, into parent: AstNode) throws(GherkinError) {
    guard let rule = node.rule else { return }
    switch rule {
    case .step:
      guard let line = node.token(.stepLine) else { return }
      parent.steps.append(
        Step(
          location: line.location, keyword: line.matchedKeyword ?? "", keywordType: line.matchedKeywordType.map(Self.keywordType),
          text: line.matchedText ?? "", docString: node.docString, dataTable: node.dataTable, id: ids.next()))
    case .docString:
      let separators = node.tokens(.docStringSeparator)
      guard let open = separators.first else { return }
      let content = node.tokens(.other).map { $0.matchedText ?? "" }.joined(separator: "\n")
      let mediaType = open.matchedText.flatMap { $0.isEmpty ? nil : $0 }
      parent.docString = DocString(
        location: open.location, mediaType: mediaType, content: content, delimiter: open.matchedKeyword ?? "")
    case .dataTable:
      let rows = try tableRows(node)
      parent.dataTable = DataTable(location: rows.first?.location ?? Location(line: 0), rows: rows)
    case .background:
      guard let line = node.token(.backgroundLine) else { return }
      parent.background = Background(
        location: line.location, keyword: line.matchedKeyword ?? "", name: line.matchedText ?? "",
        description: node.description ?? "", steps: node.steps, id: ids.next())
    case .scenarioDefinition:
      let tags = self.tags(node)
      guard let scenarioNode = node.node(.scenario), let line = scenarioNode.token(.scenarioLine) else { return }
      parent.scenarios.append(
        Scenario(
          location: line.location, tags: tags, keyword: line.matchedKeyword ?? "", name: line.matchedText ?? "",
          description: scenarioNode.description ?? "", steps: scenarioNode.steps, examples: scenarioNode.examples, id: ids.next())
      )
    case .examplesDefinition:
      let tags = self.tags(node)
      guard let examplesNode = node.node(.examples), let line = examplesNode.token(.examplesLine) else { return }
      let rows = examplesNode.tableRows
      parent.examples.append(
        Examples(
          location: line.location, tags: tags, keyword: line.matchedKeyword ?? "", name: line.matchedText ?? "",
          description: examplesNode.description ?? "", tableHeader: rows?.first, tableBody: Array((rows ?? []).dropFirst()),
          id: ids.next()))
    case .examplesTable:
      parent.tableRows = try tableRows(node)
    case .description:
      var lines = node.tokens(.other)
      while let last = lines.last, last.line?.isEmpty ?? true { lines.removeLast() }
      parent.description = lines.map { $0.matchedText ?? "" }.joined(separator: "\n")
    case .feature:
      guard let header = node.node(.featureHeader), let line = header.token(.featureLine) else { return }
      let tags = self.tags(header)
      var children: [FeatureChild] = []
      if let background = node.background { children.append(FeatureChild(background: background)) }
      children += node.scenarios.map { FeatureChild(scenario: $0) }
      children += node.rules.map { FeatureChild(rule: $0) }
      parent.feature = Feature(
        location: line.location, tags: tags, language: line.matchedLanguage, keyword: line.matchedKeyword,
        name: line.matchedText ?? "", description: header.description ?? "", children: children)
    case .rule:
      guard let header = node.node(.ruleHeader), let line = header.token(.ruleLine) else { return }
      let tags = self.tags(header)
      var children: [RuleChild] = []
      if let background = node.background { children.append(RuleChild(background: background)) }
      children += node.scenarios.map { RuleChild(scenario: $0) }
      parent.rules.append(
        Rule(
          location: line.location, tags: tags, keyword: line.matchedKeyword ?? "", name: line.matchedText ?? "",
          description: header.description ?? "", children: children, id: ids.next()))
    case .gherkinDocument, .featureHeader, .ruleHeader, .scenario, .examples, .tags, .stepArg, .descriptionHelper:
      parent.nodes[rule] = node
    }
  }

  static func keywordType(_ kind: GherkinDialect.StepKind) -> StepKeywordType {
    switch kind {
    case .unknown: return .unknown
    case .context: return .context
    case .action: return .action
    case .outcome: return .outcome
    case .conjunction: return .conjunction
    }
  }

  private func tags(_ node: AstNode) -> [Tag] {
    guard let tagsNode = node.node(.tags) else { return [] }
    return tagsNode.tokens(.tagLine).flatMap { token in
      token.matchedItems.map { item in
        Tag(location: Location(line: token.location.line, column: item.column), name: item.text, id: ids.next())
      }
    }
  }

  private func tableRows(_ node: AstNode) throws(GherkinError) -> [TableRow] {
    let rows = node.tokens(.tableRow).map { token in
      TableRow(
        location: token.location,
        cells: token.matchedItems.map {
          TableCell(location: Location(line: token.location.line, column: $0.column), value: $0.text)
        },
        id: ids.next())
    }
    if let count = rows.first?.cells.count, let bad = rows.first(where: { $0.cells.count != count }) {
      throw GherkinError(message: "inconsistent cell count within the table", location: bad.location)
    }
    return rows
  }
}
