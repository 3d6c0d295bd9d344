import ArgumentParser
import Research
import SessionModel
import Store

/// What every `connectage export …` subcommand shares: the database, the folder, the filters.
struct ExportOptions: ParsableArguments {
  @OptionGroup var store: StoreOptions
  @OptionGroup var central: CentralSourceOptions

  @Option(
    name: [.customLong("out"), .customLong("output")],
    help: ArgumentHelp("Folder to write into (created if needed).", valueName: "folder"))
  var out: String

  @Option(help: "Only the sessions of this study.") var study: String?
  @Option(help: "Only the sessions of this group.") var group: String?
  @Option(help: "Only this session.") var session: String?

  /// Reads the chosen sessions (with the transcripts beside their recordings when a writer reads
  /// them), lets every writer turn them into files, and writes those and the manifest into the folder.
  ///
  /// - Returns: each writer's files, in the writers' order; the manifest is not among them.
  func export(_ writers: [any ExportWriter]) throws -> [[ExportedFile]] {
    try central.withDatabase(store) { database in
      let snapshot = try ExportSnapshot.load(
        from: database, study: study.map(StudyID.init(rawValue:)), group: group.map(GroupID.init(rawValue:)),
        session: session.map(SessionID.init(rawValue:)), transcripts: writers.contains { $0.readsTranscripts })
      let files = try writers.map { try $0.files(for: snapshot) }
      try ExportDirectory(path: out).write(
        files.flatMap { $0 }, replacing: writers.flatMap { $0.folders(for: snapshot) })
      return files
    }
  }

  /// The files of one writer, written with the manifest.
  func export(_ writer: some ExportWriter) throws -> [ExportedFile] {
    try export([writer])[0]
  }

  /// `Empreintes SHA-256 dans manifest.sha256.`: said after every export.
  static let manifestSentence = LocalizedText(
    fr: "Empreintes SHA-256 dans \(ExportManifest.fileName).", en: "SHA-256 digests in \(ExportManifest.fileName).")
}
