import ArgumentParser
import Foundation

/// The `caper` command line.
///
/// Usage errors exit with status 2 (not ArgumentParser's 64), like
/// cucumber-js; JavaScript and test failures exit 1.
public struct CaperCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "caper",
    abstract: "Run Gherkin features with JavaScript steps against a simulated browser.",
    subcommands: [
      RunCommand.self, ScrapeCommand.self, InitCommand.self, MergeCommand.self, EvalCommand.self, GherkinCommand.self,
      CacheCommand.self,
    ]
  )

  @Flag(name: [.customShort("v"), .long], help: "Print Caper's version, the V8 version and V8's cached-data tag.")
  var version = false

  public init() {}

  public func run() throws {
    guard version else { throw CleanExit.helpRequest(self) }
    print(CaperVersion.versionText)
  }

  /// Parses the command line, runs the command and exits with Caper's exit codes.
  ///
  /// The termination signals get their default actions and are unblocked first: a parent that
  /// ignored or blocked them (some test runners do) would otherwise have the programs support code
  /// spawns ignore `child.kill()`, as Node's children never do (libuv resets them in the child).
  public static func main(_ arguments: [String]? = nil) -> Never {
    var terminating = sigset_t()
    sigemptyset(&terminating)
    for number in [SIGTERM, SIGINT, SIGHUP, SIGQUIT] {
      signal(number, SIG_DFL)
      sigaddset(&terminating, number)
    }
    pthread_sigmask(SIG_UNBLOCK, &terminating, nil)
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      Foundation.exit(0)
    } catch let error where ErrorRendering.failure(for: error) != nil {
      let failure = ErrorRendering.failure(for: error)!
      if !failure.message.isEmpty { FileHandle.standardError.write(Data((failure.message + "\n").utf8)) }
      Foundation.exit(failure.status)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { print(message) }
        Foundation.exit(0)
      }
      if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
      Foundation.exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
    }
  }
}

/// Caper's exit statuses.
enum ExitStatus {
  static let failure: Int32 = 1
  /// Usage, configuration or load errors.
  static let usage: Int32 = 2
}

/// A failure rendered for the user: the message printed on stderr and the exit status.
struct CommandFailure: Error {
  var message: String
  var status: Int32
}
