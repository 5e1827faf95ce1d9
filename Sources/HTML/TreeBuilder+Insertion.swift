/// Creating and inserting nodes, the stack of open elements and its scopes, the list of active
/// formatting elements, and resetting the insertion mode (HTML Standard §13.2.4 and §13.2.6.1).
extension TreeBuilder {
  /// Where a node goes: appended to a parent, or foster parented beside a table.
  enum InsertionPlace {
    case inside(Int32)
    case foster(table: Int32, fallback: Int32)
  }

  /// Which elements bound "has an element in scope" and its variants (§13.2.4.2).
  enum Scope {
    case normal, listItem, button, table
  }

  // MARK: Names and nodes

  /// The per-parse id of a name, defined in the stream on first use.
  func nameID(_ bytes: [UInt8]) -> Int32 {
    if let id = nameIDs.id(of: bytes) { return id }
    let id = Int32(nameIDs.count)
    nameIDs.insert(bytes, id: id)
    let (offset, length) = batch.appendString(bytes)
    batch.append(.name, id, offset, length)
    return id
  }

  /// The scratch buffer of `createElement`'s attribute names, emptied (taken, so that appending to
  /// it does not copy it).
  private func takeAttributeNameBuffer() -> [(Int32, Int32)] {
    var buffer: [(Int32, Int32)] = []
    swap(&buffer, &attributeNameBuffer)
    buffer.removeAll(keepingCapacity: true)
    return buffer
  }

  func newNode() -> Int32 {
    let node = nextNode
    nextNode += 1
    onStack.append(false)
    return node
  }

  /// "Create an element for a token" (§13.2.6.1), with the attribute adjustments of its namespace.
  func createElement(for tag: Tag, in namespace: Namespace) -> OpenElement {
    let local = tag.localName
    let key = nameID(tag.name)
    var emittedName = key
    if namespace == .svg, let adjusted = ForeignContentAdjustment.svgTagNames[tag.name] { emittedName = nameID(adjusted) }
    // Names are defined before the element operation starts, so no `name` lands among its operands.
    var attributeNames = takeAttributeNameBuffer()
    defer { attributeNameBuffer = attributeNames }
    var integrationPoint = namespace == .svg && (local == .foreignObject || local == .desc || local == .title)
    for attribute in tag.attributes {
      if namespace == .html {
        attributeNames.append((0, nameID(attribute.name)))
        continue
      }
      var attributeNamespace = ForeignContentAdjustment.AttributeNamespace.none
      var name = attribute.name
      if namespace == .svg, let adjusted = ForeignContentAdjustment.svgAttributeNames[name] {
        name = adjusted
      } else if namespace == .mathML, let adjusted = ForeignContentAdjustment.mathMLAttributeNames[name] {
        name = adjusted
      }
      if namespace != .html, let (foreignNamespace, localName) = ForeignContentAdjustment.foreignAttributes[name] {
        attributeNamespace = foreignNamespace
        name = localName
      }
      attributeNames.append((attributeNamespace.rawValue, nameID(name)))
      if namespace == .mathML && local == .annotationXML && attribute.name == Array("encoding".utf8) {
        let value = attribute.value.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if value == Array("text/html".utf8) || value == Array("application/xhtml+xml".utf8) { integrationPoint = true }
      }
    }
    let node = newNode()
    batch.append(.element, node, namespace.rawValue, emittedName, Int32(tag.attributes.count))
    for (index, attribute) in tag.attributes.enumerated() {
      let (offset, length) = batch.appendString(attribute.value)
      batch.appendOperand(attributeNames[index].0)
      batch.appendOperand(attributeNames[index].1)
      batch.appendOperand(offset)
      batch.appendOperand(length)
    }
    var target = node
    if namespace == .html && local == .template {
      target = newNode()
      batch.append(.templateContents, node, target)
    }
    return OpenElement(
      node: node, target: target, parent: -1, localName: local, namespace: namespace, nameKey: key,
      isHTMLIntegrationPoint: integrationPoint)
  }

  // MARK: Inserting

