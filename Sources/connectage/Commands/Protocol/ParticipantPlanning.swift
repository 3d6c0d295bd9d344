import ProtocolKit
import SessionModel
import Store

/// `protocol schedule --study S`: per participant, the sessions planned, done, missed and made up,
/// and the end of the inclusion window.
enum ParticipantPlanning {
  struct Row: Encodable {
    var participant: String
    var group: String
    var planned: Int
    var done: Int
    var missed: Int
    var madeUp: Int
    var windowEnds: String
    var sessionsAfterWindow: [Int]
  }

  static func rows(
    protocol clinicalProtocol: ClinicalProtocol, schedule: Schedule, start: CalendarDate, in database: SessionDatabase
  ) throws -> [Row] {
    let participants = try database.participants.fetchAll().filter { $0.study == clinicalProtocol.id }
    let groups = try database.groups.fetchAll().filter { $0.study == clinicalProtocol.id }
    let attendance = try database.attendance.fetchAll(study: clinicalProtocol.id)
    return participants.map { participant in
      let records = attendance.filter { $0.participant == participant.code }
      let check = InclusionCheck(
        participant, criteria: clinicalProtocol.inclusion, inclusionDate: start, schedule: schedule)
      return Row(
        participant: participant.code.rawValue,
        group: groups.first { $0.members.contains(participant.code) }?.id.rawValue ?? "",
        planned: schedule.sessions.count,
        done: records.filter { $0.status != .absent }.count,
        missed: records.filter { $0.status == .absent }.count,
        madeUp: records.filter { $0.madeUpIn != nil }.count,
        windowEnds: check.windowEnds?.description ?? "", sessionsAfterWindow: check.sessionsAfterWindow)
    }
  }

  static func table(_ rows: [Row]) -> String {
    let language = Terminal.language
    let header = LocalizedText(
      fr: "Participant|Groupe|Prévues|Faites|Manquées|Rattrapées|Fin de fenêtre|Séances après",
      en: "Participant|Group|Planned|Done|Missed|Made up|Window ends|Sessions after")
    var lines = [header.text(in: language).split(separator: "|").map(String.init)]
    for row in rows {
      lines.append([
        row.participant, row.group, "\(row.planned)", "\(row.done)", "\(row.missed)", "\(row.madeUp)", row.windowEnds,
        row.sessionsAfterWindow.isEmpty
          ? "" : "\(row.sessionsAfterWindow.first!)–\(row.sessionsAfterWindow.last!)",
      ])
    }
    return ProtocolInput.table(lines)
  }
}
