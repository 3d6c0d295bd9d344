import Foundation
import SessionModel

/// Draws one ``StageScene`` onto the canvas. It decides nothing: every choice on screen comes from the scene.
@MainActor
struct SceneRenderer {
  let canvas: Canvas
  let language: Language
  /// Monotonic nanoseconds of this frame, for the few calm animations.
  let now: UInt64
  /// How far up a pad's avatar is lifted right now, in design units (a press makes it bounce).
  let lift: (PadID?) -> Double
  /// Everyone at the table, by number, to find each player's avatar and pad.
  let players: [PlayerNumber: PlayerView]

  init(canvas: Canvas, language: Language, now: UInt64, players: [PlayerView], lift: @escaping (PadID?) -> Double) {
    self.canvas = canvas
    self.language = language
    self.now = now
    self.lift = lift
    self.players = Dictionary(players.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The area above the players strip.
  static let contentArea = Rect(x: 0, y: 0, width: Rect.designWidth, height: 860)
  static let playersStrip = Rect(x: 0, y: 870, width: Rect.designWidth, height: 210)

  func draw(_ scene: StageScene) {
    switch scene.content {
    case .lobby(let title): drawLobby(title: title)
    case .join(let join): drawJoin(join)
    case .stimulus(let stimulus): drawStimulus(stimulus)
    case .whichScent(let game): drawWhichScent(game)
    case .memoryPairs(let game): drawMemoryPairs(game)
    case .thenAndNow(let game): drawThenAndNow(game)
    case .rightOrder(let game): drawRightOrder(game)
    case .evocation(let evocation): drawEvocation(evocation)
    case .pause: drawPause()
    case .thankYou: drawThankYou(scene.players)
    case .console(let view): drawConsole(view)
    }
    if Self.showsPlayersStrip(scene) { drawPlayersStrip(scene.players) }
    if let overlay = scene.overlay { drawOverlay(overlay) }
    if let banner = scene.banner { drawBanner(banner) }
  }

  /// The strip is left out where the scene shows the players itself, or where the picture needs the whole screen.
  static func showsPlayersStrip(_ scene: StageScene) -> Bool {
    guard !scene.players.isEmpty else { return false }
    switch scene.content {
    case .stimulus, .join, .thankYou, .lobby, .console: return false
    case .whichScent, .memoryPairs, .thenAndNow, .rightOrder, .evocation, .pause: return true
    }
  }

  func say(_ text: LocalizedText) -> String { text.text(in: language) }

  // MARK: Avatars

  func drawAvatar(_ id: AvatarID, centreX: Double, centreY: Double, diameter: Double, alpha: UInt8 = 255) {
    let avatar = ResolvedAvatar.catalogue[id]
    canvas.fillCircle(centreX: centreX, centreY: centreY, radius: diameter / 2, Palette.panel, alpha: alpha)
    canvas.ring(
      centreX: centreX, centreY: centreY, radius: diameter / 2, width: max(3, diameter * 0.07),
      avatar?.ring ?? Palette.text, alpha: alpha)
    if let avatar {
      let side = diameter * 0.68
      canvas.image(avatar.image, in: .centred(at: centreX, centreY, width: side, height: side), alpha: alpha)
    }
  }

  /// A player's avatar, lifted while their pad bounces, with a tick once they have locked in.
  func drawPlayer(_ number: PlayerNumber, centreX: Double, centreY: Double, diameter: Double, locked: Bool = false) {
    guard let player = players[number] else { return }
    let lifted = centreY - lift(player.pad)
    drawAvatar(
      player.avatar, centreX: centreX, centreY: lifted, diameter: diameter, alpha: player.isConnected ? 255 : 90)
    if locked {
      canvas.checkMark(
        centreX: centreX + diameter * 0.36, centreY: lifted - diameter * 0.36, size: diameter * 0.42, Palette.agreement)
    }
  }

  /// Players' avatars in rows of `perRow`, centred in `box`.
  func drawPlayers(
    _ numbers: [PlayerNumber], in box: Rect, diameter: Double, perRow: Int, locked: Set<PlayerNumber> = []
  ) {
    let spacing = diameter * 1.15
    for (row, start) in stride(from: 0, to: numbers.count, by: perRow).enumerated() {
      let rowPlayers = numbers[start..<min(numbers.count, start + perRow)]
      let rowWidth = Double(rowPlayers.count) * spacing
      let centreY = box.y + diameter * 0.6 + Double(row) * spacing
      for (column, number) in rowPlayers.enumerated() {
        let centreX = box.midX - rowWidth / 2 + spacing * (Double(column) + 0.5)
        drawPlayer(number, centreX: centreX, centreY: centreY, diameter: diameter, locked: locked.contains(number))
      }
    }
  }

  func drawTitle(_ text: LocalizedText, in box: Rect = Rect(x: 60, y: 20, width: 1800, height: 120)) {
    canvas.text(say(text), style: .title, in: box, on: Palette.background)
  }
}
