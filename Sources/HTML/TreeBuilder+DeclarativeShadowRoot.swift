/// Declarative shadow roots: the "in head" rules for a `template` start tag (HTML Standard
/// §13.2.6.4.4), whose `shadowrootmode` attaches a shadow root to the adjusted current node.
///
/// Only document parsing allows declarative shadow roots (the fragment parser's document does
/// not, HTML §13.4). The host must be an HTML element that can host a shadow root: one of the
/// names "attach a shadow root" (DOM §4.2.14) allows, or a name the tree builder has no rule for
/// (a custom element). The DOM runtime applies `shadowRoot` and, when the host already hosts a
/// shadow root, keeps the content in a plain template instead (the standard's fallback).
extension TreeBuilder {
  /// Inserts the element of a `template` start tag, or pushes it as the declarative shadow root of
  /// the adjusted current node: the template is then never inserted and its children go into the
  /// shadow root.
  func insertTemplate(for tag: Tag) {
    guard context == nil, stack.count > 1, let mode = Self.shadowRootMode(tag), let host = adjustedCurrentNode,
      host.namespace == .html, Self.canHostShadowRoot(host.localName)
    else {
      insertElement(for: tag)
      return
    }
    var template = createElement(for: tag, in: .html)
    let root = newNode()
    var flags: Int32 = 0
    for attribute in tag.attributes {
      switch attribute.name {
      case Array("shadowrootdelegatesfocus".utf8): flags |= 1
      case Array("shadowrootclonable".utf8): flags |= 2
      case Array("shadowrootserializable".utf8): flags |= 4
      default: break
      }
    }
    batch.append(.shadowRoot, host.node, root, mode, flags)
    template.target = root
    template.parent = host.target
    push(template)
  }

  /// The `shadowrootmode` attribute's state: 0 open, 1 closed, nil for none (ASCII case-insensitive).
  static func shadowRootMode(_ tag: Tag) -> Int32? {
    guard let value = tag.attributes.first(where: { $0.name == Array("shadowrootmode".utf8) })?.value else { return nil }
    switch value.map({ $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }) {
    case Array("open".utf8): return 0
    case Array("closed".utf8): return 1
    default: return nil
    }
  }

  /// Whether "attach a shadow root" accepts an HTML element of this name (`other`: a custom element).
  static func canHostShadowRoot(_ name: LocalName) -> Bool {
    switch name {
    case .other, .article, .aside, .blockquote, .body, .div, .footer, .h1, .h2, .h3, .h4, .h5, .h6, .header, .main, .nav, .p,
      .section, .span:
      return true
    default:
      return false
    }
  }
}
