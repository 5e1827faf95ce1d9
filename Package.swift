// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Caper",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "caper", targets: ["caper"]),
    .executable(name: "caper-bench", targets: ["caper-bench"]),
    .library(name: "V8", targets: ["V8"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    // YAML: caper.yaml / cucumber.yaml configuration, and the conformance data in tests.
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // Hashes, HMACs and random bytes for the support runtime's `crypto` (BoringSSL underneath).
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
  ],
  targets: [
    // MARK: C shims and system libraries

    // libcurl, for the browser's network layer (Debian: libcurl4-openssl-dev), with typed wrappers
    // of what Swift cannot call (the variadic curl_easy_setopt and curl_easy_getinfo).
    .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
    // libxml2, for XML, XHTML and character encodings (Debian: libxml2-dev).
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // Ada, the WHATWG URL parser inside Debian's libnode: its C API, declared (libnode ships no header).
    .systemLibrary(name: "CAda"),
    // libpsl, the Public Suffix List, for cookies' Domain checks and sites (Debian: libpsl-dev).
    .systemLibrary(name: "CPSL", pkgConfig: "libpsl", providers: [.apt(["libpsl-dev"])]),
    // The only C++: a plain C API over V8 from Debian's libnode (Debian: libnode-dev).
    .target(
      name: "CV8",
      exclude: ["v8-include"],
      cxxSettings: [.headerSearchPath("v8-include")],
      linkerSettings: [.linkedLibrary("node")]
    ),

    // MARK: Core

    // Safe Swift over CV8: Engine, Isolate (one thread for life), Context, Script, values, errors.
    .target(name: "V8", dependencies: ["CV8"]),
    // Cucumber Messages value types and their NDJSON coding: the contract between modules.
    .target(name: "Messages"),
    // Cucumber Expressions, regular-expression steps, parameter types, snippets; tag expressions.
    .target(name: "Expressions"),
    // Gherkin: scanner, token matchers, parser, AST builder, pickle compiler, 80 languages.
    .target(
      name: "Gherkin", dependencies: ["Messages"],
      resources: [.copy("Resources/gherkin-languages.json"), .copy("Resources/gherkin-languages.LICENSE")]),

    // URLs and application/x-www-form-urlencoded as the URL Standard gives them, through Ada.
    .target(name: "WebURL", dependencies: ["CAda"]),
    // HTML as the HTML Standard parses it: bytes to text, tokenizer, tree construction into a
    // stream of tree operations, fragment parsing. Pure Swift, no V8. Its hot paths touch class
    // properties all the time: the dynamic exclusivity checks cost a third of a parse, measured.
    .target(name: "HTML", dependencies: ["CLibXML2"], swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
    // HTTP(S), file: and data: fetches through libcurl's multi interface on one network thread per
    // process; completions are handed to the caller's queue (an isolate's event loop).
    .target(name: "Network", dependencies: ["CCurl", "CPSL"]),

    // Code cache storage: same-process and on-disk stores, keys, entry format, eviction, counters.
    .target(name: "CodeCache", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),

    // MARK: Runtime

    // Realms' runtime: the event loop (timers of every realm on its own real or virtual clock,
    // tasks posted from any thread), workers and the pool, and the ScriptLoader every script goes
    // through (compile with the caches, produce after running, defer production asked inside host
    // callbacks to the top level).
    .target(
      name: "Runtime", dependencies: ["V8", "CodeCache", "WebURL", .product(name: "Crypto", package: "swift-crypto")],
      resources: [.copy("JavaScript")]),

    // Runs pickles against JavaScript support code in V8 and emits Cucumber Messages. Browser gives
    // the support realm its Web APIs (Node 18's fetch) and, later, the Playwright API.
    .target(
      name: "Runner", dependencies: ["V8", "Runtime", "Messages", "Gherkin", "Expressions", "Browser"],
      resources: [.copy("JavaScript")]
    ),
    // Formatters: each reads the message stream and writes bytes.
    .target(name: "Formatters", dependencies: ["Messages"], resources: [.copy("Resources/report.html")]),

    // MARK: Browser

    // The simulated browser: page realms with the DOM runtime (JavaScript resources), Selectors,
    // documents built from the parser's tree operations, the scrape `Page`.
    .target(
      name: "Browser",
      dependencies: ["V8", "Runtime", "HTML", "WebURL", "Network", .product(name: "Crypto", package: "swift-crypto")],
      resources: [.copy("JavaScript")]),

    // MARK: Commands

    // The `caper` command line; the only importer of ArgumentParser.
    .target(
      name: "CaperCommands",
      dependencies: [
        "V8", "CodeCache", "Runtime", "Messages", "Gherkin", "Runner", "Formatters", "Browser",
        .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Yams", package: "Yams"),
      ]
    ),
    // The `caper` executable: calls CaperCommands and nothing else.
    .executableTarget(name: "caper", dependencies: ["CaperCommands"]),
    // Benchmarks printed beside their baselines (`swift run -c release caper-bench`).
    .executableTarget(
      name: "caper-bench", dependencies: ["V8", "Gherkin", "Messages", "Runtime", "HTML", "Browser", "CodeCache"]),

    // MARK: Test support

    // Helpers shared by test targets: fixtures, child processes, the conformance data (no V8).
    .target(name: "_CaperTestSupport", path: "Tests/_CaperTestSupport"),
    // The built `caper` run as a child process, for the tests of what users run.
    .target(name: "_CaperBinaryTestSupport", dependencies: ["Runtime"], path: "Tests/_CaperBinaryTestSupport"),
    .testTarget(name: "V8Tests", dependencies: ["V8", "_CaperTestSupport"]),
    .testTarget(name: "CodeCacheTests", dependencies: ["CodeCache", "_CaperTestSupport"]),
    .testTarget(
      name: "RuntimeTests", dependencies: ["_CaperBinaryTestSupport", "Runtime", "CodeCache", "V8", "_CaperTestSupport"]),
    .testTarget(name: "GherkinTests", dependencies: ["Gherkin", "Messages", "_CaperTestSupport"]),
    // Cucumber Expressions and tag expressions that need no regular-expression engine.
    .testTarget(
      name: "ExpressionsTests", dependencies: ["Expressions", "_CaperTestSupport", .product(name: "Yams", package: "Yams")]
    ),
    // Matching, in JavaScript's RegExp (V8), as at run time.
    .testTarget(
      name: "ExpressionsMatchingTests",
      dependencies: ["Expressions", "Runner", "_CaperTestSupport", .product(name: "Yams", package: "Yams")]
    ),
    .testTarget(
      name: "CaperCommandsTests", dependencies: ["_CaperBinaryTestSupport", "CaperCommands", "V8", "_CaperTestSupport"]
    ),
    .testTarget(name: "RunnerTests", dependencies: ["_CaperBinaryTestSupport", "Runner", "_CaperTestSupport"], exclude: ["CCK"]),
    .testTarget(
      name: "FormattersTests", dependencies: ["Formatters", "Messages", "CLibXML2", "_CaperTestSupport"],
      exclude: ["junit.xsd"]
    ),
    .testTarget(name: "HTMLTests", dependencies: ["HTML", "_CaperTestSupport"]),
    .testTarget(name: "NetworkTests", dependencies: ["Network", "_CaperTestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "WebURLTests", dependencies: ["WebURL", "_CaperTestSupport"]),
    .testTarget(
      name: "BrowserTests", dependencies: ["Browser", "HTML", "Runtime", "V8", "_CaperTestSupport"],
      exclude: ["JavaScript", "Fixtures/fetch-server.py"],
      resources: [.copy("Resources")]),
    .testTarget(name: "SystemLibrariesTests", dependencies: ["CCurl", "CLibXML2"]),
  ],
  cxxLanguageStandard: .cxx17
)
