import ArgumentParser
import SessionModel
import Store

/// `--study S --group G --session N`: one planned session of one group.
struct PlannedSessionOptions: ParsableArguments {
  @Option(help: "Study identifier, e.g. espoir-avc.") var study: String
  @Option(help: "The participants' group, e.g. G01.") var group: String
  @Option(help: "Planned session number, from 1.") var session: Int

  /// The group, refused when it is unknown or another study's, or when the number is not a session's.
  func registeredGroup(in database: SessionDatabase) throws -> ParticipantGroup {
    guard session >= 1 else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "--session doit être un numéro de séance prévu, à partir de 1 (reçu \(session)).",
          en: "--session must be a planned session number, from 1 (got \(session))."))
    }
    guard let found = try database.groups.fetch(GroupID(group)), found.study == StudyID(study) else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "le groupe \(group) n'est pas enregistré dans l'étude \(study) : voyez « connectage groups list ».",
          en: "group \(group) is not registered in study \(study): see 'connectage groups list'."))
    }
    return found
  }

  /// What the therapist records for `participant` at this planned session.
  func attendance(of participant: ParticipantCode, _ status: AttendanceStatus, reason: AbsenceReason? = nil)
    -> Attendance
  {
    Attendance(
      study: StudyID(study), group: GroupID(group), sessionNumber: session, participant: participant, status: status,
      reason: reason, recordedBy: .therapist)
  }
}
