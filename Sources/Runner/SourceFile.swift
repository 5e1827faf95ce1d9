import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a script's UTF-8 bytes in one read, without a byte-order mark. Handed to V8 as they
/// are (V8 decodes them once, repairing invalid UTF-8 with U+FFFD as Node does): no Swift
/// string is made, which on a multi-megabyte bundle saves more than the read costs.
enum SourceFile {
  static func bytes(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = Int(info.st_size)
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      var done = 0
      while done < size {
        let n = Glibc.read(fd, buffer.baseAddress! + done, size - done)
        if n <= 0 { break }
        done += n
      }
      count = done
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a BOM is not part of the text
    return bytes
  }
}
