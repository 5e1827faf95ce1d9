import Foundation
import Messages

/// `message`: every envelope as one line of NDJSON (Cucumber Messages), as it happens.
public final class MessageFormatter: Formatter {
  private let output: FormatterOutput
  private let writer = NDJSONWriter()

  public init(output: FormatterOutput) { self.output = output }

  public func handle(_ envelope: Envelope) {
    if let line = try? writer.line(envelope) { output.write(line) }
  }

  public func finish() throws { output.flush() }
}
