import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// TypeScript support code as cucumber-js projects with ts-node write it, run through the real
/// binary with Debian's typescript.js (Support/scripts/fetch-bundles, run by the test command):
/// CommonJS and ES module packages, tsconfig's options, the .ts file's own line numbers in
/// locations and stacks, syntax errors named by file and line, the transpiled output cached.
@Suite struct TypeScriptTests {
  static let typescript = Repository.bundles.appendingPathComponent("typescript.js").path
  let project: TemporaryDirectory

  init() throws {
    project = try TemporaryDirectory()
    _ = try project.write(
      "features/shop.feature",
      """
      Feature: shop
        Scenario: buying
          Given a basket with 2 apples
          Then the basket holds 2 items
          And the total is 3 pounds
      """)
    _ = try project.write(
      "tsconfig.json",
      """
      {
        // ts-node reads this too
        "compilerOptions": { "esModuleInterop": true, "strict": true, },
      }
      """)
  }

  func run(_ arguments: [String], cache: String? = nil, typescript: String = Self.typescript) throws -> ProcessResult {
    let cacheArguments = cache.map { ["--cache-dir", $0] } ?? ["--no-cache"]
    return try CaperBinary.run(
      ["run"] + cacheArguments + arguments, environment: ["CAPER_TYPESCRIPT": typescript], directory: project.url)
  }

  /// Steps with types, an interface, an enum, a class, a generic function and an import of
  /// another .ts file, the third failing on a known line.
  static let steps = """
    import { Given, Then, World } from '@cucumber/cucumber';
    import assert from 'assert';
    import { Basket } from './basket';

    interface Shopper extends World {
      basket: Basket;
    }

    enum Unit {
      Pounds = 'pounds',
    }

    Given('a basket with {int} apples', function (this: Shopper, count: number) {
      this.basket = new Basket();
      for (let i = 0; i < count; i++) this.basket.add<string>('apple');
    });

    Then('the basket holds {int} items', function (this: Shopper, count: number) {
      assert.strictEqual(this.basket.size, count);
    });

    Then('the total is {int} {word}', function (this: Shopper, total: number, unit: Unit) {
      assert.strictEqual(this.basket.size * 1, total, `total in ${unit}`);
    });
    """

  static let basket = """
    type Item = string;

    export class Basket {
      private items: Item[] = [];
      add<T extends Item>(item: T): void { this.items.push(item); }
      get size(): number { return this.items.length; }
    }
    """

  @Test func aCommonJSProjectWithTsNodeRunsItsTypeScriptSteps() throws {
    _ = try project.write("features/step_definitions/steps.ts", Self.steps)
    _ = try project.write("features/step_definitions/basket.ts", Self.basket)
    _ = try project.write("features/step_definitions/types.d.ts", "declare const never: number;\nthis is not code\n")
    _ = try project.write(
      "cucumber.json", #"{ "default": { "requireModule": ["ts-node/register"], "format": ["json:report.json"] } }"#)
    let result = try run([])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.contains("1 scenario (1 failed)"), "\(result.stdout)")
    #expect(result.stdout.contains("3 steps (1 failed, 2 passed)"), "\(result.stdout)")
    // The failure names the .ts file's own line (line 23: the assertion in the third step).
    #expect(result.stdout.contains("features/step_definitions/steps.ts:23"), "\(result.stdout)")
    let report = try String(contentsOf: project.url.appendingPathComponent("report.json"), encoding: .utf8)
    // Step definitions are located on the lines they stand on in the .ts file.
    #expect(report.contains("features/step_definitions/steps.ts:13\""), "\(report)")
    #expect(report.contains("features/step_definitions/steps.ts:18\""), "\(report)")
    #expect(report.contains("features/step_definitions/steps.ts:22\""), "\(report)")
  }

  @Test func withoutAHookFoldersLoadNoTypeScriptButNamedFilesLoad() throws {
    _ = try project.write("features/step_definitions/steps.ts", Self.steps)
    _ = try project.write("features/step_definitions/basket.ts", Self.basket)
    let plain = try run(["--format", "summary"])
    #expect(plain.stdout.contains("3 undefined"), "\(plain.stdout)")
    let named = try run(["--format", "summary", "--require", "features/step_definitions/*.ts"])
    #expect(named.stdout.contains("1 scenario (1 failed)"), "\(named.stdout) \(named.stderr)")
  }

  @Test func anESModuleProjectWithTheTsNodeLoaderRunsMtsAndTsSteps() throws {
    _ = try project.write("package.json", #"{ "type": "module" }"#)
    _ = try project.write("features/support/basket.mts", Self.basket)
    _ = try project.write(
      "features/support/steps.ts", Self.steps.replacingOccurrences(of: "from './basket'", with: "from './basket.mjs'"))
    let result = try run(["--loader", "ts-node/esm", "--format", "summary", "--import", "features/support/*.ts"])
    #expect(result.stdout.contains("3 steps (1 failed, 2 passed)"), "\(result.stdout) \(result.stderr)")
    #expect(result.stdout.contains("features/support/steps.ts:23"), "\(result.stdout)")
    #expect(!result.stderr.contains("loader ts-node/esm"), "\(result.stderr)")
  }

  @Test func aSyntaxErrorNamesTheFileAndLine() throws {
    _ = try project.write(
      "features/step_definitions/steps.ts",
      "import { Given } from '@cucumber/cucumber';\n\nGiven('a basket', () => {\n  const x: number = ;\n});\n")
    let result = try run(["--require-module", "ts-node/register", "--format", "summary"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("features/step_definitions/steps.ts:4"), "\(result.stderr)")
    #expect(result.stderr.contains("Expression expected"), "\(result.stderr)")
  }

  @Test func aWarmRunReusesTheTranspiledOutputWithoutTheCompiler() throws {
    _ = try project.write("features/step_definitions/steps.ts", Self.steps)
    _ = try project.write("features/step_definitions/basket.ts", Self.basket)
    let cache = project.url.appendingPathComponent("cache").path
    let arguments = ["--require-module", "ts-node/register", "--format", "summary"]
    let cold = try run(arguments, cache: cache)
    #expect(cold.stdout.contains("3 steps (1 failed, 2 passed)"), "\(cold.stdout) \(cold.stderr)")
    let warm = try run(arguments, cache: cache, typescript: "/nowhere/typescript.js")
    #expect(warm.stdout.contains("3 steps (1 failed, 2 passed)"), "\(warm.stdout) \(warm.stderr)")
    // A changed file is transpiled again: with no compiler where CAPER_TYPESCRIPT says, that is a
    // clear error.
    _ = try project.write("features/step_definitions/basket.ts", Self.basket + "\nexport const more = 1;\n")
    let changed = try run(arguments, cache: cache, typescript: "/nowhere/typescript.js")
    #expect(changed.status != 0)
    #expect(changed.stderr.contains("basket.ts: CAPER_TYPESCRIPT names /nowhere/typescript.js"), "\(changed.stderr)")
  }
}
