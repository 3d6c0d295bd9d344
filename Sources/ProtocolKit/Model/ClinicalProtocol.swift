import Foundation
import SessionModel

/// A validated protocol: everything needed to plan, schedule and run its sessions.
///
/// Only ``ProtocolLoader`` makes one from a file, after every cross-check has passed, so a
/// value of this type always names existing images, scents inside the catalogue and safety
/// limits within ``ScentSafetyLimits/HardBounds``.
public struct ClinicalProtocol: Hashable, Sendable {
  public var id: StudyID
  public var title: LocalizedText
  public var kind: SessionKind
  public var population: LocalizedText?
  public var arms: [ProtocolArm]
  /// Participants per group, at most ``ParticipantGroup/maximumSize``.
  public var groupSize: Int
  /// In the file's order; the Latin square permutes them.
  public var conditions: [Condition]
  public var trialsPerSession: Int
  public var counterbalancing: CounterbalancingSettings
  /// The stimulus pool, in the file's order.
  public var stimuli: [Stimulus]
  /// The whole scent catalogue, in channel order.
  public var scents: [Scent]
  public var games: [ProtocolGame]
  public var evocation: EvocationSettings
  public var presentation: PresentationSettings
  public var safety: ScentSafetyLimits
  public var schedule: ScheduleSettings
  /// What participant codes must look like (`participant_code_pattern`); the standard pattern
  /// (at least one digit) when the protocol sets none.
  public var participantCodes: ParticipantCodePattern
  /// Who may be included (`inclusion:`); ``InclusionCriteria/everyone`` when the file states none.
  public var inclusion: InclusionCriteria
  /// How `groups plan` forms groups (`stratification:`); `nil` when the file states none.
  public var stratification: Stratification?

  public init(
    id: StudyID, title: LocalizedText, kind: SessionKind, population: LocalizedText? = nil,
    arms: [ProtocolArm] = [], groupSize: Int, conditions: [Condition], trialsPerSession: Int,
    counterbalancing: CounterbalancingSettings = .init(), stimuli: [Stimulus], scents: [Scent],
    games: [ProtocolGame] = [], evocation: EvocationSettings, presentation: PresentationSettings = .init(),
    safety: ScentSafetyLimits = .standard, schedule: ScheduleSettings = .init(),
    participantCodes: ParticipantCodePattern = .standard, inclusion: InclusionCriteria = .everyone,
    stratification: Stratification? = nil
  ) {
    self.id = id
    self.title = title
    self.kind = kind
    self.population = population
    self.arms = arms
    self.groupSize = groupSize
    self.conditions = conditions
    self.trialsPerSession = trialsPerSession
    self.counterbalancing = counterbalancing
    self.stimuli = stimuli
    self.scents = scents
    self.games = games
    self.evocation = evocation
    self.presentation = presentation
    self.safety = safety
    self.schedule = schedule
    self.participantCodes = participantCodes
    self.inclusion = inclusion
    self.stratification = stratification
  }

  public func scent(_ id: ScentID) -> Scent? { scents.first { $0.id == id } }
  public func stimulus(_ id: StimulusID) -> Stimulus? { stimuli.first { $0.id == id } }
}
