import SessionModel

extension SceneRenderer {
  /// The picture in the middle, "Autrefois" on the left, "Aujourd'hui" on the right, with sorted piles.
  func drawThenAndNow(_ game: ThenAndNowView) {
    drawTitle(StageStrings.thenAndNow)
    let picture = Rect(x: 680, y: 160, width: 560, height: 500)
    canvas.picture(game.picture.image, label: say(game.picture.label), in: picture)
    canvas.text(
      say(game.picture.label), style: .body, in: Rect(x: 660, y: 680, width: 600, height: 150), on: Palette.background)
    drawSide(isNow: false, game: game, in: Rect(x: 60, y: 160, width: 580, height: 690))
    drawSide(isNow: true, game: game, in: Rect(x: 1280, y: 160, width: 580, height: 690))
  }

  private func drawSide(isNow: Bool, game: ThenAndNowView, in box: Rect) {
    canvas.fill(box, Palette.panel)
    if game.revealedIsNow == isNow { canvas.stroke(box, Palette.agreement, width: 10) }
    canvas.text(
      say(isNow ? StageStrings.now : StageStrings.then), style: .title,
      in: Rect(x: box.x, y: box.y + 10, width: box.width, height: 100),
      on: Palette.panel)
    let choosing = game.cursors.filter { $0.value == isNow }.map(\.key).sorted()
    drawPlayers(
      choosing, in: Rect(x: box.x, y: box.y + 120, width: box.width, height: 190), diameter: 80, perRow: 5,
      locked: game.locked)
    let pile = Array((isNow ? game.sortedNow : game.sortedThen).suffix(6))
    let thumbs = Rect(x: box.x + 20, y: box.y + 330, width: box.width - 40, height: 340)
    for (index, item) in pile.enumerated() {
      let cells = thumbs.rows(2, gap: 20)[index / 3].columns(3, gap: 20)
      canvas.picture(item.image, label: say(item.label), in: cells[index % 3])
    }
  }
}
