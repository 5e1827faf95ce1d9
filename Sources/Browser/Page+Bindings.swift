import Foundation
import Runtime
import V8

/// Playwright's `exposeFunction`/`exposeBinding` and `addInitScript` on a page: what each of its
/// documents (and their frames') gets before its own scripts run.
///
/// Guarantees: a document begun after `expose(_:)` or `addInitScript(_:)` has every binding on its
/// window and has run every init script (the context's first, then the page's, in the order
/// added) before the parser runs any of the page's scripts; `expose` also defines the binding in
/// the current document at once. A binding call reaches `onBindingCall` inside the page's call
/// (as a dialog reaches its handler), with a call number that `settleBinding` answers as a task
/// of the document's realm; an answer for a document that is gone is dropped. Isolate's thread.
extension Page {
  /// Exposes `name` on the window of this and every later document of the page.
  public func expose(_ name: String) {
    guard !bindingNames.contains(name) else { return }
    bindingNames.append(name)
    showPendingBlank()
    _ = try? realm.context.call(realm.function("bindings", "install"), [.array([.string(name)])])
  }

  /// Runs `source` in every later document of the page before its scripts (Playwright's
  /// `page.addInitScript`).
  public func addInitScript(_ source: String) { initScripts.append(source) }

  /// A document of the page called binding `name` (call `id` of that document's realm).
  func callBinding(from environment: PageEnvironment, name: String, id: Int, argumentsText: String) {
    let call = nextBindingCall
    nextBindingCall += 1
    bindingCalls[call] = (WeakRealm(environment.realm), id)
    // As a dialog's handler is: the support function starts inside the page's call, so what it
    // does before its first `await` is done when the page's task ends.
    onBindingCall?(name, call, argumentsText)
  }

  /// Answers binding call `call`: `ok` with the result's serialization text, else an error message.
  public func settleBinding(_ call: Int, ok: Bool, _ text: String) {
    guard let (target, id) = bindingCalls.removeValue(forKey: call), let realm = target.realm else { return }
    realm.loop.post(to: realm.context) {
      _ = try? realm.context.call(realm.function("bindings", "settle"), [.number(Double(id)), .bool(ok), .string(text)])
    }
  }

  /// Gives a document just begun in `realm` (of the page or one of its frames) the page's bindings
  /// and runs the init scripts; a script that throws is a page error of that document.
  func prepare(_ realm: Realm, environment: PageEnvironment) {
    if environment.page === self { applyViewport(to: realm) }
    if !bindingNames.isEmpty {
      _ = try? realm.context.call(realm.function("bindings", "install"), [.array(bindingNames.map { .string($0) })])
    }
    for source in browserContext.initScripts + initScripts {
      do {
        _ = try realm.context.evaluate(source, filename: "caper:init-script")
      } catch let error as JSError {
        environment.report(
          PageError(name: error.name ?? "Error", message: error.message, stack: error.stack ?? error.message, location: nil))
      } catch {
        environment.report(PageError(name: "Error", message: "\(error)", stack: "\(error)", location: nil))
      }
    }
  }
}

extension Page {
  /// Gives the document of `realm` the page's viewport (or its context's), if either is set.
  func applyViewport(to realm: Realm) {
    guard let size = viewport ?? browserContext.options.viewport else { return }
    _ = try? realm.context.call(
      realm.function("entry", "setViewport"), [.number(Double(size.width)), .number(Double(size.height))])
  }
}

/// A realm held weakly (a binding call's document may be gone when it is answered).
struct WeakRealm {
  weak var realm: Realm?
  init(_ realm: Realm) { self.realm = realm }
}
