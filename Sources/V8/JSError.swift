/// An error from V8: a JavaScript exception with its stack and source location, or a stop
/// (termination, heap limit, timeout), or a misuse the shim refused (reentrancy, disposed).
///
/// Guarantees: `location` names the script's filename as given to `compile`/`evaluate`, with
/// 1-based line and column, whenever V8 knows where the exception was thrown (syntax errors too).
public struct JSError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Kind: String, Sendable, Equatable {
    /// The source does not parse.
    case syntax
    /// JavaScript threw (or a promise was rejected).
    case exception
    /// `Isolate.terminate()` stopped the script.
    case terminated
    /// The isolate reached its heap limit; the script was stopped and the isolate still works.
    case heapLimit
    /// A deadline passed (a promise that did not settle in time).
    case timeout
    /// A code cache was asked for inside a host callback (the reentrancy rule).
    case reentrancy
    /// The script, context or isolate was disposed.
    case disposed
    /// A value cannot cross between JavaScript and Swift (a cycle, too deep).
    case conversion
    /// Bad arguments (not a function, malformed data).
    case invalid
  }

  public var kind: Kind
  /// The JavaScript error's name (`TypeError`), when the thrown value was an Error.
  public var name: String?
  public var message: String
  /// The JavaScript stack (`error.stack`), when there is one.
  public var stack: String?
  /// Where the exception was thrown.
  public var location: SourceLocation?

  public init(
    kind: Kind, name: String? = nil, message: String, stack: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.kind = kind
    self.name = name
    self.message = message
    self.stack = stack
    self.location = location
  }

  /// `file:line:column: Name: message`, the way the CLI prints it.
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    if let name, !name.isEmpty { text += "\(name): " }
    return text + message
  }
}

/// A place in a source file: 1-based line and column.
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}
