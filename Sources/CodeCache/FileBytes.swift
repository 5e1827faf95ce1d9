#if canImport(Glibc)
import Glibc
#endif

/// Whole files read with plain system calls: one allocation of the file's real size, no
/// Foundation buffering (multi-megabyte bundles and cache entries are read on every run).
public enum FileBytes {
  /// The regular file at `path`, or nil when it cannot be opened or read whole.
  public static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return read(fd, count: Int(info.st_size))
  }

  /// Exactly `count` bytes from `fd`, or nil on a short read.
  static func read(_ fd: Int32, count: Int) -> [UInt8]? {
    var done = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      while done < count {
        let n = Glibc.read(fd, buffer.baseAddress! + done, count - done)
        if n <= 0 { break }
        done += n
      }
      initialized = done
    }
    return done == count ? bytes : nil
  }
}
