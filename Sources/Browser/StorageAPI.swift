import Foundation
import Runtime
import V8
import WebURL

/// `localStorage` and `sessionStorage` (HTML §12.2 Web Storage): the `Storage` interface in the
/// page (`window-apis/storage.js`), its data in Swift.
///
/// Local storage lives in the browser context (`BrowserContext.storage`), per origin, shared by
/// all its pages; session storage per page and origin (`SessionStorage`, shared by the documents a
/// page shows in turn, so it lasts across its navigations). Origins as Chrome has them: `http:` and `https:` by
/// their origin; every `file:` page shares one area (`file://`, as Chrome allows local storage
/// there); any other URL (`data:`, `about:blank`, opaque origins) is refused with a
/// SecurityError. Host functions (area 0 local, 1 session; all checked, hostile callers get a
/// `HostError`): `access(area)` gives null or the SecurityError's message; `length`, `key`,
/// `getItem`, `setItem` (false when the quota would be passed), `removeItem`, `clear`, `keys`;
/// `listen(callback)` makes the page hear the other pages' local storage changes (`WebStorage`).
enum StorageAPI: PageAPI {
  static let `extension` = Extension(
    name: "storage",
    hostFunctions: ["access", "length", "key", "getItem", "setItem", "removeItem", "clear", "keys", "listen"],
    scripts: [Extension.Script(name: "storage", source: Extension.resource("window-apis/storage.js", in: .module))])

  /// The key of `url`'s storage: its origin for `http:`/`https:`, `file://` for `file:`, else nil.
  static func storageOrigin(of url: String) -> String? {
    guard let record = URLRecord(url) else { return nil }
    switch record.protocol {
    case "http:", "https:": return record.origin
    case "file:": return "file://"
    default: return nil
    }
  }

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] {
    // The context's storage as the call finds it: a realm made ahead by the pool gets its page's
    // browser context only when taken.
    @Sendable func storage() -> WebStorage { environment.browserContext.storage }
    /// Runs `body` on the area the call names, or throws when the page may not have it.
    @Sendable func withArea<Result>(_ arguments: [JSValue], _ body: (StorageArea, _ origin: String?) throws -> Result) throws
      -> Result
    {
      guard let origin = storageOrigin(of: environment.url) else { throw HostError("storage is not available to this document") }
      switch arguments.first?.numberValue {
      case 0: return try storage().withArea(origin) { try body($0, origin) }
      case 1: return try body(environment.sessionStorage.area(for: origin), nil)
      default: throw HostError("the storage area must be 0 (local) or 1 (session)")
      }
    }
    @Sendable func string(_ arguments: [JSValue], _ index: Int) throws -> String {
      guard let text = arguments.dropFirst(index).first?.stringValue else { throw HostError("a string argument is missing") }
      return text
    }
    /// Tells the other pages of the origin (local storage only: a session area has no other page).
    @Sendable func broadcast(_ origin: String?, _ key: String?, _ old: String?, _ new: String?) {
      guard let origin else { return }
      storage().broadcast(from: environment, origin: origin, key: key, oldValue: old, newValue: new, url: environment.url)
    }
    return [
      "storage.access": { _ in
        if storageOrigin(of: environment.url) != nil { return .null }
        let scheme = URLRecord(environment.url)?.protocol ?? ""
        return .string(scheme == "data:" ? "Storage is disabled inside 'data:' URLs." : "Access is denied for this document.")
      },
      "storage.length": { arguments in .number(Double(try withArea(arguments) { area, _ in area.count })) },
      "storage.key": { arguments in
        guard let index = arguments.dropFirst().first?.numberValue, index >= 0, index < 1e9 else { return .null }
        return try withArea(arguments) { area, _ in area.key(at: Int(index)).map(JSValue.string) ?? .null }
      },
      "storage.getItem": { arguments in
        let key = try string(arguments, 1)
        return try withArea(arguments) { area, _ in area.value(key).map(JSValue.string) ?? .null }
      },
      "storage.setItem": { arguments in
        let (key, value) = (try string(arguments, 1), try string(arguments, 2))
        let (result, origin) = try withArea(arguments) { area, origin in (area.set(key, value), origin) }
        switch result {
        case .quotaExceeded: return .bool(false)
        case .unchanged: return .bool(true)
        case .changed(let old):
          broadcast(origin, key, old, value)
          return .bool(true)
        }
      },
      "storage.removeItem": { arguments in
        let key = try string(arguments, 1)
        let (old, origin) = try withArea(arguments) { area, origin in (area.remove(key), origin) }
        if let old { broadcast(origin, key, old, nil) }
        return .undefined
      },
      "storage.clear": { arguments in
        let (cleared, origin) = try withArea(arguments) { area, origin in (area.clear(), origin) }
        if cleared { broadcast(origin, nil, nil, nil) }
        return .undefined
      },
      "storage.keys": { arguments in .array(try withArea(arguments) { area, _ in area.keys.map(JSValue.string) }) },
      "storage.listen": { arguments in
        guard case .function(let callback)? = arguments.first else { throw HostError("listen(callback)") }
        if let origin = storageOrigin(of: environment.url) { storage().listen(environment, origin: origin, callback: callback) }
        return .undefined
      },
    ]
  }
}

/// The session storage areas of one top-level traversable (a page), by storage origin.
///
/// HTML §12.2.3 "the session storage holder": every document the page shows gets the same area
/// for the same origin. Used on the isolate's thread.
final class SessionStorage: @unchecked Sendable {
  private var areas: [String: StorageArea] = [:]

  /// The area of `origin` (a `StorageAPI.storageOrigin`), made empty on first use.
  func area(for origin: String) -> StorageArea {
    if let area = areas[origin] { return area }
    let area = StorageArea(quota: WebStorage.quota)
    areas[origin] = area
    return area
  }
}
