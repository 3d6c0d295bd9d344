import SessionModel
import Store

/// A row about one participant and one planned trial of a session, as `measures.csv` and
/// `participation.csv` both hold: the columns they share are defined once
/// (``ExportColumn`` where `Row: PlannedTrialRow`), so the two files cannot drift apart.
protocol PlannedTrialRow: Sendable {
  var session: Session { get }
  var trial: Trial { get }
  var group: ParticipantGroup? { get }
  var participantCode: ParticipantCode { get }
  /// The participant's record; `nil` when the database has none.
  var participant: Participant? { get }
}

extension AnalysedAnswer: PlannedTrialRow {
  var participantCode: ParticipantCode { answer.participant }
}

extension ParticipationRow: PlannedTrialRow {}

extension ExportColumn where Row: PlannedTrialRow {
  static func studyID(_ file: String) -> Self {
    .init(file, "study_id", "text", "", "Study the session belongs to.") { $0.session.study?.rawValue ?? "" }
  }

  static func siteID(_ file: String) -> Self {
    .init(file, "site_id", "text", "", "Site of the participant's group.") { $0.group?.site?.rawValue ?? "" }
  }

  static func sessionNumber(_ file: String) -> Self {
    .init(file, "session_number", "integer", "", "Position of the session in the group's schedule, from 1.") {
      String($0.session.number)
    }
  }

  static func plannedDate(_ file: String) -> Self {
    .init(file, "planned_date", "date", "", "Day the protocol planned the session for (YYYY-MM-DD).") {
      $0.session.date.description
    }
  }

  static func participantCode(_ file: String) -> Self {
    .init(file, "participant_code", "text", "", "Pseudonymous participant code; no name is ever exported.") {
      $0.participantCode.rawValue
    }
  }

  static func trialID(_ file: String) -> Self {
    .init(file, "trial_id", "text", "", "Planned trial identifier, the same in every run of the planned session.") {
      $0.trial.id.rawValue
    }
  }

  static func trialNumber(_ file: String) -> Self {
    .init(file, "trial_number", "integer", "", "Position of the trial in the session, from 1.") {
      String($0.trial.number)
    }
  }

  static func plannedCondition(_ file: String) -> Self {
    .init(
      file, "condition_planned", "text", "",
      "Cue condition the protocol planned: image, image_game, image_scent or image_game_scent."
    ) { $0.trial.condition.rawValue }
  }

  static func memoryDisorder(_ file: String) -> Self {
    .init(
      file, "memory_disorder", "integer", "",
      "1 if the participant has a memory disorder (the trial's second population), 0 if not; empty if the participant is not registered."
    ) { row in row.participant.map { $0.hasMemoryDisorder ? "1" : "0" } ?? "" }
  }

  /// `note` says what the file's analyses do with it.
  static func smellScreening(_ file: String, note: String = "") -> Self {
    .init(
      file, "smell_screening", "text", "",
      "The participant's olfactory screening: normal, hyposmic, anosmic or not_screened; empty if the participant is not registered."
        + note
    ) { $0.participant?.smell.rawValue ?? "" }
  }
}
