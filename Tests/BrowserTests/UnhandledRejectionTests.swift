import Browser
import Foundation
import Runtime
import Testing
import V8

/// Unhandled promise rejections of a page (HTML §8.1.4.7): `unhandledrejection` at the window
/// after the microtask checkpoint for each promise still unhandled, `rejectionhandled` when one
/// is handled later, and a page error for a rejection no handler canceled.
@Suite struct UnhandledRejectionTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  /// Runs the page's tasks until nothing is left (at most `turns` of them).
  func settle(_ page: Page, turns: Int = 200) throws {
    for _ in 0..<turns {
      guard try page.realm.loop.turn(until: .now + .seconds(5), waitingOn: page.realm.context) else { return }
    }
  }

  func log(_ page: Page) throws -> [String] {
    guard case .array(let entries) = try page.evaluate("log") else { return [] }
    return entries.compactMap(\.stringValue)
  }

  @Test func eventsFireInChromiumsOrder() throws {
    // The probe timers/unhandled-rejection, as Chromium logged it.
    let page = try fixture.page(
      """
      <script>
      var log = [];
      addEventListener('load', function () {
        var late;
        addEventListener('unhandledrejection', function (e) {
          log.push(['unhandledrejection', e.constructor.name, e.reason.message, e.promise === late, e.cancelable, e.isTrusted].join(' '));
          e.preventDefault();
          setTimeout(function () { late.catch(function () { log.push('caught late'); }); }, 0);
        });
        addEventListener('rejectionhandled', function (e) {
          log.push(['rejectionhandled', e.reason.message, e.promise === late].join(' '));
        });
        late = Promise.reject(new Error('nobody catches'));
        Promise.reject(new Error('caught at once')).catch(function () { log.push('caught at once'); });
        log.push('sync end');
      });
      </script>
      """)
    defer { page.close() }
    try settle(page)
    #expect(
      try log(page) == [
        "sync end", "caught at once", "unhandledrejection PromiseRejectionEvent nobody catches true true true", "caught late",
        "rejectionhandled nobody catches true",
      ])
    #expect(page.environment.errors.isEmpty)
  }

  @Test func aRejectionNoHandlerCancelsIsAPageErrorWithItsLocation() throws {
    let url = "https://example.test/rejects.html"
    let page = try fixture.page("<script>\nvar log = [];\nPromise.reject(new TypeError('nobody catches'));\n</script>", url: url)
    defer { page.close() }
    try settle(page)
    let error = try #require(page.environment.errors.first)
    #expect(page.environment.errors.count == 1)
    #expect(error.inPromise)
    #expect(error.name == "TypeError")
    #expect(error.message == "nobody catches")
    #expect(error.stack.hasPrefix("TypeError: nobody catches\n    at "))
    #expect(error.location?.hasPrefix(url + ":") == true)
    #expect(error.description.hasSuffix("Uncaught (in promise) TypeError: nobody catches"))
  }

  @Test func aRejectionWithAValueThatIsNoErrorSaysTheValue() throws {
    let page = try fixture.page("<script>Promise.reject(42); (async () => { throw 'a string'; })();</script>")
    defer { page.close() }
    try settle(page)
    #expect(page.environment.errors.map(\.description) == ["Uncaught (in promise) 42", "Uncaught (in promise) a string"])
  }

  @Test func aPromiseHandledWithinTheCheckpointFiresNothing() throws {
    let page = try fixture.page(
      """
      <script>
      var log = [];
      addEventListener('unhandledrejection', function (e) { log.push('unhandledrejection ' + e.reason.message); });
      var p = Promise.reject(new Error('soon handled'));
      Promise.resolve().then(function () { return null; }).then(function () { p.catch(function () { log.push('caught'); }); });
      (async function () { try { await Promise.reject(new Error('awaited')); } catch (e) { log.push('awaited caught'); } })();
      </script>
      """)
    defer { page.close() }
    try settle(page)
    #expect(try log(page) == ["awaited caught", "caught"])
    #expect(page.environment.errors.isEmpty)
  }

  @Test func anEventHandlerReturningFalseCancelsTheReport() throws {
    let page = try fixture.page(
      """
      <script>
      var log = [];
      onunhandledrejection = function (e) { log.push('handler ' + e.reason); return false; };
      Promise.reject('quiet');
      </script>
      """)
    defer { page.close() }
    try settle(page)
    #expect(try log(page) == ["handler quiet"])
    #expect(page.environment.errors.isEmpty)
  }

  @Test func aListenerNotCancelingLeavesThePageErrorAndAHandlerAddedDuringTheEventFiresNoRejectionhandled() throws {
    let page = try fixture.page(
      """
      <script>
      var log = [];
      addEventListener('unhandledrejection', function (e) {
        log.push('unhandledrejection ' + e.reason.message);
        e.promise.catch(function () { log.push('caught in the event'); });
      });
      addEventListener('rejectionhandled', function () { log.push('rejectionhandled'); });
      Promise.reject(new Error('seen'));
      </script>
      """)
    defer { page.close() }
    try settle(page)
    #expect(try log(page) == ["unhandledrejection seen", "caught in the event"])
    #expect(page.environment.errors.map(\.message) == ["seen"])
  }

  @Test func rejectionsInLaterTasksAreReportedAfterThoseTasks() throws {
    let page = try fixture.page(
      """
      <script>
      var log = [];
      addEventListener('unhandledrejection', function (e) { log.push('unhandledrejection ' + e.reason.message); e.preventDefault(); });
      setTimeout(function () {
        log.push('timer');
        (async function () { await null; throw new Error('in a timer'); })();
        Promise.resolve().then(function () { log.push('microtask'); });
      }, 10);
      </script>
      """)
    defer { page.close() }
    try settle(page)
    #expect(try log(page) == ["timer", "microtask", "unhandledrejection in a timer"])
  }

  @Test func pagesConstructPromiseRejectionEventsAsBrowsersDo() throws {
    let page = try fixture.page("<script>var log = [];</script>")
    defer { page.close() }
    let results = try page.evaluate(
      """
      (() => {
        const p = Promise.resolve();
        const event = new PromiseRejectionEvent('unhandledrejection', { promise: p, reason: 'why', cancelable: true });
        const threw = (f) => { try { f(); return 'no'; } catch (e) { return e.constructor.name; } };
        return [
          event.promise === p, event.reason, event.cancelable, event.isTrusted, String(event), event instanceof Event,
          threw(() => new PromiseRejectionEvent('x')), threw(() => new PromiseRejectionEvent('x', {})),
          window.dispatchEvent(event),
        ];
      })()
      """)
    #expect(results == [true, "why", true, false, "[object PromiseRejectionEvent]", true, "TypeError", "TypeError", true])
  }

  @Test func theSupportRealmsRejectionsAreNotThePages() throws {
    let page = try fixture.page(
      "<script>var log = []; addEventListener('unhandledrejection', () => log.push('page saw it'));</script>")
    defer { page.close() }
    _ = try fixture.support.context.evaluate("Promise.reject(new Error('support code')); 0")
    try settle(page)
    #expect(try log(page).isEmpty)
    #expect(page.environment.errors.isEmpty)
  }

  @Test func aPagePromiseTheSupportRealmAwaitsIsHandledOneSwiftOnlyReadsIsNot() throws {
    let page = try fixture.page("<script>var log = [];</script>")
    defer { page.close() }
    let read = try page.evaluate("Promise.reject(new Error('read from Swift'))")
    let error = try #require(throws: JSError.self) { try page.realm.context.awaitPromise(read) }
    #expect(error.message == "read from Swift")
    guard
      case .function(let awaitIt) = try fixture.support.context.evaluate(
        "(async (promise) => { try { await promise; } catch (e) { return 'caught ' + e.message; } })")
    else {
      Issue.record("no function")
      return
    }
    let awaited = try page.evaluate("Promise.reject(new Error('awaited by support code'))")
    guard case .promise(let promise) = awaited else {
      Issue.record("no promise")
      return
    }
    #expect(try fixture.support.context.callAwaiting(awaitIt, [.reference(promise)]) == "caught awaited by support code")
    try settle(page)
    // Reading a promise's state from Swift is no handler: the page reports that one.
    #expect(page.environment.errors.map(\.message) == ["read from Swift"])
  }
}
