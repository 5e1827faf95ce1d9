import Network

/// The fetches of one realm in flight, by the id its JavaScript holds (`start` gives the id,
/// `abort(id)` finds the controller): the page realm's `fetch`/XHR and the support realm's `fetch`.
///
/// Touched on the isolate's thread only.
final class FetchesInFlight: @unchecked Sendable {
  var controllers: [Int: FetchController] = [:]
  private var lastID = 0

  func nextID() -> Int {
    lastID += 1
    return lastID
  }
}
