import SessionModel

/// The games an animation session plays in turn, one per trial, when the protocol names none.
///
/// The one list of it: every game takes its place here, in ``GameKind``'s declaration order, and
/// the exhaustive switch makes a new game say whether it joins the rotation.
enum AnimationRotation {
  /// The rotation for a trial with or without a scent to release.
  static func games(withScent hasScent: Bool) -> [GameKind] {
    GameKind.allCases.filter { game in
      switch game {
      case .whichScent: hasScent
      case .memoryPairs, .thenAndNow, .rightOrder: true
      }
    }
  }

  /// The game of animation trial `number` (from 1).
  static func game(forTrial number: Int, withScent hasScent: Bool) -> GameKind {
    let rotation = games(withScent: hasScent)
    return rotation[(max(number, 1) - 1) % rotation.count]
  }
}
