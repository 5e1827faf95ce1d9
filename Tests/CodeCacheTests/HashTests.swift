import Testing

@testable import CodeCache

@Suite struct HashTests {
  @Test func sha256MatchesFIPSVectors() {
    #expect(SHA256.hex(SHA256.hash(Array("".utf8))) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let long = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    #expect(SHA256.hex(SHA256.hash(Array(long.utf8))) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func sha256StreamsAcrossBlocks() {
    let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(SHA256.hex(SHA256.hash(million)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    var pieces = SHA256()
    for size in [1, 63, 64, 65, 1000, 998_807] {
      pieces.update([UInt8](repeating: UInt8(ascii: "a"), count: size))
    }
    #expect(SHA256.hex(pieces.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func xxh64MatchesReferenceVectors() {
    #expect(Checksum.xxh64([]) == 0xEF46_DB37_51D8_E999)
    #expect(Checksum.xxh64(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
    #expect(Checksum.xxh64(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
    // Longer than 32 bytes: exercises the four-lane loop.
    #expect(Checksum.xxh64(Array("Nobody inspects the spammish repetition".utf8)) == 0xFBCE_A83C_8A37_8BF1)
  }

  @Test func keyDependsOnKindAndContentOnly() {
    let a = CodeCacheKey(kind: .classic, source: "let x = 1;")
    #expect(a == CodeCacheKey(kind: .classic, source: "let x = 1;"))
    #expect(a != CodeCacheKey(kind: .module, source: "let x = 1;"))
    // Same length, one character changed: V8's own check (length only) would accept it.
    #expect(a != CodeCacheKey(kind: .classic, source: "let x = 2;"))
    #expect(a.description.count == 64)
  }

  @Test func everyABIFieldChangesTheDirectory() {
    let base = CodeCacheABI(
      engineVersion: "10.2.154.26-node.36", buildIdentity: "libnode.so.108:123", cachedDataVersionTag: 42, flags: [])
    var names: Set<String> = [base.directoryName]
    var v = base
    v.engineVersion = "10.2.154.27"
    names.insert(v.directoryName)
    v = base
    v.buildIdentity = "other"
    names.insert(v.directoryName)
    v = base
    v.cachedDataVersionTag = 43
    names.insert(v.directoryName)
    v = base
    v.flags = ["--no-lazy"]
    names.insert(v.directoryName)
    v = base
    v.arch = "arm64"
    names.insert(v.directoryName)
    v = base
    v.snapshotHash = "abc"
    names.insert(v.directoryName)
    #expect(names.count == 7)
    #expect(base.directoryName.hasPrefix("v1-10.2.154.26_node.36-"))
  }
}
