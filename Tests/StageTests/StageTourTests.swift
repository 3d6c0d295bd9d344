import SessionModel
import Testing

@testable import Stage

/// The tour is the one place every scene is drawn by eye and compared with its reference image,
/// so a new game must bring its screen to it.
@Test(arguments: GameKind.allCases)
func theTourShowsEveryGame(_ game: GameKind) {
  #expect(StageTour.standard.steps.contains { $0.scene.content.game == game })
}
