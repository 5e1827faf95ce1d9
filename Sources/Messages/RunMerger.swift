/// Merges the message streams of several shards of one suite into the stream of one run.
///
/// Guarantees: what every shard reads the same way (sources, documents, pickles, definitions,
/// hooks, parameter types) appears once, by id or URI, in first-seen order; one
/// `testRunStarted` (the earliest) and one `testRunFinished` (successful only when every shard
/// was, at the latest timestamp) frame the shards' test cases, which keep their order shard by
/// shard and point at the merged run.
public enum RunMerger {
  public static func merge(_ shards: [[Envelope]]) -> [Envelope] {
    var head: [Envelope] = []
    var body: [Envelope] = []
    var seen = Set<String>()
    var meta: Envelope?
    var started: TestRunStarted?
    var finished: TestRunFinished?
    var success = true

    func once(_ key: String, _ envelope: Envelope) {
      if seen.insert(key).inserted { head.append(envelope) }
    }

    for shard in shards {
      var shardFinished = false
      for envelope in shard {
        switch envelope {
        case .meta: if meta == nil { meta = envelope }
        case .source(let m): once("source:\(m.uri)", envelope)
        case .gherkinDocument(let m): once("document:\(m.uri ?? "")", envelope)
        case .pickle(let m): once("pickle:\(m.id)", envelope)
        case .stepDefinition(let m): once("step:\(m.id)", envelope)
        case .hook(let m): once("hook:\(m.id)", envelope)
        case .parameterType(let m): once("type:\(m.id)", envelope)
        case .undefinedParameterType(let m): once("undefined:\(m.name):\(m.expression)", envelope)
        case .parseError: body.append(envelope)
        case .testRunStarted(let m):
          if started == nil || earlier(m.timestamp, started!.timestamp) { started = m }
        case .testRunFinished(let m):
          shardFinished = true
          success = success && m.success
          if finished == nil || earlier(finished!.timestamp, m.timestamp) { finished = m }
        default: body.append(envelope)
        }
      }
      if !shardFinished { success = false }
    }
    let runId = started?.id
    body = body.map { envelope in
      switch envelope {
      case .testCase(var m):
        m.testRunStartedId = runId
        return .testCase(m)
      case .testRunHookStarted(var m):
        m.testRunStartedId = runId ?? m.testRunStartedId
        return .testRunHookStarted(m)
      default: return envelope
      }
    }
    var out: [Envelope] = []
    if let meta { out.append(meta) }
    out += head
    if let started { out.append(.testRunStarted(started)) }
    out += body
    if var finished {
      finished.success = success
      finished.testRunStartedId = runId
      out.append(.testRunFinished(finished))
    }
    return out
  }

  static func earlier(_ a: Timestamp, _ b: Timestamp) -> Bool {
    a.seconds != b.seconds ? a.seconds < b.seconds : a.nanos < b.nanos
  }
}
