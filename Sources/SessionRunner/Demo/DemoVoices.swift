import Foundation
import SessionModel

/// Spoken answers for the autopilot: French sentences said by espeak-ng, one after another in a
/// raw 16 kHz mono file that SDL's disk driver plays into the capture path as a microphone would.
///
/// Each answer fills the same time slot (a little silence, the sentence, silence to the end of the
/// slot), so the k-th recorded turn hears the k-th answer, and its text becomes that recording's
/// transcript.
struct DemoVoices: Sendable {
  static let sampleRate = 16_000
  /// Answers in the spirit of the trial: memories, descriptions, hesitations.
  static let sentences = [
    "Euh, ça me rappelle le verger de mon grand-père. On cueillait les pommes en septembre.",
    "Quand j'étais petite, on allait au marché avec ma mère le samedi.",
    "C'est joli. Il y a des fleurs et une table.",
    "Ah, l'odeur du foin ! En 1958, je faisais les foins à la ferme de mon oncle.",
    "Ben, moi je pense à la plage de Bretagne, où on passait nos vacances.",
    "Le jour de mon mariage, il y avait un grand gâteau à la vanille.",
    "Bon, je vois du pain grillé et du café. Le matin, c'est agréable.",
    "Chez ma grand-mère, ça sentait la cire et le savon de Marseille.",
    "Euh, la fête foraine, on y allait avec mes frères à Pâques.",
    "Je me souviens de la cheminée l'hiver, on grillait des châtaignes.",
  ]

  var rawFile: URL
  var texts: [String]

  func text(ofAnswer index: Int) -> String? {
    texts.indices.contains(index) ? texts[index] : nil
  }

  /// Speaks `answers` sentences into `folder`; fails with what to install when a tool is missing.
  static func speak(answers: Int, secondsEach: Double, in folder: URL) throws(RunFailure) -> DemoVoices {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw RunFailure(LocalizedText(fr: "Impossible de créer \(folder.path).", en: "Could not create \(folder.path)."))
    }
    let slot = Int(secondsEach * Double(sampleRate)) * 2
    let lead = Data(count: sampleRate / 2 * 2)
    var all = Data()
    var texts: [String] = []
    for index in 0..<answers {
      let text = sentences[index % sentences.count]
      let wav = folder.appendingPathComponent("answer-\(index + 1).wav")
      let raw = folder.appendingPathComponent("answer-\(index + 1).raw")
      // Alternate a female and a male voice, as around a real table.
      try run("espeak-ng", ["-v", index % 2 == 0 ? "fr+f3" : "fr+m3", "-s", "165", "-w", wav.path, text])
      try run(
        "sox", [wav.path, "-r", "\(sampleRate)", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", raw.path])
      guard let speech = try? Data(contentsOf: raw) else {
        throw RunFailure(
          LocalizedText(fr: "Voix de démonstration illisible : \(raw.path).", en: "Unreadable demo voice: \(raw.path).")
        )
      }
      var answer = lead + speech
      // Keep the slot whole: the next answer must start where the next turn starts listening.
      if answer.count < slot { answer += Data(count: slot - answer.count) } else { answer = answer.prefix(slot) }
      all += answer
      texts.append(text)
    }
    let rawFile = folder.appendingPathComponent("answers.raw")
    do {
      try all.write(to: rawFile, options: .atomic)
    } catch {
      throw RunFailure(
        LocalizedText(fr: "Impossible d'écrire \(rawFile.path).", en: "Could not write \(rawFile.path)."))
    }
    return DemoVoices(rawFile: rawFile, texts: texts)
  }

  private static func run(_ tool: String, _ arguments: [String]) throws(RunFailure) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
      process.waitUntilExit()
    } catch {
      throw missing(tool)
    }
    guard process.terminationStatus == 0 else { throw missing(tool) }
  }

  private static func missing(_ tool: String) -> RunFailure {
    RunFailure(
      LocalizedText(
        fr:
          "La démonstration a besoin de « \(tool) » pour faire parler les joueurs virtuels : lancez scripts/install-deps.",
        en: "The demo needs '\(tool)' to give the virtual players a voice: run scripts/install-deps."))
  }
}
