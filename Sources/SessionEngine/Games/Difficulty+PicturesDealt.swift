import SessionModel

extension Difficulty {
  /// How many pictures the picture games deal: 4 at easy, 6 at medium, 8 at hard.
  ///
  /// Memory pairs deals that many pairs and "Autrefois et aujourd'hui" that many pictures, from
  /// one count so that a level asks as much of the group in either game.
  var picturesDealt: Int {
    switch self {
    case .easy: 4
    case .medium: 6
    case .hard: 8
    }
  }
}
