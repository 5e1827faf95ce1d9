// html5lib-tests' serializer cases as page code: a tree (made in Swift from a case's token
// stream) is built through the public DOM API only (createElementNS, setAttributeNS,
// createTextNode, createComment, document.implementation.createDocumentType, appendChild) and
// serialized by the HTML fragment serialization algorithm (HTML §13.3). Evaluates to a function
// of the tree as JSON and Caper's `entry` function: a tree with a doctype becomes the children of
// the page's own document, serialized as the document (Caper's `content()`, what `caper scrape`
// gives as a page's content); any other tree becomes the children of a `div`, read through
// `innerHTML`.
((treeJSON, entry) => {
  const tree = JSON.parse(treeJSON);
  const build = (parent, nodes) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'element': {
          const element = document.createElementNS(node.namespace, node.name);
          for (const attribute of node.attributes) element.setAttributeNS(attribute.namespace, attribute.name, attribute.value);
          parent.appendChild(element);
          build(element, node.children);
          break;
        }
        case 'text': parent.appendChild(document.createTextNode(node.data)); break;
        case 'comment': parent.appendChild(document.createComment(node.data)); break;
        case 'doctype':
          parent.appendChild(document.implementation.createDocumentType(node.name, node.publicId, node.systemId));
          break;
        default: throw new Error(`unknown node type ${node.type}`);
      }
    }
  };
  if (tree.container === 'document') {
    while (document.firstChild !== null) document.removeChild(document.firstChild);
    build(document, tree.nodes);
    return entry().content();
  }
  const container = document.createElementNS('http://www.w3.org/1999/xhtml', 'div');
  build(container, tree.nodes);
  return container.innerHTML;
})
