import Foundation

/// CLAN's `check`, `freq` and `mlu` (TalkBank), the field's own judges of CHAT files and word
/// counts, found at `../shared/tools/clan` beside the repository (where CI lays out `shared/`).
///
/// The programs find their `lib/` folder through `lsof`, so both must be present; tests that need
/// them are skipped, with a message, when they are not.
public struct CLANTools: Sendable {
  /// `<clan>/unix/bin`.
  public let binaries: URL

  /// Why tests that need CLAN are skipped where it is missing.
  public static let missing =
    "CLAN not found: needs ../shared/tools/clan/unix/bin beside the repository and lsof (scripts/install-deps)"

  /// The tools, or `nil` when the folder or `lsof` is missing.
  public static let shared: CLANTools? = {
    let binaries = RepositoryRoot.url.deletingLastPathComponent()
      .appendingPathComponent("shared/tools/clan/unix/bin")
    guard FileManager.default.isExecutableFile(atPath: binaries.appendingPathComponent("check").path),
      (try? ExternalTool.locate("lsof")) != nil
    else { return nil }
    return CLANTools(binaries: binaries)
  }()

  /// What `check` says of one file; `passed` when it printed "ALL FILES CHECKED OUT OK!".
  public struct Verdict: Sendable {
    public var passed: Bool
    /// The errors `check` listed (its whole report when it failed).
    public var report: String
  }

  /// Runs `check +0` on `file`, from the file's own folder (CLAN compares `@Media` with the name).
  public func check(_ file: URL) throws -> Verdict {
    let output = try run("check", ["+0", file.lastPathComponent], in: file.deletingLastPathComponent())
    return Verdict(passed: output.contains("ALL FILES CHECKED OUT OK!"), report: output)
  }

  /// CLAN's counts of one speaker, AphasiaBank-style (`[+ exc]` utterances left out).
  public struct Counts: Equatable, Sendable, CustomStringConvertible {
    /// `freq`: total number of items (tokens).
    public var words: Int
    /// `freq`: total number of different item types.
    public var types: Int
    /// `mlu` on the main tier: utterances counted for MLU (none with `xxx`, `yyy`, `www`).
    public var mluUtterances: Int
    /// `mlu`: words in those utterances.
    public var mluWords: Int

    public init(words: Int, types: Int, mluUtterances: Int, mluWords: Int) {
      self.words = words
      self.types = types
      self.mluUtterances = mluUtterances
      self.mluWords = mluWords
    }

    public var description: String {
      "words \(words), types \(types), MLU utterances \(mluUtterances), MLU words \(mluWords)"
    }
  }

  /// `freq` and `mlu` for `speaker` in `file`, with `-s"[+ exc]"`.
  public func counts(of speaker: String, in file: URL) throws -> Counts {
    let folder = file.deletingLastPathComponent()
    let name = file.lastPathComponent
    let freq = try run("freq", ["+0", "+t*\(speaker)", "-s[+ exc]", name], in: folder)
    let mlu = try run("mlu", ["+0", "+t*\(speaker)", "-t%mor", "-s[+ exc]", name], in: folder)
    func number(_ pattern: String, in text: String) throws -> Int {
      guard let range = text.range(of: pattern, options: .regularExpression) else {
        throw ExternalTool.Failure(description: "CLAN output without /\(pattern)/:\n\(text)")
      }
      return Int(text[range].filter(\.isNumber))!
    }
    return Counts(
      words: try number("[0-9]+ +Total number of items", in: freq),
      types: try number("[0-9]+ +Total number of different item types", in: freq),
      mluUtterances: try number("utterances = [0-9]+", in: mlu),
      mluWords: try number("(words|morphemes) = [0-9]+", in: mlu))
  }

  /// Standard output and error together: CLAN writes its verdicts to either.
  private func run(_ program: String, _ arguments: [String], in folder: URL) throws -> String {
    let process = Process()
    process.executableURL = binaries.appendingPathComponent(program)
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch {
      throw ExternalTool.Failure(description: "CLAN \(program) could not start: \(error)")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}

/// The folder holding `Package.swift`, found from this source file's place in the checkout.
public enum RepositoryRoot {
  public static let url: URL = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
      folder.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()
}
