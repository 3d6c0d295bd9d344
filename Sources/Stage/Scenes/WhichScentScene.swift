import SessionModel

extension SceneRenderer {
  /// Two to four big pictures; each player's avatar sits on the picture they point at.
  func drawWhichScent(_ game: WhichScentView) {
    drawTitle(StageStrings.whichScent)
    let everyonePointing = game.cursors.keys.sorted()
    let columns = Rect(x: 80, y: 160, width: 1760, height: 690).columns(max(1, game.choices.count), gap: 40)
    for (index, (choice, column)) in zip(game.choices, columns).enumerated() {
      let side = min(column.width, 420)
      let picture = Rect(x: column.midX - side / 2, y: column.y, width: side, height: side)
      canvas.picture(choice.image, label: say(choice.label), in: picture)
      if game.revealedAnswer == index {
        canvas.stroke(
          Rect(x: picture.x - 14, y: picture.y - 14, width: side + 28, height: side + 28), Palette.agreement, width: 10)
        canvas.checkMark(centreX: picture.maxX - 10, centreY: picture.y + 10, size: 64, Palette.agreement)
      }
      canvas.text(
        say(choice.label), style: .body, in: Rect(x: column.x, y: picture.maxY + 10, width: column.width, height: 70),
        on: Palette.background)
      let pointing = everyonePointing.filter { game.cursors[$0] == index }
      drawPlayers(
        pointing, in: Rect(x: column.x, y: picture.maxY + 86, width: column.width, height: 180), diameter: 76,
        perRow: max(1, min(5, Int(column.width / 88))), locked: game.locked)
    }
  }
}
