#!/usr/bin/env python3
"""Test-only: parses an HTML fixture with Python's html.parser into a JSON tree for the selector tests.

It is not an HTML parser: it knows void elements, the implied <tbody> of a <tr> directly in a
<table>, where text around <head>/<body> goes (all the WPT selectors fixture needs), and the
implied end tags of p, li, dt/dd, option, tr/td/th and headings (HTML §13.2.6.4.7), so that real
pages that leave them out (the benchmark's documentation pages) get the tree's real depth.
Output: {"doctype": name, "children": [node...]}; a node is ["e", name, [[attr, value]...], [children]],
["t", text] or ["c", comment].
"""
import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Start tags that close an open <p> (HTML §13.2.6.4.7, "in body").
CLOSES_P = {
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
    "dd", "dt", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "listing", "plaintext",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements an implied end tag does not search past ("has an element in scope", roughly).
SCOPE = {"html", "body", "table", "td", "th", "caption", "button", "template", "object", "marquee", "applet", "select"}


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.doctype = None
        self.root = ["#document", []]
        self.stack = [self.root]
        self.body = None

    def children(self):
        node = self.stack[-1]
        return node[1] if node is self.root else node[3]

    def handle_decl(self, decl):
        if decl.lower().startswith("doctype"):
            self.doctype = decl.split()[1] if len(decl.split()) > 1 else ""

    def close_open(self, names, boundaries):
        """Closes the nearest open element named in `names`, unless an element in `boundaries` comes first."""
        for i in range(len(self.stack) - 1, 0, -1):
            name = self.stack[i][1]
            if name in names:
                del self.stack[i:]
                return
            if name in boundaries:
                return

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_P:
            self.close_open({"p"}, SCOPE)
        if tag == "li":
            self.close_open({"li"}, SCOPE | {"ul", "ol", "menu"})
        elif tag in ("dd", "dt"):
            self.close_open({"dd", "dt"}, SCOPE | {"dl"})
        elif tag in HEADINGS and self.stack[-1][1] in HEADINGS:
            self.stack.pop()
        elif tag in ("option", "optgroup"):
            if self.stack[-1][1] == "option":
                self.stack.pop()
            if tag == "optgroup" and self.stack[-1][1] == "optgroup":
                self.stack.pop()
        elif tag == "tr":
            self.close_open({"tr"}, {"table", "tbody", "thead", "tfoot"})
        elif tag in ("td", "th"):
            self.close_open({"td", "th"}, {"table", "tr"})
        current = self.stack[-1]
        if tag == "tr" and current is not self.root and current[1] == "table":
            self.handle_starttag("tbody", [])
        element = ["e", tag, [[name, value if value is not None else ""] for name, value in attrs], []]
        self.children().append(element)
        if tag == "body":
            self.body = element
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][1] == tag:
                if tag in ("body", "html"):
                    return  # text after </body> still goes into <body>
                del self.stack[i:]
                return

    def handle_data(self, data):
        if self.stack[-1] is self.root:
            return  # whitespace before <html>
        self.children().append(["t", data])

    def handle_comment(self, data):
        if self.stack[-1] is self.root:
            self.root[1].append(["c", data])
        else:
            self.children().append(["c", data])


def main():
    sys.setrecursionlimit(20000)
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    json.dump({"doctype": builder.doctype, "children": builder.root[1]}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
