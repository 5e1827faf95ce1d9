/// The parser's state machine, derived once from `Grammar`.
///
/// A state is "just matched this token at this place in the grammar" (plus the start). Its
/// transitions are the tokens that may come next, found by walking the grammar onwards, each with
/// the rules it ends and starts on the way. They are checked grouped by token type in the order
/// the walk meets them, with end of file first and `#Other` (which matches any line) last; where
/// `#Other` cannot come, comments and empty lines are ignored. This is the order of cucumber's
/// generated parsers, so the "expected:" lists of parse errors are the same.
struct ParserStates {
  enum RuleAction: Equatable {
    case start(Grammar.RuleType)
    case end(Grammar.RuleType)
  }

  struct Transition {
    let type: TokenType
    var lookahead: Grammar.Lookahead?
    var actions: [RuleAction]
    /// The next state; nil stays in the current one.
    let target: Int?
  }

  struct State {
    var transitions: [Transition]
    var expected: [TokenType]
  }

  let states: [State]

  static let shared = ParserStates()

  private init() {
    let builder = Builder()
    states = builder.build()
  }

  /// Walks the expanded grammar tree.
  private final class Builder {
    final class Node {
      enum Kind {
        case token(TokenType)
        case rule(Grammar.RuleType)
        case sequence, choice, optional, zeroOrMore, oneOrMore
      }
      let kind: Kind
      var children: [Node] = []
      weak var parent: Node?
      var index = 0
      var state = -1
      init(_ kind: Kind) { self.kind = kind }
    }

    var leaves: [Node] = []

    func expand(_ expression: Grammar.Expression) -> Node {
      let node: Node
      var children: [Grammar.Expression] = []
      switch expression {
      case .token(let type):
        node = Node(.token(type))
        leaves.append(node)
        node.state = leaves.count  // state 0 is the start
      case .rule(let rule):
        node = Node(.rule(rule))
        children = [Grammar.body(of: rule)]
      case .sequence(let list):
        node = Node(.sequence)
        children = list
      case .choice(let list):
        node = Node(.choice)
        children = list
      case .optional(let e):
        node = Node(.optional)
        children = [e]
      case .zeroOrMore(let e):
        node = Node(.zeroOrMore)
        children = [e]
      case .oneOrMore(let e):
        node = Node(.oneOrMore)
        children = [e]
      }
      for (i, child) in children.enumerated() {
        let childNode = expand(child)
        childNode.parent = node
        childNode.index = i
        node.children.append(childNode)
      }
      return node
    }

    func nullable(_ node: Node) -> Bool {
      switch node.kind {
      case .token: return false
      case .rule, .oneOrMore: return nullable(node.children[0])
      case .sequence: return node.children.allSatisfy(nullable)
      case .choice: return node.children.contains(where: nullable)
      case .optional, .zeroOrMore: return true
      }
    }

    static func emitsActions(_ rule: Grammar.RuleType) -> Bool { rule.makesNode && rule != .gherkinDocument }

    func first(_ node: Node) -> [Transition] {
      switch node.kind {
      case .token(let type):
        return [Transition(type: type, lookahead: nil, actions: [], target: node.state)]
      case .rule(let rule):
        var transitions = first(node.children[0])
        for i in transitions.indices {
          if Self.emitsActions(rule) { transitions[i].actions.insert(.start(rule), at: 0) }
          if let hint = Grammar.lookahead(of: rule), transitions[i].lookahead == nil,
            transitions[i].type != hint.target, hint.skip.contains(transitions[i].type)
          {
            transitions[i].lookahead = hint
          }
        }
        return transitions
      case .sequence:
        var result: [Transition] = []
        for child in node.children {
          result += first(child)
          if !nullable(child) { break }
        }
        return result
      case .choice:
        return node.children.flatMap(first)
      case .optional, .zeroOrMore, .oneOrMore:
        return first(node.children[0])
      }
    }

    /// What may come after `leaf`: loops back, later siblings, then what follows each
    /// enclosing rule, ending rules on the way up.
    func follow(_ leaf: Node) -> [Transition] {
      var result: [Transition] = []
      var ends: [RuleAction] = []
      func add(_ transitions: [Transition]) {
        result += transitions.map { t in
          var t = t
          t.actions = ends + t.actions
          return t
        }
      }
      var node = leaf
      while let parent = node.parent {
        switch parent.kind {
        case .sequence:
          for sibling in parent.children[(node.index + 1)...] {
            add(first(sibling))
            if !nullable(sibling) { return result }
          }
        case .zeroOrMore, .oneOrMore:
          add(first(parent.children[0]))
        case .rule(let rule):
          if Self.emitsActions(rule) { ends.append(.end(rule)) }
        case .choice, .optional, .token:
          break
        }
        node = parent
      }
      return result
    }

    func order(_ transitions: [Transition]) -> State {
      var types: [TokenType] = []
      for t in transitions where !types.contains(t.type) { types.append(t.type) }
      if let i = types.firstIndex(of: .eof) { types.insert(types.remove(at: i), at: 0) }
      if let i = types.firstIndex(of: .other) { types.append(types.remove(at: i)) }
      var ordered = types.flatMap { type in transitions.filter { $0.type == type } }
      if !types.contains(.other) {
        for ignored in Grammar.ignoredTokens where !types.contains(ignored) {
          types.append(ignored)
          ordered.append(Transition(type: ignored, lookahead: nil, actions: [], target: nil))
        }
      }
      return State(transitions: ordered, expected: types)
    }

    func build() -> [State] {
      let root = Node(.sequence)
      for (i, child) in [expand(.rule(.gherkinDocument)), expand(.token(.eof))].enumerated() {
        child.parent = root
        child.index = i
        root.children.append(child)
      }
      var states = [order(first(root))]
      for leaf in leaves { states.append(order(follow(leaf))) }
      return states
    }
  }
}
