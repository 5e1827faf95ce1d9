/// A compiled scenario, ready to run: background steps joined, outline rows expanded, tags
/// inherited (Cucumber Messages `Pickle`).
public struct Pickle: Codable, Hashable, Sendable {
  public var id: String
  public var uri: String
  public var location: Location?
  public var name: String
  public var language: String
  public var steps: [PickleStep]
  public var tags: [PickleTag]
  /// The scenario's AST node id, and for an outline row the row's id too.
  public var astNodeIds: [String]

  public init(
    id: String, uri: String, location: Location?, name: String, language: String, steps: [PickleStep],
    tags: [PickleTag], astNodeIds: [String]
  ) {
    self.id = id
    self.uri = uri
    self.location = location
    self.name = name
    self.language = language
    self.steps = steps
    self.tags = tags
    self.astNodeIds = astNodeIds
  }
}

public struct PickleStep: Codable, Hashable, Sendable {
  public var argument: PickleStepArgument?
  public var astNodeIds: [String]
  public var id: String
  public var type: PickleStepType?
  public var text: String

  public init(argument: PickleStepArgument?, astNodeIds: [String], id: String, type: PickleStepType?, text: String) {
    self.argument = argument
    self.astNodeIds = astNodeIds
    self.id = id
    self.type = type
    self.text = text
  }
}

public enum PickleStepType: String, Codable, Hashable, Sendable {
  case unknown = "Unknown"
  case context = "Context"
  case action = "Action"
  case outcome = "Outcome"
}

/// A step's doc string and/or data table.
///
/// When a step has both, each carries its 1-based
/// position among the step's arguments (`argumentIndex`), as Gherkin 42 writes it.
public struct PickleStepArgument: Codable, Hashable, Sendable {
  public var docString: PickleDocString?
  public var dataTable: PickleTable?

  public init(docString: PickleDocString? = nil, dataTable: PickleTable? = nil) {
    self.docString = docString
    self.dataTable = dataTable
  }
}

public struct PickleDocString: Codable, Hashable, Sendable {
  public var mediaType: String?
  public var content: String
  public var argumentIndex: Int?

  public init(mediaType: String?, content: String, argumentIndex: Int? = nil) {
    self.mediaType = mediaType
    self.content = content
    self.argumentIndex = argumentIndex
  }
}

public struct PickleTable: Codable, Hashable, Sendable {
  public var rows: [PickleTableRow]
  public var argumentIndex: Int?

  public init(rows: [PickleTableRow], argumentIndex: Int? = nil) {
    self.rows = rows
    self.argumentIndex = argumentIndex
  }
}

public struct PickleTableRow: Codable, Hashable, Sendable {
  public var cells: [PickleTableCell]
  public init(cells: [PickleTableCell]) { self.cells = cells }
}

public struct PickleTableCell: Codable, Hashable, Sendable {
  public var value: String
  public init(value: String) { self.value = value }
}

public struct PickleTag: Codable, Hashable, Sendable {
  public var name: String
  public var astNodeId: String

  public init(name: String, astNodeId: String) {
    self.name = name
    self.astNodeId = astNodeId
  }
}
