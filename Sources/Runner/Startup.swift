import Foundation

/// The first support realm starting on a thread of its own: made, then its support code loaded.
final class Startup: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var made: Result<SupportRealm, any Error> = .failure(CancellationError())
  private var load: Result<Void, any Error> = .success(())

  init(_ make: @escaping @Sendable () throws -> SupportRealm, then load: @escaping @Sendable (SupportRealm) throws -> Void) {
    let thread = Thread { [self] in
      made = Result { try make() }
      if case .success(let realm) = made { self.load = Result { try load(realm) } }
      done.signal()
    }
    thread.stackSize = 1 << 20
    thread.start()
  }

  /// Waits for the realm (its support code loaded or failed); throws when it could not start.
  func realm() throws -> SupportRealm {
    done.wait()
    done.signal()
    return try made.get()
  }

  /// Throws the support code's load error, if any.
  func loaded() throws { try load.get() }
}
