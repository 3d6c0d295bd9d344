import ArgumentParser
import SessionModel
import Store

/// `connectage session attendance --study S --group G01 --session 3 --present … --absent P03=ill …`.
struct SessionAttendanceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attendance",
    abstract: "Record who was present, absent (and why) or left early at a planned session.",
    discussion: """
      Absence reasons: ill (malade), appointment (rendez-vous), discharged (sorti), refused (refus).
      A later record for the same participant and session replaces the earlier one; every record
      is also logged (attendance.recorded). 'run' records the seated participants as present.
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var planned: PlannedSessionOptions

  @Option(help: "Present participants, separated by commas.") var present: String?
  @Option(help: "Absent participants with their reason, e.g. P03=ill,P07=appointment.") var absent: String?
  @Option(help: "Participants who left before the end, separated by commas.") var leftEarly: String?

  func run() throws {
    var records: [Attendance] = []
    for code in try Self.codes(present) { records.append(planned.attendance(of: code, .present)) }
    for code in try Self.codes(leftEarly) { records.append(planned.attendance(of: code, .leftEarly)) }
    for item in Self.items(absent) {
      let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        throw CommandFailure.badInput(
          LocalizedText(
            fr: "--absent : « \(item) » n'a pas de motif. Écrivez CODE=motif, par exemple P03=ill.",
            en: "--absent: '\(item)' has no reason. Write CODE=reason, for example P03=ill."))
      }
      let reason: AbsenceReason = try ChoiceArgument.parse(parts[1], option: "--absent")
      records.append(planned.attendance(of: try ParticipantCodeArgument.parse(parts[0]), .absent, reason: reason))
    }
    guard !records.isEmpty else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "rien à enregistrer : indiquez --present, --absent ou --left-early.",
          en: "nothing to record: give --present, --absent or --left-early."))
    }
    var seen = Set<ParticipantCode>()
    for record in records where !seen.insert(record.participant).inserted {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "\(record.participant) est indiqué deux fois : une seule présence par séance.",
          en: "\(record.participant) is given twice: one attendance per session."))
    }
    try store.withDatabase { database in
      let group = try planned.registeredGroup(in: database)
      let outsiders = records.map(\.participant).filter { !group.members.contains($0) }
      guard outsiders.isEmpty else {
        throw CommandFailure.badInput(
          LocalizedText(
            fr:
              "\(outsiders.map(\.rawValue).joined(separator: ", ")) ne sont pas membres du groupe \(group.id) : une séance rattrapée ailleurs s'enregistre avec « connectage session make-up ».",
            en:
              "\(outsiders.map(\.rawValue).joined(separator: ", ")) are not members of group \(group.id): a session made up elsewhere is recorded with 'connectage session make-up'."
          ))
      }
      // A correction keeps the make-up a session already has.
      let existing = try database.attendance.fetchAll(study: StudyID(planned.study))
      for var record in records {
        record.madeUpIn =
          existing.first {
            $0.group == record.group && $0.sessionNumber == record.sessionNumber && $0.participant == record.participant
          }?.madeUpIn
        try database.attendance.record(record)
      }
    }
    Terminal.say(
      LocalizedText(
        fr: "Présences de \(planned.group) séance \(planned.session) enregistrées (\(records.count)).",
        en: "Attendance of \(planned.group) session \(planned.session) recorded (\(records.count))."))
  }

  static func items(_ list: String?) -> [String] {
    (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  static func codes(_ list: String?) throws -> [ParticipantCode] {
    try items(list).map(ParticipantCodeArgument.parse)
  }
}