  /// "The appropriate place for inserting a node" (§13.2.6.1), with foster parenting, template
  /// contents, and the depth limit.
  func appropriatePlace(overrideTarget: OpenElement? = nil) -> InsertionPlace {
    guard let target = overrideTarget ?? stack.last else { return .inside(0) }
    if fosterParenting && target.namespace == .html {
      switch target.localName {
      case .table, .tbody, .tfoot, .thead, .tr:
        let lastTemplate = stack.lastIndex { $0.is(.template) }
        let lastTable = stack.lastIndex { $0.is(.table) }
        if let lastTemplate, lastTable.map({ lastTemplate > $0 }) ?? true { return .inside(stack[lastTemplate].target) }
        guard let lastTable, lastTable > 0 else { return .inside(stack[0].target) }
        return .foster(table: stack[lastTable].node, fallback: stack[lastTable - 1].target)
      default:
        break
      }
    }
    if overrideTarget == nil && stack.count > Self.maximumDepth && target.parent >= 0 { return .inside(target.parent) }
    return .inside(target.target)
  }

  func insert(_ node: Int32, at place: InsertionPlace) {
    switch place {
    case .inside(let parent): batch.append(.append, parent, node)
    case .foster(let table, let fallback): batch.append(.fosterParent, node, table, fallback)
    }
  }

  /// "Insert a foreign element" (§13.2.6.1): creates, inserts at the appropriate place and pushes.
  @discardableResult
  func insertElement(for tag: Tag, in namespace: Namespace = .html) -> OpenElement {
    var element = createElement(for: tag, in: namespace)
    let place = appropriatePlace()
    insert(element.node, at: place)
    if case .inside(let parent) = place { element.parent = parent }
    push(element)
    if namespace == .html, let formElement, !hasTemplateOnStack {
      switch element.localName {
      case .button, .fieldset, .input, .object, .output, .select, .textarea:
        if !tag.attributes.contains(where: { $0.name == Array("form".utf8) }) {
          batch.append(.formOwner, element.node, formElement.node)
        }
      case .img:
        batch.append(.formOwner, element.node, formElement.node)
      default:
        break
      }
    }
    return element
  }

  /// Inserts an element created for a tag name without attributes (an implied `head`, `body`, ...).
  @discardableResult
  func insertElement(named name: String) -> OpenElement {
    insertElement(for: Tag(name: Array(name.utf8)))
  }

  /// "Insert a character" for a run of characters (§13.2.6.1).
  func insertCharacters(_ bytes: ArraySlice<UInt8>) {
    guard !bytes.isEmpty else { return }
    switch appropriatePlace() {
    case .inside(let parent):
      if parent == 0 && context == nil { return }
      batch.appendCharacters(.text, parent, -1, bytes)
    case .foster(let table, let fallback):
      batch.appendCharacters(.fosterText, table, fallback, bytes)
    }
  }

  /// "Insert a comment" at the appropriate place, or as the last child of `parent`.
  func insertComment(_ data: [UInt8], inside parent: Int32? = nil) {
    let node = newNode()
    let (offset, length) = batch.appendString(data)
    batch.append(.comment, node, offset, length)
    if let parent { insert(node, at: .inside(parent)) } else { insert(node, at: appropriatePlace()) }
  }

  // MARK: The stack of open elements

  var currentNode: OpenElement { stack[stack.count - 1] }

  func push(_ element: OpenElement) {
    stack.append(element)
    didAdd(element)
  }

  /// Inserts an element into the stack at `index` (the adoption agency).
  func insertIntoStack(_ element: OpenElement, at index: Int) {
    stack.insert(element, at: index)
    didAdd(element)
  }

  /// Removes the stack entry at `index`.
  @discardableResult
  func removeFromStack(at index: Int) -> OpenElement {
    let element = stack.remove(at: index)
    didRemove(element)
    return element
  }

  private func didAdd(_ element: OpenElement) {
    onStack[Int(element.node)] = true
    if element.namespace == .html { openCounts[Int(element.localName.rawValue)] += 1 }
  }

  private func didRemove(_ element: OpenElement) {
    onStack[Int(element.node)] = false
    if element.namespace == .html { openCounts[Int(element.localName.rawValue)] -= 1 }
  }

