import Foundation

/// Runs R scripts with `Rscript` (Debian `r-base-core` with lme4, lmerTest, glmmTMB and emmeans,
/// installed by scripts/install-deps): the oracle for the mixed model and the runner of the
/// exported `analysis.R`.
public enum RScript {
  /// Whether `Rscript` is on the PATH; the tests that need it are skipped, saying so, when it is not.
  public static var isInstalled: Bool { (try? ExternalTool.locate("Rscript")) != nil }

  public static let missingMessage = "Rscript is not installed: run scripts/install-deps (r-base-core, r-cran-lmertest)"

  /// Runs `script` with `arguments` in `directory`; returns what it printed, or throws with its
  /// error output when it fails.
  @discardableResult
  public static func run(_ script: URL, _ arguments: [String] = [], in directory: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try ExternalTool.locate("Rscript"))
    process.arguments = ["--vanilla", script.path] + arguments
    process.currentDirectoryURL = directory
    // Errors to a file, so that a chatty script cannot fill a second pipe while its output is read.
    let errorFile = directory.appendingPathComponent(".rscript-errors-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
      throw ExternalTool.Failure(description: "Rscript \(script.lastPathComponent) failed:\n\(errors)")
    }
    return String(decoding: printed, as: UTF8.self)
  }
}
