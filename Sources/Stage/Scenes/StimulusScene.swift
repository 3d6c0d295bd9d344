import SessionModel

extension SceneRenderer {
  /// The picture alone on the whole screen; a caption band below it when there is one.
  func drawStimulus(_ stimulus: StimulusView) {
    let band = Rect(x: 0, y: 900, width: Rect.designWidth, height: 180)
    let pictureArea = stimulus.caption == nil ? Rect.screen : Rect(x: 0, y: 0, width: Rect.designWidth, height: band.y)
    canvas.picture(stimulus.image, label: stimulus.caption.map(say) ?? stimulus.stimulus.rawValue, in: pictureArea)
    if let caption = stimulus.caption {
      canvas.fill(band, Palette.background)
      canvas.text(say(caption), style: .title, in: band.inset(by: 16), on: Palette.background)
    }
    if stimulus.scentIsReleasing { drawScentSign() }
  }

  /// A small, still sign in the corner: rising wisps and the word "Parfum".
  private func drawScentSign() {
    let box = Rect(x: 1560, y: 30, width: 330, height: 100)
    canvas.fill(box, Palette.panel)
    for index in 0..<3 {
      let x = box.x + 30 + Double(index) * 22
      canvas.line(from: (x, box.maxY - 22), to: (x + 8, box.y + 22), width: 6, Palette.accent)
    }
    canvas.text(
      say(StageStrings.scent), style: .body,
      in: Rect(x: box.x + 100, y: box.y, width: box.width - 110, height: box.height),
      alignment: .leading, on: Palette.panel)
  }
}
