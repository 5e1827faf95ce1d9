import Runtime
import WebURL

/// A document's child navigables (HTML §7.3.1): the frames its iframes hold, the support realm
/// they are made beside, and, for a frame, the environment of its parent document.
///
/// Guarantees: every frame is closed with the document (`closeAll`), its own frames first. The
/// origin is the document's own (`URLRecord.origin`), or, for an `about:blank` or `about:srcdoc`
/// frame, its parent's; a `file:` document's origin is opaque, as in Chrome, so it is same-origin
/// with no other document. Touched on the isolate's thread only.
final class ChildNavigables: @unchecked Sendable {
  /// The realm frames are made beside (the page's support realm); set by `Page`.
  ///
  /// Held strongly: a page's frames may be made after whoever made the page let the support realm go.
  var support: Realm?
  /// The environment of the parent document, for a frame.
  weak var parent: PageEnvironment?
  /// The origin an `about:` frame inherits from its parent.
  var inheritedOrigin: String?
  /// The frames of the document's iframes, by id.
  var frames: [Int: NestedBrowsingContext] = [:]
  private var lastID = 0

  /// An id for the next frame.
  func nextID() -> Int {
    lastID += 1
    return lastID
  }

  /// The origin of the document at `url` (nil for an opaque one).
  func origin(of url: String) -> String? {
    if url.lowercased().hasPrefix("about:") { return inheritedOrigin }
    guard let origin = URLRecord(url)?.origin, origin != "null", !url.lowercased().hasPrefix("file:") else { return nil }
    return origin
  }

  /// Closes every frame (and theirs): now when `immediately`, else in a task (see
  /// `NestedBrowsingContext.close`).
  func closeAll(immediately: Bool) {
    let closing = frames.values
    frames = [:]
    for frame in closing { frame.close(immediately: immediately) }
  }
}
