import Foundation
import SessionModel

extension SceneRenderer {
  /// The picture, smaller; "À vous" and the speaker's avatar when someone has the floor; who waits next.
  func drawEvocation(_ evocation: EvocationView) {
    drawTitle(evocation.prompt ?? StageStrings.evocationPrompt)
    canvas.picture(
      evocation.image, label: say(evocation.prompt ?? StageStrings.evocationPrompt),
      in: Rect(x: 60, y: 160, width: 900, height: 690))
    let side = Rect(x: 1020, y: 160, width: 840, height: 690)
    canvas.fill(side, Palette.panel)
    guard let speaker = evocation.speaker else {
      canvas.text(
        say(StageStrings.whoWantsToSpeak), style: .title,
        in: Rect(x: side.x, y: side.y + 20, width: side.width, height: 120),
        on: Palette.panel)
      drawPlayers(
        evocation.waiting, in: Rect(x: side.x, y: side.y + 170, width: side.width, height: 500), diameter: 120,
        perRow: 5)
      return
    }
    canvas.text(
      say(StageStrings.yourTurn), style: .headline, in: Rect(x: side.x, y: side.y + 10, width: side.width, height: 140),
      colour: Palette.accent, on: Palette.panel)
    drawPlayer(speaker, centreX: side.midX, centreY: side.y + 270, diameter: 220)
    canvas.text(
      say(StageStrings.player(speaker)), style: .bodyBold,
      in: Rect(x: side.x, y: side.y + 390, width: side.width, height: 70),
      on: Palette.panel)
    if evocation.isRecording { drawRecordingDot(in: Rect(x: side.x, y: side.y + 470, width: side.width, height: 80)) }
    let waiting = evocation.waiting.filter { $0 != speaker }
    if !waiting.isEmpty {
      canvas.text(
        say(StageStrings.next), style: .body, in: Rect(x: side.x + 30, y: side.y + 580, width: 240, height: 90),
        alignment: .leading, on: Palette.panel)
      drawPlayers(
        Array(waiting.prefix(6)), in: Rect(x: side.x + 260, y: side.y + 585, width: 560, height: 90), diameter: 76,
        perRow: 6)
    }
  }

  /// A soft dot that breathes over four seconds: it says "recording" without hurrying anyone.
  private func drawRecordingDot(in row: Rect) {
    let phase = Double(now % 4_000_000_000) / 4_000_000_000
    let alpha = UInt8(190 + 65 * (0.5 + 0.5 * cos(phase * 2 * .pi)))
    let label = say(StageStrings.listening)
    let labelWidth =
      Double(canvas.fonts.measure(label, isBold: false, pixelSize: Int(TextStyle.body.designSize * canvas.scale)))
      / canvas.scale
    let startX = row.midX - (labelWidth + 70) / 2
    canvas.fillCircle(centreX: startX + 22, centreY: row.midY, radius: 22, Palette.recording, alpha: alpha)
    canvas.text(
      label, style: .body, in: Rect(x: startX + 70, y: row.y, width: labelWidth + 10, height: row.height),
      alignment: .leading, on: Palette.panel)
  }
}
