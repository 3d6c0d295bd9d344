import Foundation
import SessionModel
import SessionRunner
import Store
import Testing

/// A database written by the code of December 2026, before events had types: a real headless
/// session killed between images, recovered, resumed and killed again while recording
/// (`scripts/make-event-log-fixture` made it; the committed bytes are the point). Today's code must
/// open it (its migrations run on a copy), recover it to the same resume point, and export it as
/// that code did.
///
/// The goldens beside it were written by that code. Exports made before recovery are compared
/// byte for byte. Recovery appends events and files answers stamped with the time it runs, so the
/// exports made after it are compared once those run-dependent values are masked
/// (``ExportNormalisation``): the clocks of the events recovery appended, and the SHA-256 digests of
/// the files that hold them.
///
/// `CONNECTAGE_UPDATE_FIXTURE_GOLDENS=1` rewrites the goldens with today's output, for a change of
/// behaviour made on purpose (a new detector version in `measures.csv`): it makes the test agree
/// with today's code, so its diff is the review, line by line, before it is committed.
@Suite struct EventLogFixtureTests {
  static let fixture = CommandRun.repositoryRoot.appendingPathComponent("Tests/connectageTests/Fixtures/event-log-v1")
  static let goldens = CommandRun.repositoryRoot.appendingPathComponent(
    "Tests/connectageTests/Fixtures/event-log-v1-goldens")

  @Test func theDatabaseOfDecember2026RecoversAndExportsAsItsOwnCodeDid() async throws {
    try #require(FileManager.default.isExecutableFile(atPath: CommandRun.executable.path), "swift build first")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "connectage-fixture-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: Self.fixture, to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("events.sqlite").path
    let stored = try SessionDatabase(path: database).eventLog.allEvents()
    let lastStoredSequence = stored.last?.sequence ?? 0
    // Every event of that code is one the catalogue reads, and reads as written before it existed.
    #expect(stored.filter { !$0.event.kind.isKnown }.map(\.event.type) == [])
    #expect(stored.allSatisfy { $0.schemaVersion == 1 })

    var produced: [String: String] = [:]
    // The codebook's goldens keep their definitions: they are normalised when compared, not stored.
    var codebooks: [String: String] = [:]
    let before = try await CommandRun.connectage(
      ["export", "all", "--db", database, "--out", folder.appendingPathComponent("export-before").path])
    try #require(before.exitCode == 0, "\(before.standardError)")
    for (name, text) in try Self.files(in: folder.appendingPathComponent("export-before")) {
      produced["export-before/" + name] = ExportNormalisation.withoutNewFiles(text, file: name)
      if name == "codebook.csv" { codebooks["export-before/" + name] = text }
    }

    let recovery = try await CommandRun.connectage(["db", "recover", "--db", database])
    try #require(recovery.exitCode == 0, "\(recovery.standardError)")
    produced["recover.txt"] = recovery.standardOutput.replacingOccurrences(of: folder.path, with: "<fixture>")
    produced["resume-point.txt"] = try Self.resumePoints(in: SessionDatabase(path: database))
    let appended = try SessionDatabase(path: database).eventLog.allEvents().filter { $0.sequence > lastStoredSequence }
    #expect(!appended.isEmpty && appended.allSatisfy { $0.schemaVersion == EventCatalogue.version })

    let after = try await CommandRun.connectage(
      ["export", "all", "--db", database, "--out", folder.appendingPathComponent("export-after").path])
    try #require(after.exitCode == 0, "\(after.standardError)")
    let normalisation = ExportNormalisation(lastStoredSequence: lastStoredSequence)
    for (name, text) in try Self.files(in: folder.appendingPathComponent("export-after")) {
      produced["export-after/" + name] = normalisation.normalised(text, file: name)
      if name == "codebook.csv" { codebooks["export-after/" + name] = text }
    }
    produced = produced.filter { $0.value != ExportNormalisation.added }

    if ProcessInfo.processInfo.environment["CONNECTAGE_UPDATE_FIXTURE_GOLDENS"] == "1" {
      try? FileManager.default.removeItem(at: Self.goldens)
      for (name, text) in produced {
        let url = Self.goldens.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (codebooks[name] ?? text).write(to: url, atomically: true, encoding: .utf8)
      }
    }
    let expected = try Self.files(in: Self.goldens, recursive: true)
    #expect(Set(produced.keys) == Set(expected.keys))
    for (name, golden) in expected.sorted(by: { $0.key < $1.key }) {
      let text =
        name.hasSuffix("codebook.csv") ? ExportNormalisation.withoutNewFiles(golden, file: "codebook.csv") : golden
      #expect(produced[name] == text, "\(name) differs from the golden")
    }
  }

