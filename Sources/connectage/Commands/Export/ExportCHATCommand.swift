import ArgumentParser
import Research
import SessionModel
import Store

/// `connectage export chat --out DIR [filters]`: one CHAT file per transcribed answer, for CLAN.
struct ExportCHATCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chat",
    abstract: "Write one CHAT file per transcribed answer (chat/<session>/<recording>.cha) for CLAN.",
    discussion: """
      Utterances come from the transcripts saved beside the recordings (.cha, .TextGrid, .json or .txt); \
      each file's @Media names its recording, a @G gem names the trial and its condition, speakers are \
      participant codes, and numbers are written in words, so every file passes CLAN's check.
      """)

  @OptionGroup var options: ExportOptions

  func run() throws {
    let files = try options.export(CHATExport())
    Terminal.say(Self.summary(of: files, in: options.out))
  }

  static func summary(of files: [ExportedFile], in out: String) -> LocalizedText {
    let utterances = files.reduce(0) { $0 + $1.rowCount }
    return LocalizedText(
      fr: "Export CHAT écrit dans \(out) : \(files.count) fichier(s) (un par réponse transcrite), "
        + "\(utterances) énoncé(s). " + ExportOptions.manifestSentence.french,
      en: "CHAT export written to \(out): \(files.count) file(s) (one per transcribed answer), "
        + "\(utterances) utterance(s). " + ExportOptions.manifestSentence.english)
  }
}
