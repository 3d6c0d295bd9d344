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
    let executable = try locate(name)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do { try process.run() } catch { throw Failure(description: "\(name) could not start: \(error)") }
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(
        description: "\(name) \(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
    }
  }
}
