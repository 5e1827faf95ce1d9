import HTML
import Testing

/// Deeply nested markup parses without recursion, and the tree's depth is capped as Chromium caps
/// it (`TreeBuilder.maximumDepth`): deeper elements become siblings.
@Suite struct NestingDepthTests {
  static let depth = 100_000

  static func parse(_ html: String) -> TreeConstructionTree {
    let parser = HTMLParser(scripting: false)
    parser.append(Array(html.utf8))
    #expect(parser.finish() == .finished)
    let tree = TreeConstructionTree()
    tree.apply(parser.takeBatch())
    return tree
  }

  @Test func nestedDivs() {
    let tree = Self.parse(String(repeating: "<div>", count: Self.depth) + "x")
    let (count, depth) = tree.census(of: "div")
    #expect(count == Self.depth)
    #expect(depth <= TreeBuilder.maximumDepth + 1)
    #expect(depth >= TreeBuilder.maximumDepth - 1)
  }

  @Test func nestedFormattingElements() {
    let tree = Self.parse(String(repeating: "<b>", count: Self.depth) + "x" + String(repeating: "</b>", count: 10))
    let (count, depth) = tree.census(of: "b")
    #expect(count == Self.depth)
    #expect(depth <= TreeBuilder.maximumDepth + 1)
  }

  @Test func nestedTablesAndForeignContent() {
    let tree = Self.parse(String(repeating: "<table><tr><td><svg><foreignObject>", count: Self.depth / 10))
    let (count, depth) = tree.census(of: "table")
    #expect(count == Self.depth / 10)
    #expect(depth <= TreeBuilder.maximumDepth + 1)
  }
}
