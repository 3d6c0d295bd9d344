import Foundation
import SessionModel

extension SceneRenderer {
  /// The card grid, the shared cursor, and whose turn it is.
  func drawMemoryPairs(_ game: MemoryPairsView) {
    canvas.text(
      say(StageStrings.memoryPairs), style: .title, in: Rect(x: 60, y: 20, width: 1000, height: 120),
      alignment: .leading,
      on: Palette.background)
    if let mover = game.playerToMove {
      drawPlayer(mover, centreX: 1190, centreY: 80, diameter: 100)
      canvas.text(
        say(StageStrings.turnOf(mover)), style: .bodyBold, in: Rect(x: 1260, y: 20, width: 620, height: 120),
        alignment: .leading, colour: Palette.accent, on: Palette.background)
    }
    let columns = max(1, game.columns)
    let rows = max(1, Int((Double(game.cards.count) / Double(columns)).rounded(.up)))
    let area = Rect(x: 160, y: 160, width: 1600, height: 690)
    let gap = 24.0
    let cell = min(
      (area.width - gap * Double(columns - 1)) / Double(columns), (area.height - gap * Double(rows - 1)) / Double(rows))
    let gridWidth = cell * Double(columns) + gap * Double(columns - 1)
    let gridHeight = cell * Double(rows) + gap * Double(rows - 1)
    let origin = (x: area.midX - gridWidth / 2, y: area.midY - gridHeight / 2)
    for (index, card) in game.cards.enumerated() {
      let box = Rect(
        x: origin.x + Double(index % columns) * (cell + gap), y: origin.y + Double(index / columns) * (cell + gap),
        width: cell, height: cell)
      drawCard(card, in: box)
      if index == game.cursor {
        canvas.stroke(
          Rect(x: box.x - 12, y: box.y - 12, width: cell + 24, height: cell + 24), Palette.accent, width: 10)
      }
    }
  }

  private func drawCard(_ card: MemoryCardView, in box: Rect) {
    guard card.isFaceUp || card.isMatched else {
      canvas.fill(box, Palette.panel)
      canvas.ring(centreX: box.midX, centreY: box.midY, radius: box.width * 0.22, width: 8, Palette.faded)
      return
    }
    canvas.picture(card.picture.image, label: say(card.picture.label), in: box, alpha: card.isMatched ? 140 : 255)
    if card.isMatched {
      canvas.checkMark(centreX: box.maxX - 30, centreY: box.y + 30, size: 48, Palette.agreement)
    }
  }
}
