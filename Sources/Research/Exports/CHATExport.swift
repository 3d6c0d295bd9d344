import SessionModel
import SpeechKit
import Store

/// One CHAT file per transcribed answer, named after its recording
/// (`chat/<session>/<recording>.cha`), for CLAN and AphasiaBank-style analysis: every file passes
/// CLAN `check` (tested with CLAN itself).
///
/// Choices a CLAN user should know (docs/exports-and-statistics.md):
/// - One counted answer, one file: the take `measures.csv` counts (``ExportSnapshot/analysedAnswers``),
///   not the takes a resumed run superseded.
/// - One recording, one file: `@Media:` names the recording (CLAN wants it to match the file's own
///   name, error 157), so the time bullets, in milliseconds on the recording's clock, play the
///   answer in CLAN. Answers without a transcript have no file (their recording is all there is).
/// - Speaker code: the participant code itself when CHAT accepts it (at most seven letters and
///   digits), else the code without what CHAT refuses (`AVC-M07` → `AVCM07`), else a number with
///   a prefix no participant code uses (`PA01`…); the `@ID` custom field always holds the
///   participant code, so the mapping is in the file.
/// - One lazy gem per file, `@G:` naming the trial, its condition and stimulus; `@Comment` names
///   the session.
/// - Only the answering speaker's utterances are kept (a transcript's `INV` prompt is not).
/// - Numbers are written out in French words, as CHAT requires (see ``SpeechKit/CHATWriter``).
public struct CHATExport: ExportWriter {
  public init() {}

  public var readsTranscripts: Bool { true }

  public func folders(for snapshot: ExportSnapshot) -> [String] { snapshot.sessions.map { Self.folder(of: $0.id) } }

  static func folder(of session: SessionID) -> String { "chat/\(session.rawValue)/" }

  public func files(for snapshot: ExportSnapshot) throws -> [ExportedFile] {
    snapshot.sessions.filter { $0.kind == .clinical }.flatMap { session in
      answerFiles(of: session, in: snapshot)
    }
  }

  /// `2 fichier(s) CHAT`.
  public func summary(of files: [ExportedFile]) -> LocalizedText {
    LocalizedText(fr: "\(files.count) fichier(s) CHAT", en: "\(files.count) CHAT file(s)")
  }

  /// The session's transcribed answers that count (``ExportSnapshot/countedRecordings``), in trial
  /// order then participant order.
  func answerFiles(of session: Session, in snapshot: ExportSnapshot) -> [ExportedFile] {
    // Speaker codes come from every take of the session, so a file's codes do not depend on which takes count.
    let answered = snapshot.recordings.keys.filter { $0.session == session.id }
    let members = session.group.flatMap { snapshot.groups[$0]?.members } ?? []
    let speakers = Self.speakerCodes(for: Set(members + answered.map(\.participant)).sorted())
    let measures = snapshot.measuresByAnswer
    let counted = snapshot.countedRecordings
    return session.trials.flatMap { trial in
      answered.filter { $0.trial == trial.id }.sorted().compactMap { key -> ExportedFile? in
        guard let transcript = snapshot.transcripts[key], let recording = counted[key] else { return nil }
        let speaker = speakers[key.participant]!
        var spoken = Self.bulleted(
          AnswerTranscripts.intervals(
            of: AnswerTranscripts.answer(in: transcript, as: speaker), measures: measures[key],
            recordingDuration: recording.durationSeconds))
        guard !spoken.isEmpty else { return nil }
        let gem = Gem(label: Self.gemLabel(trial), kind: .lazy)
        for index in spoken.indices { spoken[index].gem = gem }
        let media = Self.mediaName(of: recording)
        let file = Transcript(
          format: .chat,
          headers: headers(of: session, participant: key.participant, speaker: speaker, media: media)
            + Self.draftLabel(of: transcript),
          utterances: spoken)
        return ExportedFile(
          name: Self.folder(of: session.id) + "\(media).cha", contents: CHATWriter.text(of: file),
          rowCount: spoken.count)
      }
    }
  }

