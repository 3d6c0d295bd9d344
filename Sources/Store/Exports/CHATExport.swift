import SessionModel
import SpeechKit

/// One CHAT file per session (`chat/<session>.cha`), for CLAN: the group's participants under
/// pseudonymous speaker codes, one lazy gem per trial naming its condition, and each answer's
/// transcribed utterances with timing bullets when the times are known.
///
/// Choices a CLAN user should know (docs/exports-and-statistics.md):
/// - Speaker code: the participant code itself when CHAT accepts it (at most seven characters),
///   otherwise `P` and the participant's position (`P01`…); the `@ID` custom field always holds
///   the participant code, so the mapping is in the file.
/// - Each answer has its own recording, and CHAT allows one `@Media` per file: bullets are in
///   milliseconds on the clock of that answer's recording, named in the `@Comment` above it.
/// - Only the answering speaker's utterances are kept (a transcript's `INV` prompt is not).
public struct CHATExport: ExportWriter {
  public init() {}

  /// A session nobody attended or answered in has no file: CHAT needs at least one participant.
  public func files(for snapshot: ExportSnapshot) throws -> [ExportedFile] {
    snapshot.sessions.filter { $0.kind == .clinical }.compactMap { session in
      let transcript = transcript(of: session, in: snapshot)
      guard !transcript.declaredParticipants.isEmpty else { return nil }
      return ExportedFile(
        name: "chat/\(session.id.rawValue).cha", contents: CHATWriter.text(of: transcript),
        rowCount: transcript.utterances.count)
    }
  }

  /// The session as a `Transcript`, ready for `CHATWriter`.
  func transcript(of session: Session, in snapshot: ExportSnapshot) -> Transcript {
    let answered = Set(snapshot.measures.map(\.answer) + snapshot.recordings.keys).filter { $0.session == session.id }
    let members = session.group.flatMap { snapshot.groups[$0]?.members } ?? []
    let participants = Set(members + answered.map(\.participant)).sorted()
    let speakers = Self.speakerCodes(for: participants)
    let corpus = session.study?.rawValue ?? "connectage"
    var headers = [
      CHATHeader(name: "Languages", value: "fra"),
      CHATHeader(
        name: "Participants", value: participants.map { "\(speakers[$0]!) Participant" }.joined(separator: ", ")),
    ]
    headers += participants.map { code in
      CHATHeader(
        name: "ID",
        value: "fra|\(corpus)|\(speakers[code]!)|||\(session.group?.rawValue ?? "")||Participant||\(code.rawValue)|")
    }
    headers.append(CHATHeader(name: "Date", value: Self.chatDate(session.date)))
    headers.append(
      CHATHeader(
        name: "Comment",
        value: "session \(session.id.rawValue), number \(session.number)"
          + (session.group.map { ", group \($0.rawValue)" } ?? "")))

    var utterances: [Utterance] = []
    var pending: [CHATHeader] = []
    let measures = snapshot.measuresByAnswer
    for trial in session.trials {
      pending.append(CHATHeader(name: "G", value: Self.gemLabel(trial)))
      for participant in participants {
        let key = AnswerKey(session: session.id, trial: trial.id, participant: participant)
        guard answered.contains(key) else { continue }
        let speaker = speakers[participant]!
        guard let transcript = snapshot.transcripts[key] else {
          pending.append(CHATHeader(name: "Comment", value: "\(speaker) answer not transcribed"))
          continue
        }
        var spoken = AnswerTranscripts.timed(AnswerTranscripts.answer(in: transcript, as: speaker), by: measures[key])
        if spoken.isEmpty {
          pending.append(CHATHeader(name: "Comment", value: "\(speaker) transcript without words"))
          continue
        }
        if spoken.contains(where: { $0.start != nil }), let recording = snapshot.recordings[key] {
          let file = recording.path.split(separator: "/").last.map(String.init) ?? recording.path
          pending.append(CHATHeader(name: "Comment", value: "\(speaker) times on the clock of \(file)"))
        }
        spoken[0].headersBefore = pending
        pending = []
        utterances += spoken
      }
    }
    return Transcript(format: .chat, headers: headers, utterances: utterances, trailingHeaders: pending)
  }

  /// `T2 image_scent cafe`: the trial, its condition and its stimulus.
  static func gemLabel(_ trial: Trial) -> String {
    "\(trial.id.rawValue) \(trial.condition.rawValue) \(trial.stimulus.rawValue)"
  }

  /// Participant codes of up to seven characters are valid CHAT speaker codes as they are;
  /// otherwise every participant gets `P` and a two-digit position, so codes never mix styles.
  static func speakerCodes(for participants: [ParticipantCode]) -> [ParticipantCode: String] {
    if participants.allSatisfy({ $0.rawValue.count <= 7 }) {
      return Dictionary(uniqueKeysWithValues: participants.map { ($0, $0.rawValue) })
    }
    return Dictionary(
      uniqueKeysWithValues: participants.enumerated().map { ($1, ParticipantCode.numbered($0 + 1).rawValue) })
  }

  /// CHAT's `@Date` form: `14-JAN-2027`.
  static func chatDate(_ date: CalendarDate) -> String {
    let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
    return "\(day)-\(months[date.month - 1])-\(date.year)"
  }
}
