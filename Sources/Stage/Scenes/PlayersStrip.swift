import SessionModel

extension SceneRenderer {
  /// Everyone along the bottom: avatar and seat number; faded while a pad is unplugged, never removed.
  func drawPlayersStrip(_ players: [PlayerView]) {
    let strip = Self.playersStrip
    let sorted = players.sorted { $0.number < $1.number }
    let slot = strip.width / 10
    let startX = strip.midX - slot * Double(sorted.count) / 2
    for (index, player) in sorted.enumerated() {
      let centreX = startX + slot * (Double(index) + 0.5)
      drawPlayer(player.number, centreX: centreX, centreY: strip.y + 66, diameter: 120, locked: player.hasAnswered)
      canvas.text(
        "\(player.number.rawValue)", style: .bodyBold,
        in: Rect(x: centreX - slot / 2, y: strip.y + 130, width: slot, height: 70), on: Palette.background)
    }
  }
}