  /// Each planned session's resume point, one line each: what `--resume` would pick up.
  static func resumePoints(in database: SessionDatabase) throws -> String {
    let recovery = SessionRecovery(database: database)
    // Run ids are `<planned>-<stamp>-<random>`; each run's record holds the planned trials.
    let runs = try database.sessions.fetchAll().sorted { $0.id < $1.id }
    let planned = Dictionary(
      runs.map { (SessionID($0.id.rawValue.split(separator: "-").dropLast(2).joined(separator: "-")), $0.trials) },
      uniquingKeysWith: { first, _ in first })
    var lines: [String] = []
    for (session, trials) in planned.sorted(by: { $0.key < $1.key }) {
      guard let point = try recovery.resumePoint(ofPlanned: session, trials: trials) else {
        lines.append("\(session): nothing to resume")
        continue
      }
      lines.append("\(session): run \(point.interruptedSession), trial index \(point.trialIndex) of \(trials.count)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The text files under `folder`, by path relative to it.
  static func files(in folder: URL, recursive: Bool = false) throws -> [String: String] {
    var files: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
      let name = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
      files[name] = try String(contentsOf: url, encoding: .utf8)
    }
    return files
  }
}

/// Masks what depends on when the test runs, in an export made after recovery: in `events.csv`,
/// the two clocks (`monotonic_ns`, `wall_clock`) of the events the test's own recovery appended;
/// in `manifest.sha256`, the digest of `events.csv`, which holds them. Every other byte is compared.
struct ExportNormalisation {
  /// Events after this sequence number were appended by the test's own recovery.
  var lastStoredSequence: Int64

  static let masked = "<run-dependent>"
  /// Files the export gained since the fixture was made, with their lines in the manifest: the
  /// changes of behaviour the goldens do not hold (`event_types.csv`, the catalogue's codebook).
  static let newFiles = ["event_types.csv", "attendance.csv", "participation.csv", "analysis.R"]
  static let added = "<added since the fixture>"

  /// Columns `measures.csv` gained at its end since the fixture (which value the review supplied,
  /// issue 11; where the transcript came from, issue 15; the participant's memory-disorder status and smell screening, make-ups and
  /// smell-flagged scent trials, issue 16): rows are compared on the columns the
  /// fixture's code wrote, the codebook on those columns' definitions, and the two files' digests
  /// are masked in the manifest.
  static let newMeasureColumns = [
    "onset_source", "offset_source", "words_source", "memories_source", "transcript_source", "memory_disorder",
    "smell_screening", "make_up", "scent_trial_smell_flagged",
  ]
  static let filesWithNewColumns = ["measures.csv", "codebook.csv"]

  /// A file the export gained becomes ``added``; the manifest loses their lines; the columns the
  /// export gained are left out.
  static func withoutNewFiles(_ text: String, file: String) -> String {
    if newFiles.contains(file) { return added }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { String($0) + "\n" }
    switch file {
    case "manifest.sha256":
      return lines.filter { line in !newFiles.contains { line.hasSuffix("  \($0)\n") } }
        .map { line in filesWithNewColumns.contains { line.hasSuffix("  \($0)\n") } ? maskedDigest(line) : line }
        .joined()
    case "measures.csv":
      // The new columns are plain words or empty, never quoted: cutting at the last commas is exact.
      // Memories nobody coded: the fixture's code left memories_n empty; today's analyses the
      // automatic pre-coding (issue 11), so a row whose memories_source is automatic and whose
      // memories_n equals memories_auto_n reads as the fixture's empty memories_n.
      let header = lines.first.map { Self.fields(of: $0) } ?? []
      let memories = header.firstIndex(of: "memories_n")
      let automatic = header.firstIndex(of: "memories_auto_n")
      let source = header.firstIndex(of: "memories_source")
      return lines.enumerated().map { index, line in
        var fields = Self.fields(of: line)
        if index > 0, let memories, let automatic, let source, fields.count == header.count,
          fields[source] == "automatic", fields[memories] == fields[automatic]
        {
          fields[memories] = ""
        }
        return fields.dropLast(newMeasureColumns.count).joined(separator: ",") + "\n"
      }.joined()
    case "codebook.csv":
      // Definitions are prose that the new source rule rewrote (t_first_word, words, memories_n…);
      // the columns, their types and units are what must not move.
      return lines.filter { line in
        !newMeasureColumns.contains { line.hasPrefix("measures.csv,\($0),") }
          && !newFiles.contains { line.hasPrefix("\($0),") }
      }
      .map {
        // Without its newline: a line with no definition would otherwise keep it in its fourth field.
        $0.dropLast().split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).prefix(4)
          .joined(separator: ",") + "\n"
      }
      .joined()
    default: return text
    }
  }

  private static func fields(of line: String) -> [String] {
    line.dropLast().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }

  private static func maskedDigest(_ line: String) -> String {
    guard let separator = line.range(of: "  ") else { return line }
    return masked + String(line[separator.lowerBound...])
  }

  func normalised(_ text: String, file: String) -> String {
    let text = Self.withoutNewFiles(text, file: file)
    switch file {
    case "events.csv": return lines(of: text).map(maskingClocks).joined()
    case "manifest.sha256":
      return lines(of: text).map { line in
        line.hasSuffix("  events.csv\n") ? Self.maskedDigest(line) : line
      }.joined()
    default: return text
    }
  }

  /// `session_id,sequence,monotonic_ns,wall_clock,...`: session ids and the clocks hold no comma.
  private func maskingClocks(_ line: String) -> String {
    var fields = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
    guard fields.count == 5, let sequence = Int64(fields[1]), sequence > lastStoredSequence else { return line }
    fields[2] = Self.masked
    fields[3] = Self.masked
    return fields.joined(separator: ",")
  }

  private func lines(of text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0 + "\n" }
  }
}
