/// Why a trial's game was not played, or not to its end (`game.skipped`).
public enum GameSkipReason: String, Hashable, Sendable, CaseIterable, EventField {
  /// The setup has no pictures or scent for it.
  case noMaterial
  /// The therapist pressed S.
  case `operator`
}
