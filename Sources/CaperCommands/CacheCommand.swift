import ArgumentParser
import CodeCache
import Foundation
import Runtime

/// `caper cache stats|clear|path`: the disk code cache's directory.
struct CacheCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cache", abstract: "Show or clear the disk code cache.",
    subcommands: [Stats.self, Clear.self, Path.self])

  struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the cache directory and the ABI directories caper run uses in it.")
    @OptionGroup var cache: CodeCacheOptions
    func run() throws {
      guard let root = cache.location.path else {
        print("disabled")
        return
      }
      print(root)
      // The engine's ABI directory (where the runtime's snapshot is), then the one of the caches
      // made under that snapshot, if there is one.
      for name in cache.runDirectories() { print(root + "/" + name) }
    }
  }

  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Entries and bytes per ABI directory (* marks those caper run uses).")
    @OptionGroup var cache: CodeCacheOptions
    func run() throws {
      guard let root = cache.location.path else {
        print("code cache disabled")
        return
      }
      let current = Set(cache.runDirectories())
      let usage = DiskCodeCache.usage(root: root)
      print("code cache: \(root)")
      if usage.isEmpty { print("  (empty)") }
      for entry in usage {
        print(
          "\(current.contains(entry.directory) ? "*" : " ") \(entry.directory)  \(entry.entries) entries  \(String(format: "%.1f", Double(entry.bytes) / 1_048_576)) MiB"
        )
      }
      let total = usage.reduce(0) { $0 + $1.bytes }
      print("  total \(usage.reduce(0) { $0 + $1.entries }) entries, \(String(format: "%.1f", Double(total) / 1_048_576)) MiB")
    }
  }

  struct Clear: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove every entry of every ABI directory.")
    @OptionGroup var cache: CodeCacheOptions
    func run() throws {
      guard let root = cache.location.path else {
        print("code cache disabled")
        return
      }
      do {
        let freed = try DiskCodeCache.clear(root: root)
        print("cleared \(root) (\(String(format: "%.1f", Double(freed) / 1_048_576)) MiB)")
      } catch {
        throw CommandFailure(message: "caper: cannot clear \(root): \(error.localizedDescription)", status: ExitStatus.failure)
      }
    }
  }
}
