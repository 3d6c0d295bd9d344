import SessionModel

/// Whose turn it is in a game the group plays together with one shared cursor.
///
/// Memory pairs and "Le bon ordre" pass the turn this way, so that everyone at the table gets
/// to play and nobody is skipped for having left and come back.
struct TurnOrder: Hashable, Sendable {
  /// The order the turn passes in: the connected players, by seat.
  private(set) var players: [PlayerNumber]
  /// `nil` when nobody is connected: then anyone may move.
  private(set) var playerToMove: PlayerNumber?

  init(_ players: [PlayerNumber]) {
    self.players = players.sorted()
    playerToMove = self.players.first
  }

  func allows(_ player: PlayerNumber) -> Bool { playerToMove == nil || playerToMove == player }

  /// Hands the turn to the next player by seat, back to the first after the last.
  mutating func pass() {
    guard let current = playerToMove, !players.isEmpty else { return }
    playerToMove = players.first { $0 > current } ?? players.first
  }

  /// Follows who is at the table: the turn skips players who left and includes those who came.
  mutating func seat(_ connected: [PlayerNumber]) {
    players = connected.sorted()
    if let current = playerToMove, players.contains(current) { return }
    playerToMove = playerToMove.flatMap { current in players.first { $0 > current } } ?? players.first
  }
}
