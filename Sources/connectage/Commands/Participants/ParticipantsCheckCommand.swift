import ArgumentParser
import ProtocolKit
import SessionModel
import Store

/// `connectage participants check --study S`: who meets the protocol's inclusion criteria, who does
/// not and why, and who leaves the stroke window before the last planned session.
struct ParticipantsCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the study's participants against its protocol's inclusion criteria.",
    discussion: """
      Eligibility is judged on the protocol's first session (schedule.start), or today when it has
      none. Months since the stroke are whole calendar months (a stroke in 2026-09 is 4 months old
      in January 2027). The window ends on the last day of the month months_since_stroke.max after
      the stroke; sessions planned later are listed. Exit 0 even when some are not eligible.
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var studyOptions: StudyProtocolOptions

  func run() throws {
    let clinicalProtocol = try studyOptions.load()
    let participants = try store.withDatabase { database in
      try database.participants.fetchAll().filter { $0.study == clinicalProtocol.id }
    }
    let checks = participants.map { clinicalProtocol.check($0, today: StudyProtocolOptions.today) }
    Terminal.print(Self.report(checks, protocol: clinicalProtocol))
  }

  static func report(_ checks: [InclusionCheck], protocol clinicalProtocol: ClinicalProtocol) -> String {
    let language = Terminal.language
    let date = clinicalProtocol.inclusionDate(otherwise: StudyProtocolOptions.today)
    let eligible = checks.filter(\.isEligible)
    let toCheck = eligible.count { $0.strokeWindowEdge != nil }
    var lines = [
      LocalizedText(
        fr:
          "Inclusion \(clinicalProtocol.id) au \(date) : \(eligible.count) éligible(s)\(toCheck > 0 ? " dont \(toCheck) à vérifier (jour de l'AVC)" : ""), \(checks.count - eligible.count) non éligible(s).",
        en:
          "Inclusion \(clinicalProtocol.id) on \(date): \(eligible.count) eligible\(toCheck > 0 ? ", \(toCheck) of them to check (the stroke's day)" : ""), \(checks.count - eligible.count) not eligible."
      ).text(in: language)
    ]
    let header = LocalizedText(
      fr: "Participant|Éligible|Fin de fenêtre|Raisons", en: "Participant|Eligible|Window ends|Reasons")
    var rows = [header.text(in: language).split(separator: "|").map(String.init)]
    for check in checks {
      let yes = LocalizedText(fr: "oui", en: "yes").text(in: language)
      let no = LocalizedText(fr: "non", en: "no").text(in: language)
      rows.append([
        check.participant.rawValue, check.isEligible ? yes : no, check.windowEnds?.description ?? "",
        (check.reasons.map { $0.message.text(in: language) }
          + (check.isEligible ? [check.strokeWindowEdge?.message(on: date).text(in: language)].compactMap { $0 } : []))
          .joined(separator: "; "),
      ])
    }
    lines.append(ProtocolInput.table(rows))
    let leaving = eligible.filter { !$0.sessionsAfterWindow.isEmpty }
    if !leaving.isEmpty {
      lines.append(
        LocalizedText(fr: "Sortent de la fenêtre pendant l'essai :", en: "Leave the window during the trial:")
          .text(in: language))
      for check in leaving {
        let sessions = check.sessionsAfterWindow
        lines.append(
          LocalizedText(
            fr:
              "  \(check.participant) : fenêtre close le \(check.windowEnds!), séances \(sessions.first!)–\(sessions.last!) après (\(sessions.count))",
            en:
              "  \(check.participant): window closes on \(check.windowEnds!), sessions \(sessions.first!)–\(sessions.last!) after it (\(sessions.count))"
          ).text(in: language))
      }
    }
    return lines.joined(separator: "\n")
  }
}
