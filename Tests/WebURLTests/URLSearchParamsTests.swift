import Testing
import WebURL

/// The `URLSearchParams` operations (URL Standard §6.2) and the serializer (§5.2).
@Suite struct URLSearchParamsTests {
  @Test func serializesAsFormURLEncoded() {
    let params = URLSearchParams([("a b", "c+d"), ("é", "&="), ("x", "*-._~")])
    #expect(params.description == "a+b=c%2Bd&%C3%A9=%26%3D&x=*-._%7E")
    #expect(URLSearchParams(params.description) == params)
  }

  @Test func constructorDropsOneLeadingQuestionMark() {
    #expect(URLSearchParams("?a=1").list.map(\.name) == ["a"])
    #expect(URLSearchParams("??a=1").list.map(\.name) == ["?a"])
  }

  @Test func setReplacesTheFirstAndRemovesTheRest() {
    var params = URLSearchParams("a=1&b=2&a=3&c=4")
    params.set("a", "9")
    #expect(params.description == "a=9&b=2&c=4")
    params.set("d", "5")
    #expect(params.description == "a=9&b=2&c=4&d=5")
  }

  @Test func deleteAndHasWithAndWithoutValue() {
    var params = URLSearchParams("a=1&a=2&b=1")
    #expect(params.has("a", value: "2"))
    #expect(!params.has("a", value: "3"))
    params.delete("a", value: "1")
    #expect(params.getAll("a") == ["2"])
    params.delete("a")
    #expect(params.get("a") == nil)
    #expect(params.size == 1)
  }

  @Test func namesCompareByCodePointsNotCanonicalEquivalence() {
    let params = URLSearchParams([("\u{E9}", "precomposed")])
    #expect(params.get("e\u{301}") == nil)
    #expect(params.get("\u{E9}") == "precomposed")
  }

  /// U+FFFD sorts after U+1F600 in UTF-16 code units (0xFFFD > 0xD83D), before it in scalars.
  @Test func sortIsStableByUTF16CodeUnits() {
    var params = URLSearchParams([("\u{FFFD}", "1"), ("\u{1F600}", "2"), ("b", "3"), ("a", "4"), ("b", "5")])
    params.sort()
    #expect(params.list.map(\.value) == ["4", "3", "5", "2", "1"])
  }

  @Test func urlSearchParamsUpdateTheQuery() {
    guard var url = URLRecord("https://example.com/?a=1#f") else {
      Issue.record("the URL did not parse")
      return
    }
    var params = url.searchParams
    params.append("b", "x y")
    url.searchParams = params
    #expect(url.href == "https://example.com/?a=1&b=x+y#f")
    url.searchParams = URLSearchParams()
    #expect(url.href == "https://example.com/#f")
  }
}
