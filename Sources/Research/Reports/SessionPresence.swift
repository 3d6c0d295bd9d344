import SessionModel

/// Who came to each session, as the reports show it.
///
/// The attendance recorded for a planned session comes first: the runner records who was
/// seated, and the therapist records absences with their reason, early departures and make-ups
/// (`connectage session attendance`). Only where nothing was recorded (an older database, data
/// imported) does presence fall back to the log: the patients seated, and any with an answer.
struct SessionPresence {
  private struct PlannedSession: Hashable {
    var study: StudyID?
    var group: GroupID?
    var number: Int
  }

  private var observed: [SessionID: Set<ParticipantCode>] = [:]
  private var recorded: [PlannedSession: [ParticipantCode: Attendance]] = [:]

  init(snapshot: ExportSnapshot) {
    for stored in snapshot.events {
      switch stored.event.kind {
      case .seating(.joined(_, _, _, let participant?, _)), .seating(.attributed(_, let participant)):
        observed[stored.event.session, default: []].insert(participant)
      default:
        continue
      }
    }
    for answer in snapshot.analysedAnswers {
      observed[answer.session.id, default: []].insert(answer.answer.participant)
    }
    for fact in snapshot.attendance {
      recorded[PlannedSession(study: fact.study, group: fact.group, number: fact.sessionNumber), default: [:]][
        fact.participant] = fact
    }
  }

  private func facts(of session: Session) -> [ParticipantCode: Attendance] {
    recorded[PlannedSession(study: session.study, group: session.group, number: session.number)] ?? [:]
  }

  /// The recorded fact for this participant at this session's planned session, if any.
  func attendance(of participant: ParticipantCode, in session: Session) -> Attendance? {
    facts(of: session)[participant]
  }

  /// Present or left early by the record; else seen in the log.
  func isPresent(_ participant: ParticipantCode, in session: Session) -> Bool {
    if let fact = attendance(of: participant, in: session) { return fact.status != .absent }
    return observed[session.id]?.contains(participant) ?? false
  }

  /// Everyone present at `session`: recorded present or left early, and those the log saw whom
  /// no record calls absent (a patient making up the session in another group's run).
  func present(in session: Session) -> Set<ParticipantCode> {
    let facts = facts(of: session)
    let recordedPresent = facts.values.filter { $0.status != .absent }.map(\.participant)
    let seen = (observed[session.id] ?? []).filter { facts[$0]?.status != .absent }
    return seen.union(recordedPresent)
  }
}

extension Attendance {
  /// How a report names this fact: "absent (malade)", "parti avant la fin", "absent, rattrapé en …".
  var label: LocalizedText {
    switch status {
    // The therapist should know it was inferred, to correct it if the log was wrong.
    case .present where recordedBy == .recovery:
      return LocalizedText(fr: "présent (d'après le journal)", en: "present (from the log)")
    case .present: return LocalizedText(fr: "présent", en: "present")
    case .leftEarly: return LocalizedText(fr: "parti avant la fin", en: "left early")
    case .absent:
      let why = reason.map { " (\($0.label.french))" } ?? ""
      let whyEnglish = reason.map { " (\($0.label.english))" } ?? ""
      guard let madeUpIn else { return LocalizedText(fr: "absent" + why, en: "absent" + whyEnglish) }
      return LocalizedText(
        fr: "absent\(why), rattrapé en \(madeUpIn)", en: "absent\(whyEnglish), made up in \(madeUpIn)")
    }
  }
}

extension AbsenceReason {
  var label: LocalizedText {
    switch self {
    case .ill: LocalizedText(fr: "malade", en: "ill")
    case .appointment: LocalizedText(fr: "rendez-vous", en: "appointment")
    case .discharged: LocalizedText(fr: "sorti du centre", en: "discharged")
    case .refused: LocalizedText(fr: "refus", en: "refused")
    }
  }
}

extension HTML {
  /// An attendance cell: the recorded fact when there is one (with the reason or the make-up),
  /// else `presentText` or `absentText` as the log shows; absences in the class print styles mark.
  static func presenceCell(
    present: Bool, recorded: Attendance?, presentText: String, absentText: String, language: Language
  ) -> String {
    let text = recorded?.label.text(in: language) ?? (present ? presentText : absentText)
    return present ? cell(text) : "<td class=\"absent\">\(escaped(text))</td>"
  }
}
