/// The session history of one navigable (HTML §7.4.1): its entries in order, the current one, and
/// which document each belongs to, shared by every document the navigable shows in turn.
///
/// Guarantees: `index` is always a valid position in `entries` (there is at least one entry);
/// entry ids are unique within the history and never reused; a push drops the entries after the
/// current one (HTML §7.4.6 "finalize a cross-document navigation" and the URL and history update
/// steps). Each entry keeps the request that made its document (`DocumentRequest`), so a traversal
/// to another document loads that document again (Caper has no back-forward cache). Used on the
/// isolate's thread.
public final class SessionHistory: @unchecked Sendable {
  /// One session history entry: its URL and the document it shows (documents are numbered by
  /// the navigable: entries of one document share the number).
  public struct Entry: Sendable, Equatable {
    public let id: Int
    public var url: String
    public let document: Int
    /// The request that loaded the entry's document.
    public let request: DocumentRequest
  }

  public private(set) var entries: [Entry]
  public private(set) var index = 0
  private var nextID = 1

  /// A history with one entry, for `request`'s URL, document `document`.
  public init(first request: DocumentRequest, document: Int) {
    entries = [Entry(id: 0, url: request.url, document: document, request: request)]
  }

  public var current: Entry { entries[index] }

  /// Adds an entry after the current one (dropping those after it) and makes it current.
  @discardableResult
  public func push(url: String, document: Int, request: DocumentRequest) -> Entry {
    entries.removeSubrange((index + 1)...)
    let entry = Entry(id: nextID, url: url, document: document, request: request)
    nextID += 1
    entries.append(entry)
    index = entries.count - 1
    return entry
  }

  /// Replaces the current entry by a new one (a new id) for `url` in `document`.
  @discardableResult
  public func replace(url: String, document: Int, request: DocumentRequest) -> Entry {
    let entry = Entry(id: nextID, url: url, document: document, request: request)
    nextID += 1
    entries[index] = entry
    return entry
  }

  /// Changes the current entry's URL (same-document URL updates that keep the entry).
  public func setURL(_ url: String) { entries[index].url = url }

  /// The position `delta` entries from the current one, or nil past either end.
  public func position(moving delta: Int) -> Int? {
    let target = index + delta
    return delta != 0 && entries.indices.contains(target) ? target : nil
  }

  /// Makes the entry at `position` current.
  public func move(to position: Int) {
    precondition(entries.indices.contains(position), "no session history entry at \(position)")
    index = position
  }
}

/// The request that loads a document into a navigable: its URL, method and body (a form's POST),
/// and the referrer it is sent with (HTML §7.4.2 navigate: the document resource).
public struct DocumentRequest: Sendable, Equatable {
  public var url: String
  /// `GET` or `POST`.
  public var method: String
  /// The body of a POST, with its `Content-Type`.
  public var body: [UInt8]?
  public var contentType: String?
  /// The document that asked, sent as the referrer per its policy; nil for one the browser starts.
  public var referrer: String?

  public init(url: String, method: String = "GET", body: [UInt8]? = nil, contentType: String? = nil, referrer: String? = nil) {
    self.url = url
    self.method = method
    self.body = body
    self.contentType = contentType
    self.referrer = referrer
  }
}

extension SessionHistory {
  /// Gives the entries of document `old` the number `new` (the document was loaded again).
  public func renumber(document old: Int, as new: Int) {
    for position in entries.indices where entries[position].document == old {
      let entry = entries[position]
      entries[position] = Entry(id: entry.id, url: entry.url, document: new, request: entry.request)
    }
  }
}