  /// The exports' one timing rule (`AnswerTranscripts.intervals`) in CHAT, where a bullet belongs
  /// to one utterance: an interval of one utterance is its bullet; in an interval shared by several
  /// (untimed sentences beside a timed one, or a typed text of several sentences), each keeps only
  /// the times it had, rather than all showing the same invented bullet.
  ///
  /// CLAN also refuses a bullet that starts before the speaker's previous one ends (check errors
  /// 83 and 133): sentences of one subtitle cue or TextGrid interval share its times, and cues can
  /// overlap. Such an utterance keeps no bullet of its own, like an untimed sentence.
  static func bulleted(_ intervals: [AnswerInterval]) -> [Utterance] {
    var previousEnd = -Double.infinity
    return intervals.flatMap { $0.utterances.count == 1 ? $0.timedUtterances : $0.utterances }.map { utterance in
      guard let start = utterance.start, let end = utterance.end else { return utterance }
      guard start >= previousEnd else {
        var untimed = utterance
        untimed.start = nil
        untimed.end = nil
        return untimed
      }
      previousEnd = end
      return utterance
    }
  }

  private func headers(
    of session: Session, participant: ParticipantCode, speaker: String, media: String
  ) -> [CHATHeader] {
    let corpus = session.study?.rawValue ?? "connectage"
    // @Date is the day of the recording (CHAT's date of the interaction), as `session_date` in
    // measures.csv; a session held late or made up was not recorded on its planned day, which the
    // comment gives. A database too old to know the day has no @Date (the header is optional).
    return [
      CHATHeader(name: "Languages", value: "fra"),
      CHATHeader(name: "Participants", value: "\(speaker) Participant"),
      CHATHeader(
        name: "ID",
        value: "fra|\(corpus)|\(speaker)|||\(session.group?.rawValue ?? "")||Participant||\(participant.rawValue)|"),
      CHATHeader(name: "Media", value: "\(media), audio"),
    ] + (session.heldOn.map { [CHATHeader(name: "Date", value: Self.chatDate($0))] } ?? []) + [
      CHATHeader(
        name: "Comment",
        value: "session \(session.id.rawValue), number \(session.number)"
          + (session.group.map { ", group \($0.rawValue)" } ?? "") + ", planned \(session.date)")
    ]
  }

  /// A speech-recognition draft says so in the file (`@Comment:	transcript_source asr`), the way
  /// SpeechKit reads a transcript's source back: a reviewer who corrects it writes `reviewed`.
  static func draftLabel(of transcript: Transcript) -> [CHATHeader] {
    guard transcript.source == .asr else { return [] }
    return [CHATHeader(name: "Comment", value: Transcript.sourceCommentPrefix + TranscriptSource.asr.rawValue)]
  }

  /// The recording's file name without its extension: CLAN's media name for it.
  static func mediaName(of recording: Recording) -> String {
    let file = recording.path.split(separator: "/").last.map(String.init) ?? recording.path
    guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
    return String(file[..<dot])
  }

  /// `T2 image_scent cafe`: the trial, its condition and its stimulus.
  static func gemLabel(_ trial: Trial) -> String {
    "\(trial.id.rawValue) \(trial.condition.rawValue) \(trial.stimulus.rawValue)"
  }

  /// Participant codes of up to seven letters and digits are valid CHAT speaker codes as they are
  /// (CLAN `check` refuses a `-` in a speaker code, error 18). Otherwise each code loses what CHAT
  /// refuses (`AVC-M07` → `AVCM07`), so a participant keeps one speaker code in every session,
  /// when that leaves every code of seven characters or fewer and still distinct. Failing that,
  /// participants are numbered in code order with a prefix no participant's own code can be taken
  /// for (`PA01`, `PA02`…): a file must never show one participant under another's code.
  static func speakerCodes(for participants: [ParticipantCode]) -> [ParticipantCode: String] {
    let allowed = { (character: Character) in character.isASCII && (character.isLetter || character.isNumber) }
    let valid = { (code: String) in !code.isEmpty && code.count <= 7 && code.allSatisfy(allowed) }
    let stripped = participants.map { $0.rawValue.filter(allowed) }
    if stripped.allSatisfy(valid), Set(stripped).count == participants.count {
      return Dictionary(uniqueKeysWithValues: zip(participants, stripped))
    }
    let own = Set(participants.map(\.rawValue) + stripped)
    let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map(String.init)
    let numbered = { (prefix: String) in
      participants.indices.map { prefix + ($0 < 9 ? "0\($0 + 1)" : "\($0 + 1)") }
    }
    let prefix = letters.map { "P" + $0 }.first { numbered($0).allSatisfy { !own.contains($0) } } ?? "PZ"
    return Dictionary(uniqueKeysWithValues: zip(participants, numbered(prefix)))
  }

  /// CHAT's `@Date` form: `14-JAN-2027`.
  static func chatDate(_ date: CalendarDate) -> String {
    let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
    return "\(day)-\(months[date.month - 1])-\(date.year)"
  }
}
