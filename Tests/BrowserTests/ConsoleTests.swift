import Browser
import Foundation
import Testing
import V8

/// The page's `console` (messages recorded in Swift with Playwright's types, Chrome's formatting
/// and the caller's location) and the simple dialogs `alert`, `confirm`, `prompt` (recorded,
/// answered by the page's dialog handler, else dismissed).
@Suite struct ConsoleTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  @Test func messagesHaveTheirTypesAndChromesFormatting() throws {
    let page = try fixture.page()
    _ = try page.evaluate(
      """
      console.log('%s has %d items costing %f', 'cart', 3.7, 1.5, 'extra');
      console.info({ a: 1, b: 'x', c: [1, 2], d: { e: 1 } });
      console.warn([1, 'two', null], undefined);
      console.error('%o and %%', document.body, 5);
      console.debug('%c styled', 'color: red');
      console.count(); console.count(); console.count('named');
      console.assert(1 === 2, 'math is %s', 'broken');
      console.assert(true, 'never');
      console.group('outer'); console.groupEnd();
      console.time('t'); console.timeEnd('t');
      console.timeEnd('missing');
      """, filename: "https://example.test/app.js")
    let messages = page.environment.consoleMessages
    #expect(
      messages.map { "\($0.type): \($0.text)" } == [
        "log: cart has 3 items costing 1.5 extra",
        "info: {a: 1, b: 'x', c: Array(2), d: {…}}",
        "warning: [1, 'two', null] undefined",
        "error: body and % 5",
        "debug:  styled",
        "count: default: 1",
        "count: default: 2",
        "count: named: 1",
        "assert: Assertion failed: math is broken",
        "startGroup: outer",
        "endGroup: console.groupEnd",
        "timeEnd: t: 0 ms",
        "warning: Timer 'missing' does not exist",
      ])
    #expect(messages.first?.location == "https://example.test/app.js:1:9")
    #expect(messages.dropFirst().first?.location == "https://example.test/app.js:2:9")
  }

  @Test func theLocationIsThePageCallersEvenThroughAFunction() throws {
    let page = try fixture.page()
    _ = try page.evaluate(
      "function report(x) {\n  console.log('value', x);\n}\nreport(42);", filename: "https://example.test/lib.js")
    #expect(
      page.environment.consoleMessages == [
        ConsoleMessage(type: "log", text: "value 42", location: "https://example.test/lib.js:2:11")
      ])
  }

  @Test func anErrorShowsItsStackWithThePagesFramesOnly() throws {
    let page = try fixture.page()
    _ = try page.evaluate(
      "function fail() {\n  console.error(new Error('broken'));\n}\nfail();", filename: "https://example.test/fail.js")
    #expect(
      page.environment.consoleMessages.map(\.text) == [
        "Error: broken\n    at fail (https://example.test/fail.js:2:17)\n    at https://example.test/fail.js:4:1"
      ])
  }

  @Test func aPageThatChangesStacksOrGlobalsDoesNotChangeMessages() throws {
    let page = try fixture.page()
    _ = try page.evaluate(
      """
      Error.stackTraceLimit = 0;
      Error.prepareStackTrace = () => 'forged';
      Array.prototype[Symbol.iterator] = function* () { yield 'forged'; };
      Object.keys = () => ['forged'];
      console.log({ real: true }, [1]);
      """, filename: "https://example.test/hostile.js")
    #expect(
      page.environment.consoleMessages == [
        ConsoleMessage(type: "log", text: "{real: true} [1]", location: "https://example.test/hostile.js:5:9")
      ])
  }

  @Test func dialogsAreDismissedByDefaultAndRecorded() throws {
    let page = try fixture.page()
    let result = try page.evaluate("JSON.stringify([alert('hello'), confirm('sure?'), prompt('name?', 'anon')])")
    #expect(result == "[null,false,null]")
    #expect(
      page.environment.dialogs == [
        Dialog(kind: .alert, message: "hello"), Dialog(kind: .confirm, message: "sure?"),
        Dialog(kind: .prompt, message: "name?", defaultValue: "anon"),
      ])
  }

  @Test func theDialogHandlerAnswersSynchronously() throws {
    let page = try fixture.page()
    page.environment.dialogHandler = { dialog in
      switch dialog.kind {
      case .prompt where dialog.message == "name?": .accept("Ada")
      case .prompt: .accept(nil)
      default: .accept(nil)
      }
    }
    let result = try page.evaluate("JSON.stringify([confirm('sure?'), prompt('name?'), prompt('age?', '36'), alert()])")
    #expect(result == #"[true,"Ada","36",null]"#)
    #expect(page.environment.dialogs.map(\.answer) == [.accept(nil), .accept("Ada"), .accept(nil), .accept(nil)])
    #expect(page.environment.dialogs.last == Dialog(kind: .alert, message: "", answer: .accept(nil)))
  }
}
