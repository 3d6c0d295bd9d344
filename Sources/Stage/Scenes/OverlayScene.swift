import SessionModel

extension SceneRenderer {
  /// Overlays dim the scene behind an opaque panel, so their text keeps its full contrast.
  func drawOverlay(_ overlay: SceneOverlay) {
    canvas.fill(.screen, Palette.background, alpha: 215)
    switch overlay {
    case .confirmEnd:
      let panel = Rect(x: 310, y: 300, width: 1300, height: 420)
      canvas.fill(panel, Palette.panel)
      canvas.stroke(panel, Palette.accent, width: 6)
      canvas.text(
        say(StageStrings.confirmEnd), style: .title,
        in: Rect(x: panel.x, y: panel.y + 50, width: panel.width, height: 140), on: Palette.panel)
      canvas.text(
        say(StageStrings.confirmEndKeys), style: .bodyBold,
        in: Rect(x: panel.x + 40, y: panel.y + 240, width: panel.width - 80, height: 120),
        colour: Palette.accent, on: Palette.panel)
    case .keyboardHelp:
      let panel = Rect(x: 210, y: 40, width: 1500, height: 1000)
      canvas.fill(panel, Palette.panel)
      canvas.text(
        say(StageStrings.keyboardHelp), style: .title,
        in: Rect(x: panel.x, y: panel.y + 20, width: panel.width, height: 110), on: Palette.panel)
      for (index, line) in StageStrings.keyboardHelpLines.enumerated() {
        let y = panel.y + 140 + Double(index) * 92
        canvas.text(
          say(line.key), style: .bodyBold, in: Rect(x: panel.x + 40, y: y, width: 620, height: 88),
          alignment: .trailing,
          colour: Palette.accent, on: Palette.panel)
        canvas.text(
          say(line.action), style: .body, in: Rect(x: panel.x + 720, y: y, width: 740, height: 88), alignment: .leading,
          on: Palette.panel)
      }
    case .notice(let notice):
      let panel = Rect(x: 260, y: 330, width: 1400, height: 420)
      canvas.fill(panel, Palette.panel)
      canvas.stroke(panel, Palette.accent, width: 6)
      canvas.text(say(notice), style: .body, in: panel.inset(by: 50), on: Palette.panel)
    }
  }
}

extension SceneRenderer {
  /// The degraded-session line: a thin strip along the top, drawn over everything (overlays
  /// included) so the therapist never loses sight of it, one line of the smallest text the Stage allows.
  func drawBanner(_ banner: LocalizedText) {
    let strip = Rect(x: 0, y: 0, width: Rect.designWidth, height: 80)
    canvas.fill(strip, Palette.panel)
    canvas.fill(Rect(x: 0, y: strip.height - 4, width: Rect.designWidth, height: 4), Palette.accent)
    canvas.text(
      say(StageStrings.degraded(banner)), style: .bodyBold, in: strip.inset(by: 8), colour: Palette.accent,
      on: Palette.panel)
  }
}
