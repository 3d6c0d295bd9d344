import ArgumentParser
import Foundation
import ProtocolKit
import SessionModel

/// `connectage protocol schedule FILE --start YYYY-MM-DD [--json] [--study S --db PATH]`: the session
/// dates, closures skipped; with `--study`, each participant's planned, done, missed and made-up
/// sessions and inclusion window.
struct ProtocolScheduleCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "Date the sessions of a protocol from a start date, moving those that fall on a closed day.")

  @OptionGroup var options: ProtocolFileOptions

  @Option(help: "Also show each participant of this study: sessions planned, done, missed, made up, window end.")
  var study: String?

  @OptionGroup var store: StoreOptions

  func run() async throws {
    let clinicalProtocol = try ProtocolInput.load(options.file, assets: options.assets)
    let firstDay = try ProtocolInput.startDate(options.start, protocol: clinicalProtocol)
    let schedule = ScheduleBuilder(settings: clinicalProtocol.schedule).schedule(startingOn: firstDay)
    var participants: [ParticipantPlanning.Row]?
    if let study {
      guard clinicalProtocol.id == StudyID(study) else {
        throw CommandFailure.badInput(
          LocalizedText(
            fr:
              "\(options.file) est le protocole de l'étude \(clinicalProtocol.id), pas de \(study) : vérifiez --study.",
            en: "\(options.file) is the protocol of study \(clinicalProtocol.id), not \(study): check --study."))
      }
      participants = try store.withDatabase { database in
        try ParticipantPlanning.rows(protocol: clinicalProtocol, schedule: schedule, start: firstDay, in: database)
      }
    }
    if options.json {
      if let participants {
        try ProtocolInput.printJSON(ScheduleWithParticipants(schedule: schedule, participants: participants))
      } else {
        try ProtocolInput.printJSON(schedule)
      }
    } else {
      var text = Self.table(schedule, protocol: clinicalProtocol, start: firstDay)
      if let participants {
        text += "\n" + LocalizedText(fr: "Participants :", en: "Participants:").text(in: Terminal.language)
        text += "\n" + ParticipantPlanning.table(participants)
      }
      Terminal.print(text)
    }
  }

  struct ScheduleWithParticipants: Encodable {
    var schedule: Schedule
    var participants: [ParticipantPlanning.Row]
  }

  static let weekdays = [
    LocalizedText(fr: "lundi", en: "Monday"), LocalizedText(fr: "mardi", en: "Tuesday"),
    LocalizedText(fr: "mercredi", en: "Wednesday"), LocalizedText(fr: "jeudi", en: "Thursday"),
    LocalizedText(fr: "vendredi", en: "Friday"), LocalizedText(fr: "samedi", en: "Saturday"),
    LocalizedText(fr: "dimanche", en: "Sunday"),
  ]

  static func table(_ schedule: Schedule, protocol clinicalProtocol: ClinicalProtocol, start: CalendarDate) -> String {
    let language = Terminal.language
    let every = clinicalProtocol.schedule.intervalDays
    let summary = LocalizedText(
      fr:
        "Calendrier \(clinicalProtocol.id) : \(schedule.sessions.count) séance(s) tous les \(every) jours à partir du \(start)",
      en: "Schedule \(clinicalProtocol.id): \(schedule.sessions.count) session(s) every \(every) days from \(start)")
    let header = LocalizedText(fr: "Séance|Date|Jour|Remarque", en: "Session|Date|Day|Note")
    var rows = [header.text(in: language).split(separator: "|").map(String.init)]
    for session in schedule.sessions {
      let note = session.movedFrom.map {
        LocalizedText(fr: "déplacée du \($0) (jour fermé)", en: "moved from \($0) (closed day)").text(in: language)
      }
      rows.append([
        "\(session.number)", "\(session.date)", weekdays[session.date.weekday - 1].text(in: language), note ?? "",
      ])
    }
    return summary.text(in: language) + "\n" + ProtocolInput.table(rows)
  }
}
