import Browser
import Testing
import V8

/// `URL`, `URLSearchParams` and the hyperlink URL decomposition attributes in a page realm
/// (URL Standard §6, HTML §4.6.3), parsed by Ada through the page's host functions.
@Suite struct PageURLTests {
  @Test func urlParsesIntoItsComponents() throws {
    let page = try PageFixture().page("<!doctype html><title>t</title>")
    let result = try page.evaluate(
      """
      const url = new URL('HTTPS://user:pw@EXAMPLE.com:8080/a/./b/../c?x=1&y=%20#frag');
      [url.href, url.origin, url.protocol, url.username, url.password, url.host, url.hostname, url.port, url.pathname, url.search,
        url.hash, String(url), JSON.stringify({ url })].join('\\n')
      """)
    #expect(
      result.stringValue == """
        https://user:pw@example.com:8080/a/c?x=1&y=%20#frag
        https://example.com:8080
        https:
        user
        pw
        example.com:8080
        example.com
        8080
        /a/c
        ?x=1&y=%20
        #frag
        https://user:pw@example.com:8080/a/c?x=1&y=%20#frag
        {"url":"https://user:pw@example.com:8080/a/c?x=1&y=%20#frag"}
        """)
  }

  @Test func relativeURLsFailuresAndSetters() throws {
    let page = try PageFixture().page("<!doctype html><title>t</title>")
    let result = try page.evaluate(
      """
      const out = [];
      out.push(new URL('../x?q#h', 'https://example.test/a/b/c').href);
      try { new URL('not a url'); } catch (e) { out.push(e.constructor.name); }
      out.push(URL.canParse('/path'), URL.canParse('/path', 'https://example.test'), new URL('https://例え.jp/').hostname);
      const url = new URL('https://example.test/');
      url.pathname = 'a b';
      url.search = 'q=1 2';
      url.hash = 'top';
      url.port = '443';
      url.protocol = 'http';
      out.push(url.href);
      try { url.href = 'nope'; } catch (e) { out.push(e.constructor.name, url.href); }
      out.push(new URL({ toString() { return 'https://object.test/'; } }).host);
      out.join('\\n')
      """)
    #expect(
      result.stringValue == """
        https://example.test/a/x?q#h
        TypeError
        false
        true
        xn--r8jz45g.jp
        http://example.test/a%20b?q=1%202#top
        TypeError
        http://example.test/a%20b?q=1%202#top
        object.test
        """)
  }

  @Test func searchParamsParseSerializeAndUpdateTheirURL() throws {
    let page = try PageFixture().page("<!doctype html><title>t</title>")
    let result = try page.evaluate(
      """
      const out = [];
      const params = new URLSearchParams('?b=2&a=1&b=3&c=%F0%9F%98%80+x');
      out.push(params.get('b'), params.getAll('b').join(), params.get('c'), params.has('a'), params.has('a', '2'), params.size);
      params.sort();
      out.push(params.toString());
      params.delete('b', '3');
      params.set('a', 'é&=');
      out.push(params.toString(), [...params.keys()].join());
      out.push(new URLSearchParams({ x: '1', y: 'two words' }).toString(), new URLSearchParams([['k', 'v'], ['k', 'w']]).toString());
      const url = new URL('https://example.test/?q=1');
      url.searchParams.append('r', 'a b');
      out.push(url.href);
      url.search = '?z=9';
      out.push(url.searchParams.get('z'), String(url.searchParams.get('q')));
      out.join('\\n')
      """)
    #expect(
      result.stringValue == """
        2
        2,3
        😀 x
        true
        false
        4
        a=1&b=2&b=3&c=%F0%9F%98%80+x
        a=%C3%A9%26%3D&b=2&c=%F0%9F%98%80+x
        a,b,c
        x=1&y=two+words
        k=v&k=w
        https://example.test/?q=1&r=a+b
        9
        null
        """)
  }

  @Test func hyperlinksDecomposeTheirResolvedHref() throws {
    let page = try PageFixture().page(
      """
      <!doctype html><base href="https://cdn.example.test/dir/">
      <a id="a" href="../path/page.html?x=1#part">a</a><a id="bad" href="https://exa mple.test/">bad</a><a id="none">none</a>
      <map><area id="area" href="http://other.test:81/p"></map>
      """, url: "https://example.test/index.html")
    let result = try page.evaluate(
      """
      const a = document.getElementById('a'), bad = document.getElementById('bad'), none = document.getElementById('none');
      const area = document.getElementById('area');
      const out = [a.href, a.origin, a.protocol, a.host, a.hostname, a.port, a.pathname, a.search, a.hash,
        bad.href, bad.protocol, bad.host, none.href, none.origin, none.protocol, area.origin, area.host, area.pathname];
      a.pathname = '/other';
      a.search = 'y=2';
      a.hash = '';
      a.hostname = 'example.org';
      out.push(a.getAttribute('href'));
      none.pathname = '/ignored';
      out.push(none.hasAttribute('href'));
      out.join('\\n')
      """)
    let expected = [
      "https://cdn.example.test/path/page.html?x=1#part", "https://cdn.example.test", "https:", "cdn.example.test",
      "cdn.example.test",
      "", "/path/page.html", "?x=1", "#part", "https://exa mple.test/", ":", "", "", "", ":", "http://other.test:81",
      "other.test:81", "/p",
      "https://example.org/other?y=2", "false",
    ]
    #expect(result.stringValue == expected.joined(separator: "\n"))
  }
}
