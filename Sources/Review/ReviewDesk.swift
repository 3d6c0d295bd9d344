import Foundation
import Research
import SessionModel
import SpeechKit
import Store

/// The review workstation's core: the queue, each answer's page, the editor's live analysis and
/// every save, for one database (and one study, when named). No HTTP: `ReviewServer` turns
/// requests into these calls, and the tests make them directly.
///
/// Pages name answers by opaque id only; the desk turns ids into answers, and refuses anything
/// else (a path, an unknown id) as an unknown answer. Each save is one transaction in the store,
/// based on the revision the page loaded: a stale save is refused with the current version.
public final class ReviewDesk: Sendable {
  public let database: SessionDatabase
  /// The sessions reviewed: those of the study named, or all (nil).
  let sessions: Set<SessionID>?
  /// False on a trial read back from the central server: a transcript lives beside its recording,
  /// at its site, and is corrected there.
  let editsTranscripts: Bool
  private let waveforms = WaveformCache()

  /// - Throws: ``ReviewFailure/refused(_:)`` when `study` has no session.
  public init(database: SessionDatabase, study: StudyID? = nil, editsTranscripts: Bool = true) throws {
    self.database = database
    self.editsTranscripts = editsTranscripts
    if let study {
      let sessions = Set(try database.sessions.fetchAll(study: study).map(\.id))
      guard !sessions.isEmpty else {
        throw ReviewFailure.refused(
          LocalizedText(
            fr: "L'étude « \(study.rawValue) » n'a aucune séance dans cette base ; vérifiez --study et --db.",
            en: "Study '\(study.rawValue)' has no session in this database; check --study and --db."))
      }
      self.sessions = sessions
    } else {
      sessions = nil
    }
  }

  // MARK: Reading

  /// One page of the blind queue, with `coder`'s own saves marked.
  public func queue(_ request: QueueRequest, for coder: CoderCode? = nil) throws(ReviewFailure) -> QueuePage {
    let page = try storing {
      try database.review.queuePage(
        in: sessions, state: request.state, offset: (request.page - 1) * request.pageSize, limit: request.pageSize)
    }
    return QueuePage(page, request: request, coder: coder)
  }

  /// The answer `id` names, as `coder` may see it, with everything its page shows.
  public func answerPage(_ id: String, for coder: CoderCode) throws(ReviewFailure) -> AnswerPage {
    let answer = try self.answer(id)
    let view = try storing { try database.review.view(of: answer, for: coder) }
    return try page(of: answer, view: view)
  }

  /// The recording of the answer `id` names, to be served by byte ranges.
  public func recordingFile(_ id: String) throws(ReviewFailure) -> URL {
    let answer = try self.answer(id)
    guard let recording = try storing({ try database.recordings.fetch(answer) }) else {
      throw ReviewFailure.unknownAnswer
    }
    return database.recordingFile(atStoredPath: recording.path)
  }

  /// The editor's text read and measured as the exports would, for the answer `id` names.
  public func analyze(_ text: String, mode: TranscriptMode, of id: String) throws(ReviewFailure) -> TranscriptAnalysis {
    let answer = try self.answer(id)
    return TranscriptCheck.analyze(text, mode: mode, participant: answer.participant.rawValue)
  }

