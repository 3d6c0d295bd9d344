import SessionModel
import Testing

@testable import Stage

/// The therapist's screens: rows where a click finds them, and (in ``SDLTests/SceneLayoutTests``)
/// readable text on screen in both languages.
@Suite struct ConsoleSceneTests {
  static func text(_ french: String, _ english: String) -> LocalizedText { LocalizedText(fr: french, en: english) }

  static let screens: [ConsoleView] = [
    ConsoleView(
      title: text("ConnectAge", "ConnectAge"),
      subtitle: text(
        "Prochaine séance prévue : n° 3 du groupe G01, jeudi 11 février 2027",
        "Next planned session: no. 3 of group G01, Thursday 11 February 2027"),
      rows: [
        ConsoleRow(label: text("Étude", "Study"), value: text("ESPOIR-AVC", "ESPOIR-AVC"), isAdjustable: true),
        ConsoleRow(label: text("Groupe", "Group"), value: text("G01 (10 membres)", "G01 (10 members)")),
        ConsoleRow(
          label: text("Séance", "Session"),
          value: text("3, jeudi 11 février 2027 (prochaine)", "3, Thursday 11 February 2027 (next)"),
          isAdjustable: true),
        ConsoleRow(
          label: text(
            "Reprendre la séance interrompue (image 4 sur 12)", "Resume the interrupted session (image 4 of 12)"),
          tone: .warning),
        ConsoleRow(label: text("Relire et transcrire", "Review and transcribe")),
        ConsoleRow(label: text("Réglages", "Settings")),
      ], selectedRow: 2,
      keys: text(
        "↑↓ choisir · ←→ changer · Entrée valider · Échap quitter", "↑↓ choose · ←→ change · Enter select · Esc quit")),
    ConsoleView(
      title: text("Vérification : le micro", "Check: the microphone"), subtitle: text("Étape 2 sur 4", "Step 2 of 4"),
      rows: [
        ConsoleRow(label: text("Micro", "Microphone"), value: text("USB", "USB"), isAdjustable: true),
        ConsoleRow(
          label: text("Continuer quand même : micro saturé", "Carry on anyway: clipping microphone"), tone: .warning),
      ], selectedRow: 1,
      verdict: ConsoleVerdict(
        tone: .warning, headline: text("Le son sature.", "The sound clips."),
        advice: text(
          "Éloignez le micro, puis reparlez.",
          "Move the microphone away, then speak again.")),
      meter: LevelMeter(level: 0.8, peak: 1, quietBelow: 0.33, clipsAt: 0.99),
      seats: PlayerNumber.all.map { SeatLight(number: $0, isLit: $0.rawValue < 6) },
      keys: text(
        "↑↓ choisir · Entrée valider · Retour arrière : revenir", "↑↓ choose · Enter select · Backspace: go back")),
    // Values longer than the row beside the verdict: a Bluetooth address, a test puff's result.
    ConsoleView(
      title: text("Vérification : le diffuseur", "Check: the diffuser"), subtitle: text("Étape 1 sur 4", "Step 1 of 4"),
      rows: [
        ConsoleRow(
          label: text("Diffuseur", "Diffuser"), value: text("rfcomm:AA:BB:CC:DD:EE:FF", "rfcomm:AA:BB:CC:DD:EE:FF"),
          isAdjustable: true),
        ConsoleRow(label: text("Canal d'essai", "Test channel"), value: text("3", "3"), isAdjustable: true),
        ConsoleRow(
          label: text("Diffusion d'essai", "Test puff"),
          value: text("Essai canal 3 : diffusé (300 ms).", "Channel 3 test: released (300 ms)."), tone: .good),
        ConsoleRow(label: text("Écran (Entrée : plein écran ou fenêtre)", "Screen (Enter: full screen or window)")),
        ConsoleRow(
          label: text("Rechercher les diffuseurs", "Search for diffusers"), value: text("2 trouvé(s)", "2 found"),
          tone: .good),
      ], selectedRow: 0,
      verdict: ConsoleVerdict(
        tone: .good, headline: text("Diffuseur prêt : Diffuseur 30, 30 cartouches.", "Diffuser ready: 30 cartridges."),
        advice: nil),
      keys: text(
        "↑↓ choisir · Entrée valider · Retour arrière : revenir", "↑↓ choose · Enter select · Backspace: go back")),
  ]

  @Test func aClickFindsTheRowItLandsOn() {
    let layout = ConsoleLayout(Self.screens[0])
    #expect(layout.rows.count == 6)
    for (index, row) in layout.rows.enumerated() {
      #expect(layout.row(atX: row.midX, y: row.midY) == index)
      #expect(Rect.screen.contains(row))
    }
    #expect(layout.row(atX: 10, y: layout.rows[0].midY) == nil, "the margin is no row")
    #expect(layout.row(atX: 900, y: ConsoleLayout.keys.midY) == nil, "nor is the keys' line")
    #expect(layout.rows.last!.maxY < ConsoleLayout.keys.y)
  }

  @Test func withAVerdictTheRowsLeaveTheRightColumnFree() {
    let layout = ConsoleLayout(Self.screens[1])
    #expect(layout.rows.allSatisfy { $0.maxX < ConsoleLayout.side.x })
  }
}
