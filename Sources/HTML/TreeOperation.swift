/// The operations of the tree-construction stream the parser hands to a page realm's DOM runtime
/// (`dom/tree-operations.js` applies them), one word each, followed by their operands.
///
/// A batch is two values: `operations`, little-endian 32-bit words (an `Int32Array` in
/// JavaScript), and `text`, one string every string operand points into as two words, offset and
/// length in UTF-16 code units. Node ids are small integers the parser assigns, per parse: id 0 is
/// the document (document parsing) or the node that receives the fragment (fragment parsing: what
/// the HTML Standard's algorithm appends to its `html` root element, which the parser never
/// creates). Name ids are given by `name` before first use, per parse; ids and names stay valid
/// across the batches of one parse. A missing string (a DOCTYPE without a public identifier) is
/// offset -1, length 0.
///
/// Every decision the HTML Standard takes from the DOM's current state (foster parenting's "if the
/// table has a parent node", merging text with a preceding `Text` node, "add the attribute if the
/// element has none of that name") is an operation the DOM runtime resolves when it applies it,
/// so a script that ran between two batches cannot leave the parser acting on a stale copy.
public enum TreeOperation: Int32, Sendable {
  /// `name id, text offset, length`: defines name `id` (a tag or attribute name, exactly as
  /// inserted: lowercase in HTML, adjusted in SVG and MathML).
  case name = 1
  /// `name offset, length, public id offset, length, system id offset, length`: appends a
  /// DocumentType to the document.
  case doctype = 2
  /// `mode`: the document's mode, 0 no-quirks, 1 quirks, 2 limited-quirks.
  case mode = 3
  /// `node, namespace, name id, attribute count, then per attribute: attribute namespace, name id,
  /// value offset, length`: creates an element (not inserted). Namespace 0 HTML, 1 SVG,
  /// 2 MathML; attribute namespace 0 none, 1 XLink, 2 XML, 3 XMLNS (prefix `xlink`, `xml`,
  /// `xmlns`, except the attribute `xmlns` itself, which has no prefix).
  case element = 4
  /// `node, text offset, length`: creates a comment (not inserted).
  case comment = 5
  /// `parent, child`: appends child (removed from its parent first).
  case append = 6
  /// `parent, child, reference`: inserts child before reference.
  case insertBefore = 7
  /// `parent, reference (-1: at the end), text offset, length`: inserts characters; when the node
  /// just before that place is a Text node they are appended to its data, else a new Text node.
  case text = 8
  /// `child, table, fallback`: foster parenting. When table has a parent, child is inserted
  /// into it before table; else it is appended to fallback (the element above the table in the
  /// stack of open elements).
  case fosterParent = 9
  /// `table, fallback, text offset, length`: characters at the foster-parenting place, merged as
  /// for `text`.
  case fosterText = 10
  /// `node, attribute count, attributes (as for element)`: adds each attribute the element does
  /// not have yet (a second `<html>` or `<body>` start tag).
  case addMissingAttributes = 11
  /// `child`: removes child from its parent, if it has one.
  case remove = 12
  /// `from, to`: appends all children of from to to, in order (the adoption agency).
  case moveChildren = 13
  /// `template, content`: content is the id of the template element's template contents.
  case templateContents = 14
  /// `element, form`: the form owner the parser's form element pointer gives.
  case formOwner = 15
  /// `host, root, mode (0 open, 1 closed), flags (1 delegatesFocus, 2 clonable, 4 serializable)`:
  /// a declarative shadow root attached to host; root is its id.
  case shadowRoot = 16
  /// `node`: the element was popped off the stack of open elements (scripts and custom elements
  /// act on this; others ignore it).
  case pop = 17
  /// `node, namespace offset, length, prefix offset, length, local name id, attribute count, then per
  /// attribute: namespace offset, length, prefix offset, length, local name id, value offset,
  /// length`: creates an element of any namespace (XML documents; a missing namespace or prefix is
  /// offset -1).
  case elementNS = 18
  /// `node, target offset, length, data offset, length`: creates a processing instruction (not
  /// inserted).
  case processingInstruction = 19
  /// `node, text offset, length`: creates a CDATA section (not inserted).
  case cdataSection = 20
}
