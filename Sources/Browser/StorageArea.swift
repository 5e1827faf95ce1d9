import Foundation

/// One Web Storage area (HTML §12.2.1 "storage bottle"): string keys to string values under a
/// quota, with keys in the order `key(n)` gives them.
///
/// Guarantees: the quota counts the UTF-16 code units of every key and value (what a page's
/// strings measure), and a `setItem` that would pass it changes nothing. Keys come in UTF-16
/// code-unit order, as Chromium's sorted storage map gives them (HTML leaves the order to the
/// user agent, only asking that it stay stable while the keys do). Not thread-safe on its own:
/// `WebStorage` guards the local areas with its lock; a page's session area is touched on its
/// isolate's thread only.
final class StorageArea: @unchecked Sendable {
  /// What `setItem` did.
  enum SetResult: Equatable {
    /// The value was already there.
    case unchanged
    /// The key now holds the value; `old` is what it held before (nil when absent).
    case changed(old: String?)
    /// The key and value would pass the quota (HTML's QuotaExceededError).
    case quotaExceeded
  }

  let quota: Int
  private var items: [String: String] = [:]
  /// UTF-16 code units of every key and value.
  private var used = 0
  /// The keys in order, made when first asked after a change.
  private var orderedKeys: [String]?

  init(quota: Int) { self.quota = quota }

  var count: Int { items.count }

  /// Every key in order.
  var keys: [String] {
    if let orderedKeys { return orderedKeys }
    let sorted = items.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
    orderedKeys = sorted
    return sorted
  }

  /// Every item, keys in order.
  var all: [(key: String, value: String)] { keys.map { ($0, items[$0]!) } }

  func key(at index: Int) -> String? {
    let keys = keys
    return keys.indices.contains(index) ? keys[index] : nil
  }

  func value(_ key: String) -> String? { items[key] }

  func set(_ key: String, _ value: String) -> SetResult {
    let old = items[key]
    if old == value { return .unchanged }
    let size = used - (old.map { key.utf16.count + $0.utf16.count } ?? 0) + key.utf16.count + value.utf16.count
    if size > quota { return .quotaExceeded }
    used = size
    items[key] = value
    if old == nil { orderedKeys = nil }
    return .changed(old: old)
  }

  /// Removes `key`; gives the value it held, nil when absent.
  func remove(_ key: String) -> String? {
    guard let old = items.removeValue(forKey: key) else { return nil }
    used -= key.utf16.count + old.utf16.count
    orderedKeys = nil
    return old
  }

  /// Empties the area; gives whether it held anything.
  func clear() -> Bool {
    guard !items.isEmpty else { return false }
    items = [:]
    used = 0
    orderedKeys = nil
    return true
  }
}