  /// Agreement between coders over the reviewed answers: for the principal investigator.
  public func agreement() throws(ReviewFailure) -> AgreementPage {
    try storing {
      let review = database.review
      let report = try AgreementReport(reviews: try review.records(in: sessions), id: review.id(of:))
      let entries = try review.queue(in: sessions)
      return AgreementPage(
        report: report, revisions: Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.revision) }))
    }
  }

  // MARK: Saving

  /// Saves the transcript beside the recording and measures the answer again with it.
  public func saveTranscript(
    _ text: String, mode: TranscriptMode, of id: String, by coder: String, basedOn revision: Int
  ) throws(ReviewFailure) -> AnswerPage {
    guard editsTranscripts else { throw ReviewFailure.refused(Self.transcriptsStayAtTheSites) }
    return try save(id, by: coder, basedOn: revision) { answer, coder in
      try database.review.saveTranscript(
        text, as: mode == .chat ? .chat : .plainText, of: answer, by: coder, basedOn: revision)
    }
  }

  /// Saves the coder's first-word and last-word marks beside the automatic ones.
  public func saveTiming(_ timing: ReviewedTiming, of id: String, by coder: String, basedOn revision: Int)
    throws(ReviewFailure) -> AnswerPage
  {
    try save(id, by: coder, basedOn: revision) { answer, coder in
      try database.review.saveTiming(timing, of: answer, by: coder, basedOn: revision)
    }
  }

  /// Saves the coder's memory count (and how many are specific).
  public func saveMemories(_ count: MemoryCount, of id: String, by coder: String, basedOn revision: Int)
    throws(ReviewFailure) -> AnswerPage
  {
    try save(id, by: coder, basedOn: revision) { answer, coder in
      try database.review.saveMemories(count, of: answer, by: coder, basedOn: revision)
    }
  }

  /// Records the value the coders agreed on for one measure; both codings are kept.
  public func saveConsensus(
    _ value: Double?, for measure: ReviewedMeasure, of id: String, by coder: String, basedOn revision: Int
  ) throws(ReviewFailure) -> AnswerPage {
    try save(id, by: coder, basedOn: revision) { answer, coder in
      try database.review.saveConsensus(value, for: measure, of: answer, by: coder, basedOn: revision)
    }
  }

  // MARK: Inside

  /// The answer an opaque id names; anything that is not a known id is an unknown answer.
  func answer(_ id: String) throws(ReviewFailure) -> AnswerKey {
    guard Self.isOpaqueID(id), let answer = try storing({ try database.review.answer(withID: id, in: sessions) })
    else { throw ReviewFailure.unknownAnswer }
    return answer
  }

  /// Whether `id` has the shape of an answer id (``AnswerID/isWellFormed(_:)``).
  public static func isOpaqueID(_ id: String) -> Bool { AnswerID.isWellFormed(id) }

  private func page(of answer: AnswerKey, view: ReviewAnswerView) throws(ReviewFailure) -> AnswerPage {
    guard let place = try storing({ try database.review.place(ofID: view.id, in: sessions) }) else {
      throw ReviewFailure.unknownAnswer
    }
    let audio = try recordingFile(view.id)
    let waveform: WaveformPeaks
    do {
      waveform = try waveforms.peaks(of: view.id) { try WaveformPeaks.of(audio) }
    } catch {
      throw ReviewFailure.failed(
        LocalizedText(
          fr: "L'enregistrement de cette réponse est illisible ou absent ; lancez « connectage db check ».",
          en: "This answer's recording is unreadable or missing; run 'connectage db check'."))
    }
    let measures = try storing { try database.measures.fetch(answer) }
    let text = view.transcript?.text ?? ""
    let mode = view.transcript.map { TranscriptMode(opening: $0.format) } ?? .plainText
    let editorText = Self.editorText(of: view.transcript, participant: answer.participant.rawValue) ?? text
    return AnswerPage(
      view: view, position: place.position, total: place.total, previous: place.previous, next: place.next,
      waveform: waveform, speech: DetectedSpeech.segments(of: measures), transcript: editorText, mode: mode,
      draftFormat: view.transcript?.format,
      uncertainWords: UncertainWord.of(view.transcript),
      analysis: TranscriptCheck.analyze(editorText, mode: mode, participant: answer.participant.rawValue),
      transcriptEditable: editsTranscripts)
  }

  /// The text the editor opens with: CHAT and plain text as written; a draft in another format
  /// (ASR JSON, VTT, SRT, TextGrid) as its words, one utterance a line, speaker first.
  static func editorText(of draft: TranscriptText?, participant: String) -> String? {
    guard let draft, draft.format != .chat, draft.format != .plainText else { return draft?.text }
    guard
      let transcript = try? TranscriptReader.read(
        Data(draft.text.utf8), file: TranscriptCheck.fileName, format: draft.format)
    else { return draft.text }
    return DraftText.plainText(of: transcript)
  }

  private func save(
    _ id: String, by coderText: String, basedOn revision: Int,
    _ body: (AnswerKey, CoderCode) throws -> ReviewAnswerView
  ) throws(ReviewFailure) -> AnswerPage {
    let answer = try self.answer(id)
    guard let coder = CoderCode(rawValue: coderText) else {
      throw ReviewFailure.refused(StoreError.coderIsNotACode(coderText).message)
    }
    do {
      return try page(of: answer, view: try body(answer, coder))
    } catch let stale as StaleRevision {
      throw ReviewFailure.conflict(stale.message, current: try page(of: answer, view: stale.current))
    } catch let failure as ReviewFailure {
      throw failure
    } catch {
      throw Self.failure(error)
    }
  }

  private func storing<Value>(_ body: () throws -> Value) throws(ReviewFailure) -> Value {
    do {
      return try body()
    } catch {
      throw Self.failure(error)
    }
  }

  static func failure(_ error: any Error) -> ReviewFailure {
    switch error {
    case let failure as ReviewFailure: return failure
    case let error as StoreError:
      if case .unknownAnswer = error { return .unknownAnswer }
      // The store's other messages may name files and folders (a recording's path carries the
      // trial; a folder may name its keeper): a page gets the words, the terminal the details.
      guard error.isBadInput else {
        FileHandle.standardError.write(Data("connectage review: \(error.message.english)\n".utf8))
        return .failed(unexpected)
      }
      return .refused(error.message)
    default:
      return .failed(unexpected)
    }
  }

  static let transcriptsStayAtTheSites = LocalizedText(
    fr:
      "Relecture centrale : la transcription appartient au site de l'enregistrement ; corrigez-la sur le poste du site, qui la synchronisera. Ici, codez les souvenirs, relisez les temps ou enregistrez un consensus.",
    en:
      "Central review: the transcript belongs to the recording's site; correct it on the site's computer, which will sync it. Here, code memories, review timings or record a consensus."
  )

  static let unexpected = LocalizedText(
    fr:
      "L'enregistrement ou la base de données n'a pas pu être lu ou écrit ; rien n'a été enregistré. Réessayez, puis lancez « connectage db check ».",
    en:
      "The recording or the database could not be read or written; nothing was saved. Try again, then run 'connectage db check'."
  )
}
