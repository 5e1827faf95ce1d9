import Browser
import V8

extension Page {
  /// Runs `body` as the body of an async function in page code and gives the value its promise
  /// settles to, after the microtasks it queued (mutation observers, `slotchange`) have run.
  func evaluateAwaiting(_ body: String) throws -> JSValue {
    try realm.context.awaitPromise(try evaluate("(async () => {\n\(body)\n})()"))
  }
}
