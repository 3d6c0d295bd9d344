import Foundation
import SessionModel

/// Why speech recognition cannot start or could not draft one file, in words a user can act on.
public enum RecognitionError: Error, Equatable, Sendable {
  /// Neither `--model` nor `CONNECTAGE_ASR_MODEL` names a model folder.
  case noModelChosen
  /// The model folder does not exist.
  case modelMissing(path: String)
  /// The folder lacks files a CTranslate2 Whisper model needs.
  case modelIncomplete(path: String, missing: [String])
  /// A file's digest differs from the folder's `SHA256SUMS`.
  case modelCorrupt(path: String, file: String)
  /// The worker could not load the model (a truncated or foreign `model.bin`).
  case modelUnreadable(path: String, detail: String)
  /// The Python side (its interpreter, faster-whisper or the worker script) is not installed.
  case workerNotInstalled(detail: String)
  /// The worker stopped or spoke out of protocol.
  case workerFailed(detail: String)
  /// One recording could not be read or recognised.
  case fileFailed(file: String, detail: String)

  /// Whether the user's input is at fault (exit 2) rather than the run (exit 1).
  public var isBadInput: Bool {
    switch self {
    case .noModelChosen, .modelMissing, .modelIncomplete, .modelCorrupt, .modelUnreadable, .workerNotInstalled: true
    case .workerFailed, .fileFailed: false
    }
  }

  static let howToInstall = LocalizedText(
    fr:
      "Installez un modèle Whisper au format CTranslate2 (faster-whisper) et donnez son dossier avec --model DOSSIER ou CONNECTAGE_ASR_MODEL ; pour les essais, « scripts/install-asr » prépare whisper-base dans .build/asr/whisper-base. Rien n'est téléchargé pendant la transcription.",
    en:
      "Install a Whisper model in CTranslate2 (faster-whisper) form and give its folder with --model DIR or CONNECTAGE_ASR_MODEL; for tests, 'scripts/install-asr' builds whisper-base into .build/asr/whisper-base. Nothing is downloaded while transcribing."
  )

  public var message: LocalizedText {
    switch self {
    case .noModelChosen:
      return LocalizedText(
        fr: "Aucun modèle de reconnaissance vocale choisi. \(Self.howToInstall.french)",
        en: "No speech-recognition model chosen. \(Self.howToInstall.english)")
    case .modelMissing(let path):
      return LocalizedText(
        fr: "Aucun modèle à « \(path) ». \(Self.howToInstall.french)",
        en: "No model at '\(path)'. \(Self.howToInstall.english)")
    case .modelIncomplete(let path, let missing):
      let list = missing.joined(separator: ", ")
      return LocalizedText(
        fr: "Modèle incomplet à « \(path) » : il manque \(list). \(Self.howToInstall.french)",
        en: "Incomplete model at '\(path)': \(list) missing. \(Self.howToInstall.english)")
    case .modelCorrupt(let path, let file):
      return LocalizedText(
        fr:
          "Modèle abîmé à « \(path) » : \(file) ne correspond pas à SHA256SUMS. Réinstallez-le (scripts/install-asr pour whisper-base).",
        en:
          "Damaged model at '\(path)': \(file) does not match SHA256SUMS. Install it again (scripts/install-asr for whisper-base)."
      )
    case .modelUnreadable(let path, let detail):
      return LocalizedText(
        fr:
          "Le modèle à « \(path) » ne se charge pas (\(detail)) : model.bin est sans doute tronqué ou d'un autre format. \(Self.howToInstall.french)",
        en:
          "The model at '\(path)' does not load (\(detail)): model.bin is probably truncated or of another format. \(Self.howToInstall.english)"
      )
    case .workerNotInstalled(let detail):
      return LocalizedText(
        fr:
          "La reconnaissance vocale n'est pas installée (\(detail)). Lancez « scripts/install-asr » (environnement Python dans .build/asr/venv), ou donnez l'interpréteur avec CONNECTAGE_ASR_PYTHON.",
        en:
          "Speech recognition is not installed (\(detail)). Run 'scripts/install-asr' (Python environment in .build/asr/venv), or name the interpreter with CONNECTAGE_ASR_PYTHON."
      )
    case .workerFailed(let detail):
      return LocalizedText(
        fr: "Le processus de reconnaissance vocale s'est arrêté : \(detail)",
        en: "The speech-recognition process stopped: \(detail)")
    case .fileFailed(let file, let detail):
      return LocalizedText(
        fr: "\(file) : transcription impossible (\(detail)) ; aucun brouillon écrit.",
        en: "\(file): could not transcribe (\(detail)); no draft written.")
    }
  }
}
