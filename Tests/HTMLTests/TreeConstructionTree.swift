import HTML

/// A small test-only DOM that applies tree-operation batches as `dom/tree-operations.js` does and
/// prints html5lib-tests' tree format (`| <html>`, attributes sorted, `content` for template
/// contents, `<svg svg>` for foreign elements).
///
/// Node 0 is the document or the fragment's receiving node. Decisions the stream leaves to the DOM
/// (foster parenting's "has the table a parent", merging adjacent text) are taken here from this
/// tree's state. Not thread-safe.
final class TreeConstructionTree {
  enum Kind {
    case root
    case documentType(name: String, publicID: String?, systemID: String?)
    case element(namespace: Int32, name: String, attributes: [(namespace: Int32, name: String, value: String)])
    case text(String)
    case comment(String)
    case templateContents
  }

  struct Node {
    var kind: Kind
    var parent = -1
    var children: [Int] = []
    var templateContents = -1
  }

  private(set) var nodes: [Int: Node] = [0: Node(kind: .root)]
  private var names: [Int32: String] = [:]
  private(set) var mode: Int32 = 0

  /// Applies one batch.
  func apply(_ batch: TreeOperationBatch) {
    let text = Array(batch.textString.utf16)
    let words = batch.operations
    func string(_ offset: Int32, _ length: Int32) -> String? {
      guard offset >= 0 else { return nil }
      return String(decoding: text[Int(offset)..<Int(offset + length)], as: UTF16.self)
    }
    var position = 0
    func next() -> Int32 {
      position += 1
      return words[position - 1]
    }
    func attributes(_ count: Int32) -> [(namespace: Int32, name: String, value: String)] {
      (0..<count).map { _ in
        let namespace = next()
        let name = names[next()] ?? "?"
        let offset = next()
        let value = string(offset, next()) ?? ""
        return (namespace, name, value)
      }
    }
    while position < words.count {
      guard let operation = TreeOperation(rawValue: next()) else { fatalError("unknown operation \(words[position - 1])") }
      switch operation {
      case .name:
        let id = next()
        let offset = next()
        names[id] = string(offset, next())
      case .doctype:
        let (nameOffset, nameLength) = (next(), next())
        let (publicOffset, publicLength) = (next(), next())
        let (systemOffset, systemLength) = (next(), next())
        let id = nodes.count + 1_000_000
        nodes[id] = Node(
          kind: .documentType(
            name: string(nameOffset, nameLength) ?? "", publicID: string(publicOffset, publicLength),
            systemID: string(systemOffset, systemLength)))
        append(id, to: 0)
      case .mode:
        mode = next()
      case .element:
        let id = Int(next())
        let namespace = next()
        let name = names[next()] ?? "?"
        nodes[id] = Node(kind: .element(namespace: namespace, name: name, attributes: attributes(next())))
      case .comment:
        let id = Int(next())
        let offset = next()
        nodes[id] = Node(kind: .comment(string(offset, next()) ?? ""))
      case .append:
        let parent = Int(next())
        append(Int(next()), to: parent)
      case .insertBefore:
        let parent = Int(next())
        let child = Int(next())
        insert(child, into: parent, before: Int(next()))
      case .text:
        let parent = Int(next())
        let reference = Int(next())
        let offset = next()
        insertText(string(offset, next()) ?? "", into: parent, before: reference)
      case .fosterParent:
        let child = Int(next())
        let table = Int(next())
        let fallback = Int(next())
        if let parent = nodes[table]?.parent, parent >= 0 {
          insert(child, into: parent, before: table)
        } else {
          append(child, to: fallback)
        }
      case .fosterText:
        let table = Int(next())
        let fallback = Int(next())
        let offset = next()
        let data = string(offset, next()) ?? ""
        if let parent = nodes[table]?.parent, parent >= 0 {
          insertText(data, into: parent, before: table)
        } else {
          insertText(data, into: fallback, before: -1)
        }
      case .addMissingAttributes:
        let id = Int(next())
        let added = attributes(next())
        guard case .element(let namespace, let name, var existing) = nodes[id]?.kind else { continue }
        for attribute in added
        where !existing.contains(where: { $0.namespace == attribute.namespace && $0.name == attribute.name }) {
          existing.append(attribute)
        }
        nodes[id]?.kind = .element(namespace: namespace, name: name, attributes: existing)
      case .remove:
        detach(Int(next()))
      case .moveChildren:
        let from = Int(next())
        let to = Int(next())
        for child in nodes[from]?.children ?? [] { append(child, to: to) }
      case .templateContents:
        let template = Int(next())
        let contents = Int(next())
        nodes[contents] = Node(kind: .templateContents)
        nodes[template]?.templateContents = contents
      case .formOwner:
        position += 2
      case .shadowRoot:
        position += 4
      case .pop:
        let node = Int(next())
        if case .element(0, "option", _) = nodes[node]?.kind { cloneIntoSelectedContent(node) }
      case .elementNS, .processingInstruction, .cdataSection:
        // The XML parser's operations: the HTML parser never writes them.
        fatalError("the HTML parser wrote the XML operation \(operation)")
      }
    }
  }

