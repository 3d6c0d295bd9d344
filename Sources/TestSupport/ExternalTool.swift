import Foundation

/// Runs the command-line tools the corpus is made with (espeak-ng, sox).
public enum ExternalTool {
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  /// The tool's full path, or a failure that says how to install it.
  public static func locate(_ name: String) throws(Failure) -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw Failure(
      description:
        "\(name) is not installed: run scripts/install-deps (the speech corpus is generated with espeak-ng and sox)")
  }

  public static func run(_ name: String, _ arguments: [String]) throws(Failure) {
    _ = try output(name, arguments)
  }

  /// Runs the tool and returns what it wrote on its standard output.
  public static func output(_ name: String, _ arguments: [String]) throws(Failure) -> String {
    let executable = try locate(name)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let errors = Pipe()
    let output = Pipe()
    process.standardError = errors
    process.standardOutput = output
    do { try process.run() } catch { throw Failure(description: "\(name) could not start: \(error)") }
    // These tools write at most a few lines of errors, far below a pipe's capacity, so reading
    // the output to its end first cannot leave the tool blocked on a full error pipe.
    let written = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(
        description: "\(name) \(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
    }
    return String(decoding: written, as: UTF8.self)
  }
}
