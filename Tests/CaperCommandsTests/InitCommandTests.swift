import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

/// `caper init`: a starter project that `caper run` passes at once, in CommonJS or ES modules,
/// written without overwriting anything.
@Suite struct InitCommandTests {
  @Test(arguments: [([], false), (["--esm"], false), ([], true)])
  func theStarterProjectPasses(options: [String], inAModulePackage: Bool) throws {
    let folder = try TemporaryDirectory()
    // In a "type": "module" package the CommonJS steps are a .cjs file.
    if inAModulePackage { _ = try folder.write("package.json", #"{ "type": "module" }"#) }
    let made = try CaperBinary.run(["init"] + options, directory: folder.url)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.contains("wrote cucumber.json") && made.stdout.contains("Next:"))
    let run = try CaperBinary.run(["run", "--no-cache"], directory: folder.url)
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("3 scenarios (3 passed)"), "\(run.stdout)")
    #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("reports/junit.xml").path))
    let ignore = try String(contentsOf: folder.url.appendingPathComponent(".gitignore"), encoding: .utf8)
    #expect(ignore.contains("reports/"))
  }

  @Test func itNeverOverwrites() throws {
    let folder = try TemporaryDirectory()
    _ = try folder.write("cucumber.json", "{}")
    let result = try CaperBinary.run(["init"], directory: folder.url)
    #expect(result.status == 2)
    #expect(result.stderr.contains("cucumber.json exists; nothing was written"))
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("features").path))
    #expect(try String(contentsOf: folder.url.appendingPathComponent("cucumber.json"), encoding: .utf8) == "{}")
  }
}
