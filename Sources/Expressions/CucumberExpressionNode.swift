/// A node of a Cucumber Expression's syntax tree; `start`/`end` count code points.
public struct CucumberExpressionNode: Hashable, Sendable {
  public enum Kind: String, Sendable {
    case text = "TEXT_NODE"
    case optional = "OPTIONAL_NODE"
    case alternation = "ALTERNATION_NODE"
    case alternative = "ALTERNATIVE_NODE"
    case parameter = "PARAMETER_NODE"
    case expression = "EXPRESSION_NODE"
  }

  public var kind: Kind
  public var nodes: [CucumberExpressionNode]?
  public var token: String?
  public var start: Int
  public var end: Int

  public init(kind: Kind, nodes: [CucumberExpressionNode]?, token: String?, start: Int, end: Int) {
    self.kind = kind
    self.nodes = nodes
    self.token = token
    self.start = start
    self.end = end
  }

  /// The node's text: its token, or its children's text joined.
  public var text: String {
    if let nodes, !nodes.isEmpty { return nodes.map(\.text).joined() }
    return token ?? ""
  }
}
