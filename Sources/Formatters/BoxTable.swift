/// A table drawn with box characters, as cucumber-js's terminal formatters draw theirs
/// (cli-table3's defaults): a header row, a rule between rows, one space of padding, cells of
/// several lines.
struct BoxTable {
  let header: [String]
  var rows: [[String]] = []

  init(header: [String]) { self.header = header }

  mutating func append(_ row: [String]) { rows.append(row) }

  var text: String {
    let all = [header] + rows
    let widths = header.indices.map { column in
      all.flatMap { $0[column].split(separator: "\n", omittingEmptySubsequences: false) }.map(\.count).max() ?? 0
    }
    func rule(_ left: String, _ middle: String, _ right: String) -> String {
      left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
    }
    func lines(_ row: [String]) -> [String] {
      let cells = row.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
      let height = cells.map(\.count).max() ?? 1
      return (0..<height).map { line in
        "│"
          + zip(cells, widths).map { cell, width in
            let text = line < cell.count ? cell[line] : ""
            return " " + text + String(repeating: " ", count: width - text.count) + " "
          }.joined(separator: "│") + "│"
      }
    }
    var out = [rule("┌", "┬", "┐")] + lines(header)
    for row in rows {
      out.append(rule("├", "┼", "┤"))
      out += lines(row)
    }
    out.append(rule("└", "┴", "┘"))
    return out.joined(separator: "\n")
  }
}
