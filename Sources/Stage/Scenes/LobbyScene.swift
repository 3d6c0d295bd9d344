import SessionModel

extension SceneRenderer {
  func drawLobby(title: LocalizedText) {
    canvas.text(
      say(title), style: .headline, in: Rect(x: 120, y: 220, width: 1680, height: 240), on: Palette.background)
    canvas.text(
      say(StageStrings.welcome), style: .title, in: Rect(x: 120, y: 520, width: 1680, height: 120),
      colour: Palette.accent, on: Palette.background)
    canvas.text(
      say(StageStrings.takeAPad), style: .body, in: Rect(x: 120, y: 680, width: 1680, height: 120),
      on: Palette.background)
  }
}
