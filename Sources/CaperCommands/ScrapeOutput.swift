import Browser
import Foundation

/// Writes `caper scrape`'s results on standard output in input order, as each becomes known
/// (an outcome that finishes early waits for the ones before it).
///
/// Formats: `jsonl`, one `{"input": ..., "result": ...}` or `{"input": ..., "error": {"message",
/// "stack", "location"}}` per line; `json`, the same objects as one array; `csv`, a header of
/// `input`, the first successful result's top-level fields (one named `input` or `error` headed `result.input`
/// or `result.error`) and `error`, then a row per input (fields a later result lacks are empty;
/// fields the first lacked are dropped with one warning on stderr).
/// Nothing but results goes to stdout. Not thread-safe: one writer, called from one thread.
final class ScrapeOutput {
  enum Format: String, CaseIterable {
    case jsonl
    case json
    case csv
  }

  private let format: Format
  private let write: (String) -> Void
  private let warn: (String) -> Void
  private var pending: [Int: (ScrapeInput, ScrapeOutcome)] = [:]
  private var next = 0
  private var columns: [String]?
  private var warnedOfDroppedFields = false
  /// CSV rows of failures that came before the first result (which decides the columns).
  private var waitingFailures: [(name: String, error: String)] = []
  private(set) var failures = 0

  init(format: Format, write: @escaping (String) -> Void, warn: @escaping (String) -> Void) {
    self.format = format
    self.write = write
    self.warn = warn
    if format == .json { write("[") }
  }

  /// Records the outcome of input `index` and writes every outcome now in order.
  func record(_ index: Int, _ input: ScrapeInput, _ outcome: ScrapeOutcome) {
    pending[index] = (input, outcome)
    while let (input, outcome) = pending.removeValue(forKey: next) {
      if case .failure = outcome { failures += 1 }
      emit(input, outcome, first: next == 0)
      next += 1
    }
  }

  func finish() {
    if format == .json { write(next == 0 ? "]\n" : "\n]\n") }
    if format == .csv, columns == nil { writeHeader([]) }
  }

  /// Writes the CSV header, then the failures that came before the first result.
  private func writeHeader(_ fields: [String]) {
    columns = fields
    // A field named like Caper's own columns gets a header of its own.
    let header = fields.map { $0 == "input" || $0 == "error" ? "result.\($0)" : $0 }
    write((["input"] + header + ["error"]).map(Self.csvCell).joined(separator: ",") + "\r\n")
    for (name, error) in waitingFailures {
      write(([name] + fields.map { _ in "" } + [error]).map(Self.csvCell).joined(separator: ",") + "\r\n")
    }
    waitingFailures = []
  }

  private func emit(_ input: ScrapeInput, _ outcome: ScrapeOutcome, first: Bool) {
    switch format {
    case .jsonl: write(Self.object(input, outcome) + "\n")
    case .json: write((first ? "\n  " : ",\n  ") + Self.object(input, outcome))
    case .csv: emitRow(input, outcome)
    }
  }

  static func object(_ input: ScrapeInput, _ outcome: ScrapeOutcome) -> String {
    switch outcome {
    case .result(let json, _): return "{\"input\":\(quote(input.name)),\"result\":\(json)}"
    case .failure(let failure):
      let stack = failure.stack.map(quote) ?? "null"
      let location = failure.location.map(quote) ?? "null"
      return
        "{\"input\":\(quote(input.name)),\"error\":{\"message\":\(quote(failure.message)),\"stack\":\(stack),\"location\":\(location)}}"
    }
  }

  private func emitRow(_ input: ScrapeInput, _ outcome: ScrapeOutcome) {
    let fields: [ScrapeField]
    let error: String
    switch outcome {
    case .result(let json, let resultFields):
      fields = json.hasPrefix("{") ? resultFields : [ScrapeField(name: "result", cell: Self.cell(ofJSON: json))]
      error = ""
    case .failure(let failure):
      fields = []
      error = failure.message
    }
    if columns == nil {
      // The first successful result decides the columns; failures before it wait for it.
      guard case .result = outcome else {
        waitingFailures.append((input.name, error))
        return
      }
      writeHeader(fields.map(\.name))
    }
    let cells = Dictionary(fields.map { ($0.name, $0.cell) }, uniquingKeysWith: { first, _ in first })
    if !warnedOfDroppedFields, let extra = fields.first(where: { !columns!.contains($0.name) }) {
      warnedOfDroppedFields = true
      warn(
        "caper scrape: the csv columns are the first successful result's fields; '\(extra.name)' (from \(input.name)) and any other later field are left out\n"
      )
    }
    let row = [input.name] + columns!.map { cells[$0] ?? "" } + [error]
    write(row.map(Self.csvCell).joined(separator: ",") + "\r\n")
  }

  /// A result that is not an object as one cell: a string as it is, null empty, the rest as JSON.
  static func cell(ofJSON json: String) -> String {
    if json == "null" { return "" }
    if json.hasPrefix("\""),
      let text = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String
    {
      return text
    }
    return json
  }

  /// RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled.
  static func csvCell(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A JSON string literal.
  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let s where s.value < 0x20: out += String(format: "\\u%04x", s.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
