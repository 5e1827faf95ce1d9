import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// The support realm keeps Node's timer semantics on the isolate's event loop, as cucumber-js
/// steps see them: process.nextTick before promise jobs, promise jobs before immediates, a 1 ms
/// minimum delay, no nesting clamp, ties in the order set, clearTimeout inside a callback.
@Suite struct NodeTimerSemanticsTests {
  static let feature = """
    Feature: Node's timers
      Scenario: order
        Given work is queued
        Then ticks ran before promise jobs, and immediates after them
        And a timer's ticks run before its promise jobs
        And timers due together run in the order they were set
        And zero delays are one millisecond and nested timers are not clamped
    """

  static let steps = """
    const { Given, Then } = require('@cucumber/cucumber');
    const assert = require('assert');
    Given('work is queued', function () {
      this.order = [];
      Promise.resolve().then(() => this.order.push('promise'));
      process.nextTick(() => this.order.push('tick'));
      setImmediate(() => this.order.push('immediate'));
    });
    Then('ticks ran before promise jobs, and immediates after them', async function () {
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepStrictEqual(this.order, ['tick', 'promise', 'immediate']);
    });
    Then("a timer's ticks run before its promise jobs", async function () {
      const order = [];
      await new Promise((resolve) => setTimeout(() => {
        Promise.resolve().then(() => order.push('promise'));
        process.nextTick(() => order.push('tick'));
        setTimeout(resolve, 1);
      }, 1));
      assert.deepStrictEqual(order, ['tick', 'promise']);
    });
    Then('timers due together run in the order they were set', async function () {
      const order = [];
      await new Promise((resolve) => {
        setTimeout(() => order.push('a'), 5);
        setTimeout(() => order.push('b'), 5);
        const gone = setTimeout(() => order.push('cleared'), 5);
        setTimeout(() => { order.push('first'); clearTimeout(gone); }, 1);
        setTimeout(resolve, 8);
      });
      assert.deepStrictEqual(order, ['first', 'a', 'b']);
    });
    Then('zero delays are one millisecond and nested timers are not clamped', async function () {
      const start = Date.now();
      let depth = 0;
      await new Promise((resolve) => { const next = () => (++depth < 20 ? setTimeout(next, 0) : resolve()); setTimeout(next, 0); });
      const took = (Date.now()) - start;
      // Twenty nested zero-delay timers: about 1 ms each under Node's rules, 4 ms each under a clamp.
      assert.ok(took >= 19 && took < 70, `took ${took} ms`);
    });
    """

  @Test func stepsSeeNodesOrder() throws {
    let project = try TemporaryDirectory()
    _ = try project.write("features/timers.feature", Self.feature)
    _ = try project.write("features/steps.js", Self.steps)
    let result = try CaperBinary.run(["run", "--no-cache", "--format", "summary"], directory: project.url)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("5 steps (5 passed)"), "\(result.stdout)")
  }
}
