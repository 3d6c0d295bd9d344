import ArgumentParser
import Foundation
import ProtocolKit
import SessionModel

/// `connectage protocol schedule FILE --start YYYY-MM-DD [--json]`: the session dates, closures skipped.
struct ProtocolScheduleCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "Date the sessions of a protocol from a start date, moving those that fall on a closed day.")

  @OptionGroup var options: ProtocolFileOptions

  func run() async throws {
    let clinicalProtocol = try ProtocolInput.load(options.file, assets: options.assets)
    let firstDay = try ProtocolInput.startDate(options.start, protocol: clinicalProtocol)
    let schedule = ScheduleBuilder(settings: clinicalProtocol.schedule).schedule(startingOn: firstDay)
    if options.json {
      try ProtocolInput.printJSON(schedule)
    } else {
      Terminal.print(Self.table(schedule, protocol: clinicalProtocol, start: firstDay))
    }
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
