import Foundation
internal import GRDB
import SessionModel
import SpeechKit

/// How a coder writes a transcript in the workstation; drafts of other kinds (ASR JSON, VTT, SRT,
/// TextGrid) are starting points, saved back as one of these.
public enum EditableTranscriptFormat: String, CaseIterable, Hashable, Sendable {
  /// CHAT (`.cha`), with its headers and tiers.
  case chat
  /// Plain text (`.txt`), one utterance per line.
  case plainText = "text"

  var pathExtension: String { self == .chat ? "cha" : "txt" }
  var format: TranscriptFormat { self == .chat ? .chat : .plainText }
}

extension ReviewRepository {
  /// The name transcripts are read and reported under in a review: never the file's own name,
  /// which carries the trial and participant.
  static let transcriptName = "transcription"

  /// Saves `coder`'s transcript of the answer beside its recording and measures the answer again
  /// with it, in one save: the file is replaced atomically (temporary file, fsync, rename), the
  /// measures, the coder's transcript (kept with its word count for agreement) and the event are
  /// one transaction. The measuring is SpeechKit's, exactly as filing and re-measuring do it.
  ///
  /// The file is `<recording>.cha` or `<recording>.txt`. A transcript beside the recording that
  /// would be read before it (a `.cha`, `.TextGrid` or `.json` when saving `.txt`) is renamed to
  /// `<its name>.before-review` (kept, but no longer measured), so the saved text is what counts.
  ///
  /// - Throws: ``StaleRevision``; ``StoreError/unreadableTranscript(_:)`` with the line and column
  ///   of what is wrong (the file named `transcription`); ``StoreError/recordingChanged(path:isMissing:)``
  ///   when the recording is gone or changed (nothing is measured); ``StoreError/cannotSaveTranscript(reason:)``.
  @discardableResult
  public func saveTranscript(
    _ text: String, as format: EditableTranscriptFormat, of answer: AnswerKey, by coder: CoderCode,
    basedOn revision: Int, at date: Date = Date()
  ) throws -> ReviewAnswerView {
    guard let recording = try database.recordings.fetch(answer) else {
      throw StoreError.reviewRefused(.noRecording)
    }
    let audio = database.recordingFile(atStoredPath: recording.path)
    guard FileManager.default.fileExists(atPath: audio.path) else {
      throw StoreError.recordingChanged(path: audio.path, isMissing: true)
    }
    guard try SHA256.hexDigest(ofFileAt: audio.path) == recording.sha256 else {
      throw StoreError.recordingChanged(path: audio.path, isMissing: false)
    }
    let data = Data(text.utf8)
    let transcript: Transcript
    do {
      transcript = try TranscriptReader.read(data, file: Self.transcriptName, format: format.format)
    } catch {
      throw StoreError.unreadableTranscript(error)
    }
    // Measured before the transaction: reading the audio is the slow part, and needs no lock.
    var measurement = try AnswerMeasurement.ofAnswer(
      answer, recordedIn: audio, transcript: transcript, transcriptFile: Self.transcriptName)
    // A person listened and wrote or corrected these words: they count as reviewed, never as a draft.
    measurement.transcriptSource = .reviewed
    let measures = AnswerMeasures(answer: answer, measurement: measurement)
    let target = audio.deletingPathExtension().appendingPathExtension(format.pathExtension)
    var undo: (() -> Void)?
    do {
      return try save(.transcript, of: answer, by: coder, basedOn: revision, at: date) { db in
        let previous = TranscriptBesideRecording.file(of: audio)
        let previousData = previous.flatMap { try? Data(contentsOf: $0) }
        try MeasureRepository.save(measures, in: db, advancingRevision: false)
        try db.execute(
          sql: """
            INSERT INTO reviewed_transcript (session_id, trial_id, participant_code, coder, saved_at, transcript_file,
              text, previous_transcript_file, previous_text, words)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: Self.arguments(answer, coder) + [
            WallClockText.text(for: date), target.lastPathComponent, text, previous?.lastPathComponent,
            previousData.map { Self.decoded($0) }, measures.words,
          ])
        // The files last: once they are in place only the commit remains, and `undo` covers it.
        undo = try Self.replaceTranscript(beside: audio, with: data, at: target)
        return Change(
          before: previousData.map { Self.json(sha256: SHA256.hexDigest(of: $0), words: nil) },
          after: Self.json(sha256: SHA256.hexDigest(of: data), words: measures.words))
      }
    } catch {
      undo?()
      throw error
    }
  }

  /// Writes `data` to `target`, first moving aside every transcript that would be read before it,
  /// and returns how to put everything back.
  private static func replaceTranscript(beside audio: URL, with data: Data, at target: URL) throws -> () -> Void {
    let extensions = TranscriptBesideRecording.extensions
    let rank = extensions.firstIndex(of: target.pathExtension) ?? extensions.count
    let base = audio.deletingPathExtension()
    let shadowing = extensions.prefix(rank).map { base.appendingPathExtension($0) }
      .filter { FileManager.default.fileExists(atPath: $0.path) }
    let earlier = try? Data(contentsOf: target)
    var moved: [(from: URL, to: URL)] = []
    let undo = {
      for (from, to) in moved.reversed() { try? DurableFile.move(to, to: from) }
      if let earlier { try? DurableFile.replace(target, with: earlier) } else { unlink(target.path) }
    }
    do {
      for file in shadowing {
        let aside = Self.asideName(for: file)
        try DurableFile.move(file, to: aside)
        moved.append((file, aside))
      }
      try DurableFile.replace(target, with: data)
    } catch {
      undo()
      throw StoreError.cannotSaveTranscript(reason: error.reason)
    }
    return undo
  }

  /// `<name>.before-review`, or `<name>.before-review-2`… when that is taken.
  private static func asideName(for file: URL) -> URL {
    var candidate = URL(fileURLWithPath: file.path + ".before-review")
    var number = 2
    while FileManager.default.fileExists(atPath: candidate.path) {
      candidate = URL(fileURLWithPath: file.path + ".before-review-\(number)")
      number += 1
    }
    return candidate
  }

  /// UTF-16 with a byte-order mark (as Praat writes), else UTF-8.
  static func decoded(_ data: Data) -> String {
    if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]),
      let text = String(data: data, encoding: .utf16)
    {
      return text
    }
    return String(decoding: data, as: UTF8.self)
  }

  private static func json(sha256: String, words: Int?) -> String {
    "{\"sha256\":\"\(sha256)\",\"words\":\(words.map(String.init) ?? "null")}"
  }

  /// The transcript `coder` starts from: their own last save; else the transcript that was beside
  /// the recording before the first coder saved (never another coder's); else what is beside the
  /// recording now, a draft included (CHAT, TextGrid, ASR JSON, plain text, VTT, SRT).
  func startingTranscript(of answer: AnswerKey, for coder: CoderCode, recording: URL?, db: Database) throws
    -> TranscriptText?
  {
    if let own = try Row.fetchOne(
      db,
      sql: """
        SELECT transcript_file, text FROM reviewed_transcript WHERE \(Self.answerAndCoder)
        ORDER BY saved_at DESC, id DESC
        """,
      arguments: Self.arguments(answer, coder))
    {
      return Self.transcriptText(own["text"], file: own["transcript_file"])
    }
    if let first = try Row.fetchOne(
      db,
      sql: """
        SELECT previous_transcript_file, previous_text FROM reviewed_transcript
        WHERE session_id = ? AND trial_id = ? AND participant_code = ? ORDER BY saved_at, id
        """,
      arguments: AnswerRevision.arguments(answer))
    {
      guard let text = first["previous_text"] as String?, let file = first["previous_transcript_file"] as String?
      else { return nil }
      return Self.transcriptText(text, file: file)
    }
    guard let recording else { return nil }
    let base = recording.deletingPathExtension()
    let draft = (TranscriptBesideRecording.extensions + ["vtt", "srt"]).lazy
      .map { base.appendingPathExtension($0) }
      .first { FileManager.default.fileExists(atPath: $0.path) }
    guard let draft, let data = try? Data(contentsOf: draft) else { return nil }
    return Self.transcriptText(Self.decoded(data), file: draft.lastPathComponent)
  }

  private static func transcriptText(_ text: String, file: String) -> TranscriptText {
    let pathExtension = URL(fileURLWithPath: file).pathExtension
    return TranscriptText(
      text: text, format: TranscriptReader.format(of: Data(text.utf8), pathExtension: pathExtension))
  }
}
