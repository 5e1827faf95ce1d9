/// "The adoption agency algorithm" (HTML Standard §13.2.6.4.7, end tags of formatting elements).
extension TreeBuilder {
  /// Runs the algorithm for an end tag whose interned name is `nameKey`; false when the caller must
  /// act as for "any other end tag" instead.
  func adoptionAgency(nameKey: Int32, localName: LocalName) -> Bool {
    if currentNode.namespace == .html && currentNode.nameKey == nameKey && formattingIndex(of: currentNode.node) == nil {
      pop()
      return true
    }
    for _ in 0..<8 {
      var candidate = formatting.count - 1
      var formattingListIndex: Int?
      while candidate >= 0, let element = formatting[candidate].element {
        if element.nameKey == nameKey && element.namespace == .html {
          formattingListIndex = candidate
          break
        }
        candidate -= 1
      }
      guard let formattingListIndex, let formattingElement = formatting[formattingListIndex].element else { return false }
      guard let stackIndex = stack.lastIndex(where: { $0.node == formattingElement.node }) else {
        formatting.remove(at: formattingListIndex)
        return true
      }
      guard hasNodeInScope(formattingElement.node) else { return true }
      guard let furthestBlockIndex = stack[(stackIndex + 1)...].firstIndex(where: isSpecial) else {
        while stack.count > stackIndex { pop() }
        formatting.remove(at: formattingListIndex)
        return true
      }
      let furthestBlock = stack[furthestBlockIndex]
      let commonAncestor = stack[stackIndex - 1]
      var bookmark = formattingListIndex
      var nodeIndex = furthestBlockIndex
      var lastNode = furthestBlock
      var innerLoopCounter = 0
      while true {
        innerLoopCounter += 1
        nodeIndex -= 1
        let node = stack[nodeIndex]
        if node.node == formattingElement.node { break }
        var nodeFormattingIndex = formattingIndex(of: node.node)
        if innerLoopCounter > 3, let index = nodeFormattingIndex {
          formatting.remove(at: index)
          if index < bookmark { bookmark -= 1 }
          nodeFormattingIndex = nil
        }
        guard let nodeFormattingIndex else {
          removeFromStack(at: nodeIndex)
          continue
        }
        var created = createElement(for: formatting[nodeFormattingIndex].tag, in: .html)
        created.parent = commonAncestor.target
        formatting[nodeFormattingIndex].element = created
        removeFromStack(at: nodeIndex)
        insertIntoStack(created, at: nodeIndex)
        if lastNode.node == furthestBlock.node { bookmark = nodeFormattingIndex + 1 }
        batch.append(.append, created.target, lastNode.node)
        lastNode = created
      }
      insert(lastNode.node, at: appropriatePlace(overrideTarget: commonAncestor))
      let tag = formatting[formattingIndex(of: formattingElement.node) ?? formattingListIndex].tag
      var newElement = createElement(for: tag, in: .html)
      newElement.parent = furthestBlock.target
      batch.append(.moveChildren, furthestBlock.target, newElement.node)
      batch.append(.append, furthestBlock.target, newElement.node)
      formatting.insert(FormattingEntry(element: newElement, tag: tag), at: bookmark)
      if let old = formattingIndex(of: formattingElement.node) { formatting.remove(at: old) }
      removeFromStack(formattingElement.node)
      let furthestBlockNow = stack.lastIndex { $0.node == furthestBlock.node } ?? stack.count - 1
      insertIntoStack(newElement, at: furthestBlockNow + 1)
    }
    return true
  }
}
