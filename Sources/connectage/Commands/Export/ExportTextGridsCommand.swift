import ArgumentParser
import Research
import SessionModel
import Store

/// `connectage export textgrid --out DIR [filters]`: one Praat TextGrid per counted answer, from
/// the stored measures (`connectage export-textgrid` analyses one WAV afresh instead).
struct ExportTextGridsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "textgrid",
    abstract: "Write one Praat TextGrid per counted answer (textgrid/<session>/<trial>-<participant>.TextGrid).",
    discussion:
      "Tiers: the transcript's utterances and words when timed, speech/silence from the stored measures, pauses.")

  @OptionGroup var options: ExportOptions

  func run() throws {
    let files = try options.export(TextGridExport())
    Terminal.say(Self.summary(of: files, in: options.out))
  }

  static func summary(of files: [ExportedFile], in out: String) -> LocalizedText {
    LocalizedText(
      fr: "Export TextGrid écrit dans \(out) : \(files.count) enregistrement(s). "
        + ExportOptions.manifestSentence.french,
      en: "TextGrid export written to \(out): \(files.count) recording(s). " + ExportOptions.manifestSentence.english)
  }
}
