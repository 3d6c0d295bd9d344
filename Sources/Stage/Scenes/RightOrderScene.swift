import SessionModel

extension SceneRenderer {
  /// The process in a row of places joined by arrows, the shared cursor, and the picture to place below.
  func drawRightOrder(_ game: RightOrderView) {
    canvas.text(
      say(game.title), style: .title, in: Rect(x: 60, y: 20, width: 1100, height: 120), alignment: .leading,
      on: Palette.background)
    if let mover = game.playerToMove, !game.isComplete {
      drawPlayer(mover, centreX: 1190, centreY: 80, diameter: 100)
      canvas.text(
        say(StageStrings.turnOf(mover)), style: .bodyBold, in: Rect(x: 1260, y: 20, width: 620, height: 120),
        alignment: .leading, colour: Palette.accent, on: Palette.background)
    }
    let gap = 120.0
    let columns = Rect(x: 100, y: 160, width: 1720, height: 440).columns(max(1, game.slots.count), gap: gap)
    for (index, (slot, column)) in zip(game.slots, columns).enumerated() {
      let side = min(column.width, 330)
      let box = Rect(x: column.midX - side / 2, y: column.y, width: side, height: side)
      drawPlace(slot, in: box, isTried: game.triedSlots.contains(index))
      if game.hint == index {
        canvas.stroke(box.inset(by: -28), Palette.agreement, width: 10)
      }
      if index == game.cursor && !game.isComplete {
        canvas.stroke(box.inset(by: -12), Palette.accent, width: 10)
      }
      if let slot {
        canvas.text(
          say(slot.label), style: .body,
          in: Rect(x: column.x - 40, y: box.maxY + 12, width: column.width + 80, height: 96),
          on: Palette.background)
      }
      if index + 1 < game.slots.count {
        canvas.arrow(centreX: column.maxX + gap / 2, centreY: box.midY, size: 56, pointsRight: true, Palette.faded)
      }
    }
    drawPictureToPlace(game, in: Rect(x: 100, y: 620, width: 1720, height: 230))
  }

  /// A step in its place, or an empty place waiting for its picture.
  private func drawPlace(_ picture: PictureChoice?, in box: Rect, isTried: Bool) {
    guard let picture else {
      canvas.fill(box, Palette.panel)
      canvas.ring(
        centreX: box.midX, centreY: box.midY, radius: box.width * 0.22, width: 8, Palette.faded,
        alpha: isTried ? 110 : 255)
      return
    }
    canvas.picture(picture.image, label: say(picture.label), in: box, alpha: isTried ? 140 : 255)
  }

  /// The picture to place with its question, the ones after it small; a thank-you once all are placed.
  private func drawPictureToPlace(_ game: RightOrderView, in area: Rect) {
    guard let picture = game.picture else {
      canvas.checkMark(centreX: area.midX - 420, centreY: area.midY, size: 110, Palette.agreement)
      canvas.text(
        say(StageStrings.allInOrder), style: .title,
        in: Rect(x: area.midX - 340, y: area.y, width: 1000, height: area.height),
        alignment: .leading, colour: Palette.agreement, on: Palette.background)
      return
    }
    let side = area.height
    canvas.picture(
      picture.image, label: say(picture.label), in: Rect(x: area.x + 120, y: area.y, width: side, height: side))
    let question = game.triedSlots.isEmpty ? StageStrings.whereDoesItGo(picture.label) : StageStrings.anotherPlace
    canvas.text(
      say(question), style: .bodyBold, in: Rect(x: area.x + side + 180, y: area.y, width: 900, height: side),
      alignment: .leading, colour: Palette.accent, on: Palette.background)
    for (index, waiting) in game.waiting.enumerated() {
      let small = side * 0.6
      canvas.picture(
        waiting.image, label: say(waiting.label),
        in: Rect(
          x: area.maxX - small - Double(index) * (small + 20), y: area.midY - small / 2, width: small, height: small),
        alpha: 160)
    }
  }
}
