import ArgumentParser
import SessionModel
import Store

/// `connectage export chat --out DIR [filters]`: one CHAT file per session, for CLAN.
struct ExportCHATCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chat", abstract: "Write one CHAT file per session (chat/<session>.cha) for CLAN.",
    discussion: """
      Utterances come from the transcripts saved beside the recordings (.cha, .TextGrid, .json or .txt); \
      a trial is a @G gem naming its condition; speakers are participant codes.
      """)

  @OptionGroup var options: ExportOptions

  func run() throws {
    let files = try options.export(transcripts: true) { try CHATExport().files(for: $0) }
    Terminal.say(Self.summary(of: files.filter { $0.name.hasPrefix("chat/") }, in: options.out))
  }

  static func summary(of files: [ExportedFile], in out: String) -> LocalizedText {
    let utterances = files.reduce(0) { $0 + $1.rowCount }
    return LocalizedText(
      fr: "Export CHAT écrit dans \(out) : \(files.count) séance(s), \(utterances) énoncé(s). "
        + ExportOptions.manifestSentence.french,
      en: "CHAT export written to \(out): \(files.count) session(s), \(utterances) utterance(s). "
        + ExportOptions.manifestSentence.english)
  }
}
