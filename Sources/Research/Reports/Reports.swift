import Foundation
import SessionModel
import Store

/// The three reports read from a database: one session, one participant over a study, one study.
public enum Reports {
  public static func session(_ id: SessionID, in database: SessionDatabase) throws -> SessionReport {
    try SessionReport(snapshot: ExportSnapshot.load(from: database, session: id), session: id)
  }

  /// The participant's group's sessions of `study`, with the transcripts beside their recordings.
  public static func participant(_ code: ParticipantCode, study: StudyID, in database: SessionDatabase) throws
    -> ParticipantReport
  {
    guard let group = try database.groups.fetchAll().first(where: { $0.members.contains(code) && $0.study == study })
    else { throw ReportError.unknownParticipant(code, study: study) }
    let snapshot = try ExportSnapshot.load(from: database, study: study, group: group.id, transcripts: true)
    return try ParticipantReport(snapshot: snapshot, participant: code, study: study)
  }

  public static func study(_ study: StudyID, in database: SessionDatabase) throws -> StudyReport {
    try StudyReport(snapshot: ExportSnapshot.load(from: database, study: study), study: study)
  }
}
