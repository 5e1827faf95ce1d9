import Browser
import CodeCache
import Foundation
import HTML
import Runtime
import V8

/// The DOM benchmark of issue 12 on one saved page: Caper's numbers (parse only, the page realm, the DOM build with a walk that
/// touches every node and attribute, 1,000 `querySelectorAll` over the given selectors plain and with one attribute change
/// between queries, and the heap the DOM holds after a full GC), each a median of `runs`.
///
/// `Support/scripts/bench-dom` prints jsdom's and Chromium's beside them, measured in the same run.
struct DOMBenchmark {
  let path: String
  let selectors: [String]
  let runs: Int

  /// Touches every node and attribute through the public DOM, as the jsdom side does.
  static let walk = """
    (() => { let count = 0; const stack = [document];
      while (stack.length) { const n = stack.pop(); count++;
        if (n.attributes) for (const a of n.attributes) count += a.value.length >= 0 ? 1 : 0;
        for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c); }
      return count; })()
    """

  func queries(mutating: Bool) -> String {
    let list = selectors.map { "'\($0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'"))'" }
    return """
      (() => { const selectors = [\(list.joined(separator: ", "))]; let found = 0;
        for (let round = 0; round < 100; round++) for (const s of selectors) {
          \(mutating ? "document.body.setAttribute('data-round', String(round));" : "")
          found += document.querySelectorAll(s).length; }
        return found; })()
      """
  }

  func run() throws {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let document = LoadedDocument(url: URL(fileURLWithPath: path).absoluteString, bytes: bytes, contentType: "text/html")
    let empty = LoadedDocument(url: "about:blank", bytes: [], contentType: "text/html")
    // As `caper scrape` makes them: one startup snapshot with the support context and the page's.
    let supportTemplate = RealmTemplate(name: "bench", extensions: [])
    let templates = [supportTemplate, DOMRuntime.template]
    let snapshot = RealmTemplate.snapshot(of: templates, store: MemoryCodeCache())
    let support = try Realm(
      template: supportTemplate, caches: RealmCaches(store: MemoryCodeCache(), snapshot: snapshot, templates: templates)
    ) {
      _ in [:]
    }
    let isolate = support.context.isolate

    let parse = Measure.median(runs: runs) {
      Measure.time {
        let (encoding, _) = EncodingSniffer.sniff(prefix: bytes.prefix(1024), transportCharset: nil)
        let parser = HTMLParser(scripting: true)
        parser.append(EncodingDecoder.decode(bytes, encoding: encoding))
        parser.finish()
        _ = parser.takeBatch()
      }
    }
    let realm = try Measure.median(runs: runs) {
      var page: Page?
      let time = try Measure.time { page = try Page(beside: support, document: empty) }
      page?.close()
      return time
    }
    var elements = 0.0
    var loads: [Duration] = []
    var walks: [Duration] = []
    let build = try Measure.median(runs: runs) {
      var page: Page?
      let loaded = try Measure.time { page = try Page(beside: support, document: document) }
      let walked = try Measure.time { _ = try page!.realm.context.evaluate(Self.walk) }
      loads.append(loaded)
      walks.append(walked)
      let time = loaded + walked
      elements = try page!.realm.context.evaluate("document.getElementsByTagName('*').length").numberValue ?? 0
      page?.close()
      return time
    }

    // Memory: the heap after a full GC with the page open, less the heap with an empty page open.
    let blank = try Page(beside: support, document: empty)
    try isolate.lowMemoryNotification()
    let base = try isolate.heapStatistics().usedHeapSize
    blank.close()
    let page = try Page(beside: support, document: document)
    _ = try page.realm.context.evaluate(Self.walk)
    try isolate.lowMemoryNotification()
    let heap = Double(try isolate.heapStatistics().usedHeapSize - base) / 1_048_576

    var found = 0.0
    let query = try Measure.median(runs: max(1, runs / 2)) {
      try Measure.time { found = try page.realm.context.evaluate(queries(mutating: false)).numberValue ?? 0 }
    }
    let mutating = try Measure.median(runs: max(1, runs / 2)) {
      try Measure.time { _ = try page.realm.context.evaluate(queries(mutating: true)) }
    }
    let json: [String: Any] = [
      "engine": "caper", "parseMs": Measure.milliseconds(parse), "pageRealmMs": Measure.milliseconds(realm),
      "buildMs": Measure.milliseconds(build), "loadMs": Measure.milliseconds(loads.sorted()[loads.count / 2]),
      "walkMs": Measure.milliseconds(walks.sorted()[walks.count / 2]), "queryMs": Measure.milliseconds(query),
      "queryMutatingMs": Measure.milliseconds(mutating),
      "found": Int(found), "heapMB": heap, "elements": Int(elements),
    ]
    let text = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
    print(String(decoding: text, as: UTF8.self))
  }
}