  /// Whether a `template` element is on the stack of open elements.
  var hasTemplateOnStack: Bool { openCounts[Int(LocalName.template.rawValue)] > 0 }

  /// Pops the current node; an `option` gets a `pop` operation, since its popping steps clone it
  /// into its `select`'s `selectedcontent` (§4.10.10).
  @discardableResult
  func pop() -> OpenElement {
    let element = stack.removeLast()
    didRemove(element)
    if element.localName == .option && element.namespace == .html { batch.append(.pop, element.node) }
    return element
  }

  /// Pops elements until an HTML element named `name` has been popped.
  func popUntil(_ name: LocalName) {
    while !stack.isEmpty {
      if pop().is(name) { return }
    }
  }

  /// Pops elements until one of `names` (HTML) has been popped.
  func popUntil(oneOf names: LocalNameSet) {
    while !stack.isEmpty {
      let element = pop()
      if element.namespace == .html && names.contains(element.localName) { return }
    }
  }

  /// Pops elements until the node `node` has been popped.
  func popUntil(node: Int32) {
    while !stack.isEmpty {
      if pop().node == node { return }
    }
  }

  func removeFromStack(_ node: Int32) {
    if let index = stack.lastIndex(where: { $0.node == node }) { removeFromStack(at: index) }
  }

  func isBoundary(_ element: OpenElement, of scope: Scope) -> Bool {
    switch element.namespace {
    case .html:
      switch element.localName {
      case .html, .table, .template: return true
      case .applet, .caption, .td, .th, .marquee, .object: return scope != .table
      case .ol, .ul: return scope == .listItem
      case .button: return scope == .button
      default: return false
      }
    case .mathML:
      switch element.localName {
      case .mi, .mo, .mn, .ms, .mtext, .annotationXML: return scope != .table
      default: return false
      }
    case .svg:
      switch element.localName {
      case .foreignObject, .desc, .title: return scope != .table
      default: return false
      }
    }
  }

  /// Whether an HTML element named `name` is in the given scope (§13.2.4.2).
  func hasElementInScope(_ name: LocalName, _ scope: Scope = .normal) -> Bool {
    guard openCounts[Int(name.rawValue)] > 0 else { return false }
    for element in stack.reversed() {
      if element.is(name) { return true }
      if isBoundary(element, of: scope) { return false }
    }
    return false
  }

  /// Whether one of the HTML elements `names` is in scope.
  func hasElementInScope(oneOf names: LocalNameSet, _ scope: Scope = .normal) -> Bool {
    guard names.names.contains(where: { openCounts[Int($0.rawValue)] > 0 }) else { return false }
    for element in stack.reversed() {
      if element.namespace == .html && names.contains(element.localName) { return true }
      if isBoundary(element, of: scope) { return false }
    }
    return false
  }

  /// Whether the node `node` is in scope.
  func hasNodeInScope(_ node: Int32) -> Bool {
    for element in stack.reversed() {
      if element.node == node { return true }
      if isBoundary(element, of: .normal) { return false }
    }
    return false
  }

  /// "Generate implied end tags" (§13.2.6.3), except for HTML `exception`; thoroughly when asked.
  func generateImpliedEndTags(except exception: LocalName? = nil, thoroughly: Bool = false) {
    while let element = stack.last, element.namespace == .html, element.localName != exception {
      switch element.localName {
      case .dd, .dt, .li, .optgroup, .option, .p, .rb, .rp, .rt, .rtc:
        pop()
      case .caption, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr:
        guard thoroughly else { return }
        pop()
      default:
        return
      }
    }
  }

  /// "Close a p element" (§13.2.6.4.7).
  func closePElement() {
    generateImpliedEndTags(except: .p)
    popUntil(.p)
  }

  func closePElementInButtonScope() {
    if hasElementInScope(.p, .button) { closePElement() }
  }

