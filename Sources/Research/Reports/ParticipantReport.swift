import Foundation
import SessionModel
import SpeechKit
import Store

/// One patient's course over the trial: attendance, each measure per condition across sessions,
/// and the answers' transcripts in order. The patient appears by code only.
public struct ParticipantReport: Sendable {
  /// The measures plotted: timing, words and memories.
  public static let measures: [StatisticsMeasure] = [.speechDuration, .phonationTime, .words, .memories]

  public var participant: ParticipantCode
  public var study: StudyID
  public var group: GroupID?
  public var attendance: [SessionAttendance]
  public var answers: [Answer]

  public struct SessionAttendance: Sendable, Hashable {
    public var session: SessionID
    public var number: Int
    public var date: CalendarDate
    public var present: Bool
    /// What the therapist recorded (absent with its reason, left early, made up); nil when
    /// presence comes from the log only.
    public var recorded: Attendance?
    public var answers: Int
  }

  public struct Answer: Sendable {
    public var session: Int
    public var trial: Trial
    public var condition: Condition
    /// Values of ``ParticipantReport/measures``, in order (nil when not measured or coded).
    public var values: [Double?]
    /// The participant's words, in order; nil when the answer has no transcript.
    public var transcript: String?
  }

  public init(snapshot: ExportSnapshot, participant: ParticipantCode, study: StudyID) throws {
    let sessions = snapshot.sessions.filter { session in
      session.kind == .clinical && session.group.flatMap { snapshot.groups[$0] }?.members.contains(participant) == true
    }
    let own = snapshot.analysedAnswers.filter { $0.answer.participant == participant && $0.session.kind == .clinical }
    guard !sessions.isEmpty || !own.isEmpty else { throw ReportError.unknownParticipant(participant, study: study) }
    self.participant = participant
    self.study = study
    group = sessions.first?.group ?? own.first?.session.group
    let attendance = SessionPresence(snapshot: snapshot)
    let counts = Dictionary(grouping: own, by: \.session.id).mapValues(\.count)
    self.attendance = sessions.sorted { ($0.number, $0.id) < ($1.number, $1.id) }.map { session in
      SessionAttendance(
        session: session.id, number: session.number, date: session.heldOn ?? session.date,
        present: attendance.isPresent(participant, in: session),
        recorded: attendance.attendance(of: participant, in: session), answers: counts[session.id] ?? 0)
    }
    answers = own.sorted { ($0.session.number, $0.trial.number) < ($1.session.number, $1.trial.number) }.map { answer in
      Answer(
        session: answer.session.number, trial: answer.trial, condition: answer.deliveredCondition,
        values: Self.measures.map { measure in
          if measure.readsDraft(of: answer) { return nil }
          return measure.value(of: answer).flatMap { $0.isFinite ? $0 : nil }
        },
        transcript: snapshot.transcripts[answer.answer].flatMap {
          Self.words(of: $0, participant: participant)
        })
    }
  }

  /// The participant's utterances as one line of text.
  static func words(of transcript: Transcript, participant: ParticipantCode) -> String? {
    let spoken =
      AnswerTranscripts.speaker(in: transcript, participant: participant.rawValue).map {
        transcript.utterances(of: $0)
      } ?? transcript.utterances
    let text = spoken.map(\.text).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
  }
}
