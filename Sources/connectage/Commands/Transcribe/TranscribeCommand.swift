import ArgumentParser
import Foundation
import ProtocolKit
import Research
import SessionModel
import SpeechKit
import SpeechRecognition
import Store

/// `connectage transcribe`: a speech-recognition draft beside every recording without a transcript.
struct TranscribeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transcribe",
    abstract: "Draft transcripts of recorded answers with offline speech recognition (Whisper).",
    discussion: """
      Each recording with no transcript beside it gets a draft, <recording>.json, in the Whisper JSON \
      form ConnectAge reads, labelled transcript_source "asr": its word counts are filed but stats leave \
      them out until a person reviews them (stats --include-drafts counts them). The therapist's question, \
      when found at the start of a recording, is marked as INV's so the answer starts after it. \
      The model is a local CTranslate2 Whisper folder (--model or CONNECTAGE_ASR_MODEL); nothing is \
      downloaded. A run stopped at any moment can be started again: finished drafts are kept and skipped. \
      A file that fails does not stop the others; the exit code is 1 if any failed.
      """)

  @OptionGroup var store: StoreOptions

  @Option(help: ArgumentHelp("The recorded answers of this session.", valueName: "session"))
  var session: String?

  @Option(help: ArgumentHelp("The recorded answers of every session of this study.", valueName: "study"))
  var study: String?

  @Argument(help: ArgumentHelp("WAV files to draft, instead of --session or --study.", valueName: "file"))
  var files: [String] = []

  @Option(help: ArgumentHelp("The Whisper model folder (CTranslate2 form).", valueName: "dir"))
  var model: String?

  @Option(help: ArgumentHelp("Spoken language (Whisper code).", valueName: "code"))
  var language = "fr"

  @Option(
    help: ArgumentHelp(
      "The therapist's question, looked for at the start of each recording (default: the protocol's, else the standard question).",
      valueName: "text"))
  var prompt: String?

  @Option(
    name: .customLong("protocol"),
    help: ArgumentHelp("The protocol file whose evocation question was asked.", valueName: "file"))
  var protocolFile: String?

  @OptionGroup var assets: AssetsOption

  @Flag(help: "Do not look for the therapist's question at the start of recordings.")
  var noPromptMatching = false

  @Option(help: ArgumentHelp("CPU threads for recognition.", valueName: "n"))
  var threads = 2

  /// Checked in `run`, so the message is the project's (exit 2), not ArgumentParser's usage text.
  private func checkScope() throws {
    let scopes = [session != nil, study != nil, !files.isEmpty].count { $0 }
    guard scopes == 1 else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "Donnez une seule source : --session, --study ou des fichiers WAV.",
          en: "Give exactly one of --session, --study or WAV files."))
    }
    guard (1...64).contains(threads) else {
      throw CommandFailure.badInput(
        LocalizedText(fr: "--threads doit être entre 1 et 64.", en: "--threads must be between 1 and 64."))
    }
  }

  func run() throws {
    try checkScope()
    let question =
      try prompt ?? protocolFile.flatMap { try ProtocolInput.load($0, assets: assets).evocation.prompt?.french }
      ?? EvocationView.standardPrompt.french
    let environment = ProcessInfo.processInfo.environment
    let chosenModel: RecognitionModel
    let setup: WorkerSetup
    do {
      chosenModel = try RecognitionModel.locate(option: model, environment: environment)
      setup = try WorkerSetup.locate(
        environment: environment,
        currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        executable: Bundle.main.executableURL, threads: threads)
    } catch {
      throw CommandFailure.badInput(error.message)
    }
    let recordings = try recordingsToDraft()
    let jobs = recordings.map { DraftJob(recording: $0, prompt: question) }
    let worker = RecognitionWorker(setup: setup, model: chosenModel)
    defer { worker.stop() }
    let bar = ProgressBar(
      total: 1000, label: LocalizedText(fr: "Transcription", en: "Transcribing").text(in: Terminal.language),
      minimumTotal: 1)
    let outcomes: [DraftOutcome]
    do {
      outcomes = try DraftBatch(worker: worker, language: language, matchesPrompt: !noPromptMatching).run(jobs) {
        bar.update(done: Int($0 * 1000))
      }
    } catch {
      bar.finish()
      throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
    }
    bar.finish()
    try report(outcomes)
  }

  /// The recordings of the scope asked for, in answer order.
  private func recordingsToDraft() throws -> [URL] {
    if !files.isEmpty {
      return files.map { URL(fileURLWithPath: $0) }
    }
    return try store.withDatabase { database in
      let sessions: Set<SessionID> =
        if let session { [SessionID(session)] } else {
          Set(try database.sessions.fetchAll(study: study.map { StudyID($0) }).map(\.id))
        }
      let recordings = try database.recordings.fetchAll().filter { sessions.contains($0.session) }
        .sorted { $0.answer < $1.answer }
      guard !recordings.isEmpty else {
        throw CommandFailure.badInput(
          LocalizedText(
            fr: "Aucune réponse enregistrée ne correspond : vérifiez --session, --study et --db.",
            en: "No recorded answer matches: check --session, --study and --db."))
      }
      return recordings.map { database.recordingFile(atStoredPath: $0.path) }
    }
  }

  private func report(_ outcomes: [DraftOutcome]) throws {
    var failures: [RecognitionError] = []
    var drafted = 0
    var prompts = 0
    for outcome in outcomes {
      let name = outcome.job.recording.lastPathComponent
      switch outcome.status {
      case .drafted(let draft):
        drafted += 1
        if draft.prompt != nil { prompts += 1 }
        let words = draft.segments.filter { $0.speaker == "PAR" }.reduce(0) { $0 + $1.words.count }
        let doubtful = draft.segments.flatMap(\.words).count { $0.probability < DraftTranscript.lowConfidence }
        Terminal.say(
          LocalizedText(
            fr:
              "\(name) : brouillon écrit, \(words) mot(s) reconnu(s), \(doubtful) incertain(s)\(draft.prompt == nil ? "" : ", question repérée au début").",
            en:
              "\(name): draft written, \(words) word(s) recognised, \(doubtful) uncertain\(draft.prompt == nil ? "" : ", question found at the start")."
          ))
      case .alreadyTranscribed(let file):
        Terminal.say(
          LocalizedText(
            fr: "\(name) : déjà transcrit (\(file.lastPathComponent)), laissé tel quel.",
            en: "\(name): already transcribed (\(file.lastPathComponent)), left as is."))
      case .failed(let error):
        failures.append(error)
        Terminal.printError(error.message.text(in: Terminal.language))
      }
    }
    let skipped = outcomes.count - drafted - failures.count
    if drafted > 0 && files.isEmpty {
      try refile()
    }
    Terminal.say(
      LocalizedText(
        fr:
          "\(outcomes.count) enregistrement(s) : \(drafted) brouillon(s) écrit(s) (question repérée dans \(prompts)), \(skipped) déjà transcrit(s), \(failures.count) en échec. Les brouillons (transcript_source asr) ne comptent dans les statistiques qu'avec --include-drafts, tant qu'ils ne sont pas relus.",
        en:
          "\(outcomes.count) recording(s): \(drafted) draft(s) written (question found in \(prompts)), \(skipped) already transcribed, \(failures.count) failed. Drafts (transcript_source asr) count in statistics only with --include-drafts until reviewed."
      ))
    if !failures.isEmpty {
      throw ExitCode(CommandFailure.runtimeFailure)
    }
  }

  /// Measures the answers again, now with their drafts, so exports carry the draft counts.
  private func refile() throws {
    try store.withDatabase { database in
      do {
        _ = try database.answers.remeasure(
          session: session.map { SessionID($0) }, study: study.map { StudyID($0) })
      } catch let error as AudioError {
        throw CommandFailure.badInput(error.message)
      }
    }
  }
}
