import Foundation

/// Places in Caper's repository that tests read, found from this file's own path.
public enum Repository {
  /// The repository's root folder.
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `.bundles/`: what `Support/scripts/fetch-bundles` fetched (typescript.js, node_modules/uuid).
  public static let bundles = root.appendingPathComponent(".bundles")
}
