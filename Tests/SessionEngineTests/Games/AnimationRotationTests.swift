import SessionModel
import Testing

@testable import SessionEngine

/// An animation plays every game in turn, and "Quelle odeur ?" only where the trial has a scent.
@Test(arguments: [
  (true, [GameKind.whichScent, .memoryPairs, .thenAndNow, .rightOrder, .whichScent]),
  (false, [GameKind.memoryPairs, .thenAndNow, .rightOrder, .memoryPairs, .thenAndNow]),
])
func anAnimationRotatesThroughItsGames(withScent hasScent: Bool, games: [GameKind]) {
  #expect((1...5).map { AnimationRotation.game(forTrial: $0, withScent: hasScent) } == games)
}
