import SessionModel

/// How the autopilot plays each game, side by side: the moves it makes as soon as the game is on
/// screen. When it moves on after a reveal (or a completed "bon ordre") is decided in
/// `Autopilot.waitThenAct`, over every scene.
extension Autopilot {
  /// "Quelle odeur ?": player n steps right n times (modulo the choices), then locks in.
  func whichScentMoves(in view: WhichScentView, players: [PlayerView]) -> [AutopilotAction] {
    players.filter { !view.locked.contains($0.number) }.flatMap { player -> [AutopilotAction] in
      let index = playerIndex(of: player.pad)
      let moves = index % max(1, view.choices.count)
      return Array(repeating: .tap(player: index, .right), count: moves) + [.tap(player: index, .a)]
    }
  }

  /// "Autrefois et aujourd'hui": even pads step right, odd ones left, then lock in.
  func thenAndNowMoves(in view: ThenAndNowView, players: [PlayerView]) -> [AutopilotAction] {
    players.filter { !view.locked.contains($0.number) }.flatMap { player -> [AutopilotAction] in
      let index = playerIndex(of: player.pad)
      return [.tap(player: index, index % 2 == 0 ? .right : .left), .tap(player: index, .a)]
    }
  }

  /// The shortest way to the next card to turn: the first face-down card not yet matched, then its twin.
  func memoryMoves(in view: MemoryPairsView) -> [AutopilotAction] {
    guard view.playerToMove != nil else { return [] }
    let mover = Self.moverIndex(view.playerToMove)
    let faceUp = view.cards.indices.filter { view.cards[$0].isFaceUp && !view.cards[$0].isMatched }
    let target: Int?
    if let open = faceUp.first {
      target = view.cards.indices.first {
        $0 != open && !view.cards[$0].isMatched && view.cards[$0].picture == view.cards[open].picture
      }
    } else {
      target = view.cards.indices.first { !view.cards[$0].isMatched }
    }
    guard let target, view.columns > 0 else { return [] }
    return Self.path(from: view.cursor, to: target, columns: view.columns).map { .tap(player: mover, $0) }
      + [.tap(player: mover, .a)]
  }

  /// "Le bon ordre": the player to move tries the hinted place, else the first empty place not tried yet, then A.
  ///
  /// Like a person without the answer, it may guess wrong at medium and hard: the picture comes
  /// back, the place is marked as tried, and the next plan tries another.
  func rightOrderMoves(in view: RightOrderView) -> [AutopilotAction] {
    guard !view.isComplete else { return [] }
    let mover = Self.moverIndex(view.playerToMove)
    let empty = view.slots.indices.filter { view.slots[$0] == nil }
    guard let target = view.hint ?? empty.first(where: { !view.triedSlots.contains($0) }) ?? empty.first else {
      return []
    }
    return Self.path(from: view.cursor, to: target, columns: max(1, view.slots.count)).map { .tap(player: mover, $0) }
      + [.tap(player: mover, .a)]
  }

  /// The pad of the player named to move: named by seat, and virtual pads were plugged in seat order.
  private static func moverIndex(_ playerToMove: PlayerNumber?) -> Int { playerToMove.map(\.rawValue) ?? 1 }

  static func path(from start: Int, to end: Int, columns: Int) -> [PadButton] {
    let (startRow, startColumn) = (start / columns, start % columns)
    let (endRow, endColumn) = (end / columns, end % columns)
    let vertical: [PadButton] = Array(repeating: endRow > startRow ? .down : .up, count: abs(endRow - startRow))
    let horizontal: [PadButton] = Array(
      repeating: endColumn > startColumn ? .right : .left, count: abs(endColumn - startColumn))
    return vertical + horizontal
  }
}