  /// "Maybe clone an option into selectedcontent" (HTML Standard §4.10.10), run when the parser
  /// pops an `option`: the selected option's children are copied into its `select`'s first
  /// `selectedcontent`.
  private func cloneIntoSelectedContent(_ option: Int) {
    var ancestor = nodes[option]?.parent ?? -1
    while ancestor >= 0, !isHTMLElement(ancestor, "select") { ancestor = nodes[ancestor]?.parent ?? -1 }
    guard ancestor >= 0, case .element(_, _, let attributes) = nodes[ancestor]?.kind,
      !attributes.contains(where: { $0.name == "multiple" })
    else { return }
    let descendants = treeOrder(below: ancestor)
    guard let selectedContent = descendants.first(where: { isHTMLElement($0, "selectedcontent") }) else { return }
    let options = descendants.filter { isHTMLElement($0, "option") }
    let selected =
      options.last {
        guard case .element(_, _, let attributes) = nodes[$0]?.kind else { return false }
        return attributes.contains { $0.name == "selected" }
      } ?? options.first
    guard selected == option else { return }
    for child in nodes[selectedContent]?.children ?? [] { nodes[child]?.parent = -1 }
    nodes[selectedContent]?.children = []
    for child in nodes[option]?.children ?? [] { append(clone(child), to: selectedContent) }
  }

  private func isHTMLElement(_ id: Int, _ name: String) -> Bool {
    if case .element(0, name, _) = nodes[id]?.kind { return true }
    return false
  }

  private func treeOrder(below root: Int) -> [Int] {
    var result: [Int] = []
    var work = (nodes[root]?.children ?? []).reversed().map { $0 }
    while let id = work.popLast() {
      result.append(id)
      work.append(contentsOf: (nodes[id]?.children ?? []).reversed())
    }
    return result
  }

  private func clone(_ id: Int) -> Int {
    guard let node = nodes[id] else { return id }
    let copy = nodes.count + 3_000_000
    nodes[copy] = Node(kind: node.kind)
    for child in node.children { append(clone(child), to: copy) }
    return copy
  }

  private func detach(_ child: Int) {
    guard let parent = nodes[child]?.parent, parent >= 0 else { return }
    nodes[parent]?.children.removeAll { $0 == child }
    nodes[child]?.parent = -1
  }

  private func append(_ child: Int, to parent: Int) {
    detach(child)
    nodes[parent]?.children.append(child)
    nodes[child]?.parent = parent
  }

  private func insert(_ child: Int, into parent: Int, before reference: Int) {
    detach(child)
    let index = nodes[parent]?.children.firstIndex(of: reference) ?? nodes[parent]?.children.count ?? 0
    nodes[parent]?.children.insert(child, at: index)
    nodes[child]?.parent = parent
  }

  private func insertText(_ data: String, into parent: Int, before reference: Int) {
    guard let children = nodes[parent]?.children else { return }
    let index = reference < 0 ? children.count : children.firstIndex(of: reference) ?? children.count
    if index > 0, case .text(let previous) = nodes[children[index - 1]]?.kind {
      nodes[children[index - 1]]?.kind = .text(previous + data)
      return
    }
    let id = nodes.count + 2_000_000
    nodes[id] = Node(kind: .text(data), parent: parent)
    nodes[parent]?.children.insert(id, at: index)
  }

  /// How many elements named `name` the tree holds, and the depth of the deepest node below node 0.
  func census(of name: String) -> (count: Int, depth: Int) {
    var count = 0
    var depth = 0
    var work: [(Int, Int)] = [(0, 0)]
    while let (id, level) = work.popLast() {
      depth = max(depth, level)
      if case .element(_, name, _) = nodes[id]?.kind { count += 1 }
      work.append(contentsOf: (nodes[id]?.children ?? []).map { ($0, level + 1) })
    }
    return (count, depth)
  }

  /// The html5lib-tests dump of node 0's children.
  func dump() -> String {
    var lines: [String] = []
    var work: [(Int, Int)] = (nodes[0]?.children ?? []).reversed().map { ($0, 0) }
    while let (id, depth) = work.popLast() {
      guard let node = nodes[id] else { continue }
      let indent = "| " + String(repeating: "  ", count: depth)
      switch node.kind {
      case .root, .templateContents:
        break
      case .documentType(let name, let publicID, let systemID):
        if (publicID ?? "").isEmpty && (systemID ?? "").isEmpty {
          lines.append("\(indent)<!DOCTYPE \(name)>")
        } else {
          lines.append("\(indent)<!DOCTYPE \(name) \"\(publicID ?? "")\" \"\(systemID ?? "")\">")
        }
      case .element(let namespace, let name, let attributes):
        let prefix = namespace == 1 ? "svg " : namespace == 2 ? "math " : ""
        lines.append("\(indent)<\(prefix)\(name)>")
        let attributeIndent = indent + "  "
        let rendered = attributes.map { attribute -> (String, String) in
          let prefix = ["", "xlink ", "xml ", "xmlns "][Int(attribute.namespace)]
          return (prefix + attribute.name, attribute.value)
        }
        for (name, value) in rendered.sorted(by: { Array($0.0.utf16).lexicographicallyPrecedes(Array($1.0.utf16)) }) {
          lines.append("\(attributeIndent)\(name)=\"\(value)\"")
        }
        var children = node.children.map { ($0, depth + 1) }
        if node.templateContents >= 0 {
          lines.append("\(attributeIndent)content")
          children = (nodes[node.templateContents]?.children ?? []).map { ($0, depth + 2) }
        }
        work.append(contentsOf: children.reversed())
      case .text(let data):
        lines.append("\(indent)\"\(data)\"")
      case .comment(let data):
        lines.append("\(indent)<!-- \(data) -->")
      }
    }
    return lines.joined(separator: "\n")
  }
}
