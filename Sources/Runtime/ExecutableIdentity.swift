import Foundation

/// Which build of Caper is running: the GNU build id of the executable (a hash the linker writes,
/// the same for the same code), else its size and modification time.
///
/// A startup snapshot is keyed
/// on it: the snapshot refers to the shim's native functions by position, which only this build
/// is sure to share.
public enum ExecutableIdentity {
  public static let current: String = {
    let path = "/proc/self/exe"
    if let id = buildID(path) { return "build-id:" + id }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "file:\(size):\(modified)"
  }()

  /// The NT_GNU_BUILD_ID note of a 64-bit little-endian ELF file, in hex.
  static func buildID(_ path: String) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    func read(_ offset: UInt64, _ count: Int) -> [UInt8]? {
      guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.read(upToCount: count), data.count == count else {
        return nil
      }
      return [UInt8](data)
    }
    func integer(_ bytes: [UInt8], _ at: Int, _ size: Int) -> UInt64 {
      (0..<size).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
    }
    guard let header = read(0, 64), header[0..<4] == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1 else { return nil }
    let programHeaders = integer(header, 32, 8)
    let entrySize = Int(integer(header, 54, 2))
    let count = Int(integer(header, 56, 2))
    for i in 0..<min(count, 64) {
      guard let entry = read(programHeaders + UInt64(i * entrySize), 56), integer(entry, 0, 4) == 4 else { continue }  // PT_NOTE
      let size = Int(min(integer(entry, 32, 8), 1 << 16))
      guard let notes = read(integer(entry, 8, 8), size) else { continue }
      var at = 0
      while at + 12 <= notes.count {
        let nameSize = Int(integer(notes, at, 4))
        let descSize = Int(integer(notes, at + 4, 4))
        let type = integer(notes, at + 8, 4)
        let nameStart = at + 12
        let descStart = nameStart + (nameSize + 3) & ~3
        guard descStart + descSize <= notes.count else { break }
        if type == 3 && nameSize == 4 && notes[nameStart..<nameStart + 3] == [0x47, 0x4E, 0x55] {
          return notes[descStart..<descStart + descSize].map { String(format: "%02x", $0) }.joined()
        }
        at = descStart + (descSize + 3) & ~3
      }
    }
    return nil
  }
}