  /// The special category (§13.2.4.3).
  func isSpecial(_ element: OpenElement) -> Bool {
    switch element.namespace {
    case .html:
      switch element.localName {
      case .address, .applet, .area, .article, .aside, .base, .basefont, .bgsound, .blockquote, .body, .br, .button,
        .caption, .center, .col, .colgroup, .dd, .details, .dir, .div, .dl, .dt, .embed, .fieldset, .figcaption,
        .figure, .footer, .form, .frame, .frameset, .h1, .h2, .h3, .h4, .h5, .h6, .head, .header, .hgroup, .hr, .html,
        .iframe, .img, .input, .keygen, .li, .link, .listing, .main, .marquee, .menu, .meta, .nav, .noembed,
        .noframes, .noscript, .object, .ol, .p, .param, .plaintext, .pre, .script, .search, .section,
        .source, .style, .summary, .table, .tbody, .td, .template, .textarea, .tfoot, .th, .thead, .title, .tr,
        .track, .ul, .wbr, .xmp:
        return true
      default:
        return false
      }
    case .mathML:
      switch element.localName {
      case .mi, .mo, .mn, .ms, .mtext, .annotationXML: return true
      default: return false
      }
    case .svg:
      switch element.localName {
      case .foreignObject, .desc, .title: return true
      default: return false
      }
    }
  }

  // MARK: The list of active formatting elements

  /// Pushes an element onto the list, after the Noah's Ark clause removes the earliest of three
  /// equal ones (§13.2.4.4).
  func pushFormatting(_ element: OpenElement, _ tag: Tag) {
    var equal = 0
    var earliest = -1
    var index = formatting.count - 1
    while index >= 0 {
      guard let other = formatting[index].element else { break }
      if other.nameKey == element.nameKey && other.namespace == element.namespace
        && sameAttributes(formatting[index].tag.attributes, tag.attributes)
      {
        equal += 1
        earliest = index
      }
      index -= 1
    }
    if equal >= 3 { formatting.remove(at: earliest) }
    formatting.append(FormattingEntry(element: element, tag: tag))
  }

  func sameAttributes(_ first: [Attribute], _ second: [Attribute]) -> Bool {
    guard first.count == second.count else { return false }
    for attribute in first where !second.contains(attribute) { return false }
    return true
  }

  func insertMarker() {
    formatting.append(FormattingEntry(element: nil, tag: Tag(name: [])))
  }

  func clearFormattingToLastMarker() {
    while let entry = formatting.popLast(), entry.element != nil {}
  }

  func formattingIndex(of node: Int32) -> Int? {
    formatting.lastIndex { $0.element?.node == node }
  }

  /// "Reconstruct the active formatting elements" (§13.2.4.4).
  func reconstructFormatting() {
    guard let last = formatting.last, let element = last.element, !onStack[Int(element.node)] else { return }
    var index = formatting.count - 1
    while index > 0 {
      guard let previous = formatting[index - 1].element, !onStack[Int(previous.node)] else { break }
      index -= 1
    }
    while index < formatting.count {
      let created = insertElement(for: formatting[index].tag)
      formatting[index].element = created
      index += 1
    }
  }

  // MARK: Insertion modes

  /// "Reset the insertion mode appropriately" (§13.2.4.1).
  func resetInsertionMode() {
    var index = stack.count - 1
    while index >= 0 {
      let last = index == 0
      var node = stack[index]
      if last, let context { node = context }
      if node.namespace == .html {
        switch node.localName {
        case .td where !last, .th where !last:
          mode = .inCell
          return
        case .tr:
          mode = .inRow
          return
        case .tbody, .thead, .tfoot:
          mode = .inTableBody
          return
        case .caption:
          mode = .inCaption
          return
        case .colgroup:
          mode = .inColumnGroup
          return
        case .table:
          mode = .inTable
          return
        case .template:
          mode = templateModes.last ?? .inBody
          return
        case .head where !last:
          mode = .inHead
          return
        case .body:
          mode = .inBody
          return
        case .frameset:
          mode = .inFrameset
          return
        case .html:
          mode = headElement == nil ? .beforeHead : .afterHead
          return
        default:
          break
        }
      }
      if last {
        mode = .inBody
        return
      }
      index -= 1
    }
  }

  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0C || byte == 0x0D
  }

  /// The length of the leading run of ASCII whitespace.
  static func whitespacePrefixLength(_ bytes: [UInt8]) -> Int {
    var count = 0
    while count < bytes.count && isWhitespace(bytes[count]) { count += 1 }
    return count
  }
}
