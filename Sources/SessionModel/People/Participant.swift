/// A patient, known only by a pseudonymous code, with what a therapist needs to plan a session.
///
/// There is deliberately no name, birth date or free-text field: anything that
/// could identify a person stays out of the research database and its exports.
public struct Participant: Hashable, Sendable, Codable, Identifiable {
  public var code: ParticipantCode
  public var study: StudyID?
  /// The protocol arm, e.g. `with-memory-disorder` in `espoir-avc`.
  public var arm: String?
  public var usableHand: UsableHand
  public var wearsGlasses: Bool
  public var wearsHearingAid: Bool
  public var smell: SmellScreening
  public var aphasia: AphasiaType
  public var hasMemoryDisorder: Bool
  /// Month and year of the stroke, never the day; `nil` when not recorded.
  public var strokeMonth: StrokeMonth?
  /// Strokes the patient has had (1 for a first and only stroke); `nil` when not recorded.
  public var strokeCount: Int?
  public var lesionSide: LesionSide?
  public var languageAssessment: LanguageAssessment

  public var id: ParticipantCode { code }

  public init(
    code: ParticipantCode, study: StudyID? = nil, arm: String? = nil,
    usableHand: UsableHand = .both, wearsGlasses: Bool = false, wearsHearingAid: Bool = false,
    smell: SmellScreening = .notScreened, aphasia: AphasiaType = .none, hasMemoryDisorder: Bool = false,
    strokeMonth: StrokeMonth? = nil, strokeCount: Int? = nil, lesionSide: LesionSide? = nil,
    languageAssessment: LanguageAssessment = .notAssessed
  ) {
    self.code = code
    self.study = study
    self.arm = arm
    self.usableHand = usableHand
    self.wearsGlasses = wearsGlasses
    self.wearsHearingAid = wearsHearingAid
    self.smell = smell
    self.aphasia = aphasia
    self.hasMemoryDisorder = hasMemoryDisorder
    self.strokeMonth = strokeMonth
    self.strokeCount = strokeCount
    self.lesionSide = lesionSide
    self.languageAssessment = languageAssessment
  }
}

/// Which hand can hold the pad; after a stroke it is often one only.
public enum UsableHand: String, CaseIterable, Sendable, Codable {
  case left, right, both
}

/// The result of the olfactory screening done before a participant joins scent conditions.
public enum SmellScreening: String, CaseIterable, Sendable, Codable {
  case notScreened = "not_screened"
  case normal
  /// Reduced smell: scent conditions still run, and the analysis can separate them.
  case hyposmic
  /// No smell: scent conditions are pointless and the planner warns about them.
  case anosmic
}

/// The aphasia classification recorded by the speech therapist.
public enum AphasiaType: String, CaseIterable, Sendable, Codable {
  case none
  case broca
  case wernicke
  case conduction
  case anomic
  case global
  case transcorticalMotor = "transcortical_motor"
  case transcorticalSensory = "transcortical_sensory"
  case unclassified
}
