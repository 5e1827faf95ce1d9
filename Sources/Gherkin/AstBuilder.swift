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
    current.add(.rule(rule), try transform(node))
  }

  mutating func build(_ token: Token) {
    if token.matchedType == .comment {
      comments.append(Comment(location: token.location, text: token.matchedText ?? ""))
    } else if let type = token.matchedType {
      current.add(.token(type), .token(token))
    }
  }

  /// The finished document (after the GherkinDocument rule has ended).
  func document() -> GherkinDocument {
    var feature: Feature?
    if case .feature(let f)? = current.single(.gherkinDocument).flatMap({ value -> AstNode.Value? in
      if case .node(let node) = value { return node.single(.feature) }
      return nil
    }) {
      feature = f
    }
    return GherkinDocument(uri: uri, feature: feature, comments: comments)
  }

  // MARK: Transforming finished rules

  private func transform(_ node: AstNode) throws(GherkinError) -> AstNode.Value {
    switch node.rule {
    case .step?:
      guard let line = node.token(.stepLine) else { return .none }
      var step = Step(
        location: line.location, keyword: line.matchedKeyword ?? "",
        keywordType: line.matchedKeywordType.flatMap { StepKeywordType(rawValue: $0.rawValue) },
        text: line.matchedText ?? "", id: "")
      for entry in node.entries {
        if case .dataTable(let table) = entry.value { step.dataTable = table }
        if case .docString(let docString) = entry.value { step.docString = docString }
      }
      step.id = ids.next()
      return .step(step)
    case .docString?:
      let separators = node.tokens(.docStringSeparator)
      guard let open = separators.first else { return .none }
      let content = node.tokens(.other).map { $0.matchedText ?? "" }.joined(separator: "\n")
      let mediaType = open.matchedText.flatMap { $0.isEmpty ? nil : $0 }
      return .docString(DocString(location: open.location, mediaType: mediaType, content: content, delimiter: open.matchedKeyword ?? ""))
    case .dataTable?:
      let rows = try tableRows(node)
      return .dataTable(DataTable(location: rows.first?.location ?? Location(line: 0), rows: rows))
    case .background?:
      guard let line = node.token(.backgroundLine) else { return .none }
      let description = self.description(node)
      let steps = self.steps(node)
      return .background(
        Background(
          location: line.location, keyword: line.matchedKeyword ?? "", name: line.matchedText ?? "",
          description: description, steps: steps, id: ids.next()))
    case .scenarioDefinition?:
      let tags = self.tags(node)
      guard let scenarioNode = node.node(.scenario), let line = scenarioNode.token(.scenarioLine) else { return .none }
      let examples: [Examples] = scenarioNode.items(.examplesDefinition).compactMap {
        if case .examples(let e) = $0 { return e }
        return nil
      }
      return .scenario(
        Scenario(
          location: line.location, tags: tags, keyword: line.matchedKeyword ?? "", name: line.matchedText ?? "",
          description: description(scenarioNode), steps: steps(scenarioNode), examples: examples, id: ids.next()))
    case .examplesDefinition?:
      let tags = self.tags(node)
      guard let examplesNode = node.node(.examples), let line = examplesNode.token(.examplesLine) else { return .none }
      var rows: [TableRow]?
      if case .rows(let r)? = examplesNode.single(.examplesTable) { rows = r }
      return .examples(
        Examples(
          location: line.location, tags: tags, keyword: line.matchedKeyword ?? "", name: line.matchedText ?? "",
          description: description(examplesNode), tableHeader: rows?.first, tableBody: Array((rows ?? []).dropFirst()),
          id: ids.next()))
    case .examplesTable?:
      return .rows(try tableRows(node))
    case .description?:
      var lines = node.tokens(.other)
      while let last = lines.last, last.line?.isEmpty ?? true { lines.removeLast() }
      return .description(lines.map { $0.matchedText ?? "" }.joined(separator: "\n"))
    case .feature?:
      guard let header = node.node(.featureHeader), let line = header.token(.featureLine) else { return .none }
      let tags = self.tags(header)
      var children: [FeatureChild] = []
      for entry in node.entries {
        switch entry.value {
        case .background(let b): children.append(FeatureChild(background: b))
        case .scenario(let s): children.append(FeatureChild(scenario: s))
        case .rule(let r): children.append(FeatureChild(rule: r))
        default: break
        }
      }
      return .feature(
        Feature(
          location: line.location, tags: tags, language: line.matchedLanguage, keyword: line.matchedKeyword,
          name: line.matchedText ?? "", description: description(header), children: children))
    case .rule?:
      guard let header = node.node(.ruleHeader), let line = header.token(.ruleLine) else { return .none }
      let tags = self.tags(header)
      var children: [RuleChild] = []
      for entry in node.entries {
        switch entry.value {
        case .background(let b): children.append(RuleChild(background: b))
        case .scenario(let s): children.append(RuleChild(scenario: s))
        default: break
        }
      }
      return .rule(
        Rule(
          location: line.location, tags: tags, keyword: line.matchedKeyword ?? "", name: line.matchedText ?? "",
          description: description(header), children: children, id: ids.next()))
    default:
      return .node(node)
    }
  }

  private func description(_ node: AstNode) -> String {
    if case .description(let text)? = node.single(.description) { return text }
    return ""
  }

  private func steps(_ node: AstNode) -> [Step] {
    node.items(.step).compactMap {
      if case .step(let step) = $0 { return step }
      return nil
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
