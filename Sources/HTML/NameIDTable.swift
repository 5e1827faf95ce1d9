/// The per-parse ids of the names a tree builder has defined in its stream (`TreeOperation.name`),
/// by name.
///
/// Names of up to 16 bytes (nearly all) live in an open-addressed table keyed by their packed
/// bytes, which costs a multiply and a compare or two; longer ones in a dictionary. A value type
/// owned by one tree builder.
struct NameIDTable {
  private var keys: [LocalName.Key]
  private var ids: [Int32]
  private var mask: Int
  private var shortCount = 0
  private var long: [[UInt8]: Int32] = [:]

  init() {
    mask = 255
    keys = [LocalName.Key](repeating: LocalName.Key(low: 0, high: 0), count: mask + 1)
    ids = [Int32](repeating: -1, count: mask + 1)
  }

  /// How many names have an id.
  var count: Int { shortCount + long.count }

  /// The id of `bytes`, or nil.
  @inline(__always)
  func id(of bytes: [UInt8]) -> Int32? {
    guard let key = LocalName.Key(bytes) else { return long[bytes] }
    return id(of: key)
  }

  /// The id of a packed name, or nil.
  @inline(__always)
  func id(of key: LocalName.Key) -> Int32? {
    var slot = key.mixed & mask
    while true {
      let id = ids[slot]
      if id < 0 { return nil }
      if keys[slot] == key { return id }
      slot = (slot + 1) & mask
    }
  }

  /// Records the id of `bytes`, which has none yet.
  mutating func insert(_ bytes: [UInt8], id: Int32) {
    guard let key = LocalName.Key(bytes) else {
      long[bytes] = id
      return
    }
    if (shortCount + 1) * 2 > mask + 1 { grow() }
    place(key, id)
    shortCount += 1
  }

  private mutating func place(_ key: LocalName.Key, _ id: Int32) {
    var slot = key.mixed & mask
    while ids[slot] >= 0 { slot = (slot + 1) & mask }
    keys[slot] = key
    ids[slot] = id
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldIDs = ids
    mask = mask * 2 + 1
    keys = [LocalName.Key](repeating: LocalName.Key(low: 0, high: 0), count: mask + 1)
    ids = [Int32](repeating: -1, count: mask + 1)
    for slot in oldIDs.indices where oldIDs[slot] >= 0 { place(oldKeys[slot], oldIDs[slot]) }
  }
}
