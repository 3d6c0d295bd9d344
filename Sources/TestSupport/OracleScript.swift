import Foundation

/// Runs one of the repository's Python oracles (`scripts/*.py`) in the pinned virtual environment
/// scripts/install-deps makes (`.build/oracles`): JSON in on its standard input, JSON out.
public enum OracleScript {
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  /// What `script` (a path from the repository root) prints for `input`.
  public static func run(_ script: String, input: Data) throws -> Data {
    let python = RepositoryRoot.url.appendingPathComponent(".build/oracles/bin/python")
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      throw Failure(description: "\(python.path) is missing: run scripts/install-deps (it makes the oracles' venv)")
    }
    let process = Process()
    process.executableURL = python
    process.arguments = [RepositoryRoot.url.appendingPathComponent(script).path]
    let standardInput = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = standardInput
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    standardInput.fileHandleForWriting.write(input)
    try standardInput.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(description: "\(script) failed: \(String(decoding: message, as: UTF8.self))")
    }
    return data
  }
}
