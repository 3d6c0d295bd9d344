import SessionModel

extension SceneRenderer {
  func drawPause() {
    canvas.text(
      say(StageStrings.pause), style: .headline, in: Rect(x: 120, y: 260, width: 1680, height: 200),
      on: Palette.background)
    canvas.text(
      say(StageStrings.backSoon), style: .body, in: Rect(x: 120, y: 500, width: 1680, height: 120),
      on: Palette.background)
  }

  /// Thanks, with every avatar, connected or not.
  func drawThankYou(_ everyone: [PlayerView]) {
    canvas.text(
      say(StageStrings.thankYou), style: .headline, in: Rect(x: 120, y: 80, width: 1680, height: 200),
      on: Palette.background)
    drawPlayers(
      everyone.map(\.number).sorted(), in: Rect(x: 60, y: 330, width: 1800, height: 460), diameter: 170, perRow: 5)
    canvas.text(
      say(StageStrings.seeYouSoon), style: .title, in: Rect(x: 120, y: 860, width: 1680, height: 140),
      colour: Palette.accent,
      on: Palette.background)
  }
}
