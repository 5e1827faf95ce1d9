import Foundation
import Runtime
import Testing
import V8

/// Realms made of extensions: host functions only through `host`, no global left behind, each
/// declared built-in module registered, primordials first.
@Suite struct RealmTests {
  static let greeter = Extension(
    name: "greeter", hostFunctions: ["name"], natives: [.clock("now")],
    scripts: [
      Extension.Script(
        name: "greeter",
        source: """
          (host, runtime) => {
            const { ArrayPrototypeJoin } = runtime.primordials;
            const greet = (who) => ArrayPrototypeJoin(['hello', who ?? host.name()], ' ');
            return { greet, hasClock: () => typeof host.now() === 'number', globals: () => Object.getOwnPropertyNames(globalThis) };
          }
          """, calledFromSwift: true)
    ])

  @Test func extensionsGetTheirHostFunctionsAndNoGlobalsRemain() throws {
    let template = RealmTemplate(name: "test", extensions: [Self.greeter])
    let realm = try Realm(template: template) { _ in ["greeter.name": { _ in "realm" }] }
    #expect(try realm.context.call(realm.function("greeter", "greet"), []) == "hello realm")
    #expect(try realm.context.call(realm.function("greeter", "hasClock"), []) == true)
    guard case .array(let globals) = try realm.context.call(realm.function("greeter", "globals"), []) else {
      Issue.record("no globals")
      return
    }
    #expect(!globals.contains { ($0.stringValue ?? "").hasPrefix("__caper") }, "\(globals)")
    // Array.prototype.join replaced by user code does not reach the extension.
    _ = try realm.context.evaluate("Array.prototype.join = () => 'hijacked'")
    #expect(try realm.context.call(realm.function("greeter", "greet"), ["you"]) == "hello you")
  }

  @Test func aMissingHostFunctionBodyIsAnError() throws {
    let template = RealmTemplate(name: "test", extensions: [Self.greeter])
    #expect(throws: JSError.self) { _ = try Realm(template: template) { _ in [:] } }
  }

  @Test func theHashChangesWithAnyScriptOrHostFunction() {
    let a = RealmTemplate(name: "test", extensions: [Self.greeter])
    var other = Self.greeter
    other.hostFunctions.append("more")
    #expect(a.hash == RealmTemplate(name: "test", extensions: [Self.greeter]).hash)
    #expect(a.hash != RealmTemplate(name: "test", extensions: [other]).hash)
  }

  @Test func everyBuiltInTheNodeRuntimeDeclaresIsRegistered() throws {
    let node = NodeRuntime(console: { _, _ in })
    let template = RealmTemplate(name: "node", extensions: [NodeRuntime.extension])
    let realm = try Realm(template: template) { node.hostFunctions(for: $0) }
    let has = realm.function("modules", "has")
    for name in NodeRuntime.extension.modules {
      #expect(try realm.context.call(has, [.string(name)]) == true, "\(name)")
    }
  }

  @Test func consoleOutputGoesToTheSinkOnly() throws {
    let seen = LockedState<[String]>([])
    let node = NodeRuntime(console: { stream, text in seen.withLock { $0.append("\(stream.rawValue): \(text)") } })
    let realm = try Realm(template: RealmTemplate(name: "node", extensions: [NodeRuntime.extension])) {
      node.hostFunctions(for: $0)
    }
    _ = try realm.context.evaluate("console.log('a', 1); console.error({ b: 2 }); process.stdout.write('c')")
    #expect(seen.withLock { $0 } == ["out: a 1\n", "err: { b: 2 }\n", "out: c"])
  }
}
