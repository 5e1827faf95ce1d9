import Browser
import Foundation
import Runtime

/// Caper's own JavaScript for a support realm: the Node-compatible runtime, Node 18's `fetch` and
/// the Web globals it needs (`SupportFetchAPI`), Playwright's API (`PlaywrightRuntime`), then the
/// cucumber extension (the cucumber-js API and the runner's entry points; its default World opens
/// Playwright pages lazily).
public enum SupportRuntime {
  /// The cucumber extension: `require('caper')` and `require('@cucumber/cucumber')`, and what the
  /// runner calls to match and run steps and hooks.
  static let cucumber = Extension(
    name: "cucumber", hostFunctions: ["emit"], natives: [.clock("now"), .microtaskCheckpoint("runMicrotasks")],
    scripts: [
      Extension.Script(name: "formatters", source: Extension.resource("formatters.js", in: .module), calledFromSwift: true),
      Extension.Script(name: "cucumber", source: Extension.resource("cucumber.js", in: .module), calledFromSwift: true),
    ],
    modules: ["caper", "@cucumber/cucumber"])

  /// The support realm's template (its hash keys the startup snapshot).
  public static let template = RealmTemplate(
    name: "support", extensions: [NodeRuntime.extension, SupportFetchAPI.extension, PlaywrightRuntime.extension, cucumber])
}
