import Foundation
import Testing
import _CaperBinaryTestSupport
import _CaperTestSupport

@testable import Runtime

/// The build identity a startup snapshot is keyed on.
@Suite struct ExecutableIdentityTests {
  @Test func theBuildIDIsTheOneTheLinkerWrote() throws {
    let caper = CaperBinary.productsDirectory.appendingPathComponent("caper").path
    let readelf = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/readelf"), ["-n", caper])
    let line = String(decoding: readelf.stdout, as: UTF8.self).split(separator: "\n").first { $0.contains("Build ID:") }
    let expected = line.map { $0.split(separator: " ").last.map(String.init) ?? "" }
    #expect(expected != nil, "readelf found no build id in \(caper)")
    #expect(ExecutableIdentity.buildID(caper) == expected)
  }

  @Test func aFileThatIsNotELFHasNone() throws {
    let folder = try TemporaryDirectory()
    let path = try folder.write("not-elf", "#!/bin/sh\necho hello\n")
    #expect(ExecutableIdentity.buildID(path) == nil)
    #expect(ExecutableIdentity.buildID(folder.url.appendingPathComponent("missing").path) == nil)
  }

  @Test func theRunningProcessHasAnIdentity() {
    #expect(ExecutableIdentity.current.hasPrefix("build-id:") || ExecutableIdentity.current.hasPrefix("file:"))
  }
}
