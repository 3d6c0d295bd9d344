import Foundation
import SessionModel
import Stage
import Testing

@testable import SessionRunner

/// The home screen's part of the tour: the screens the guides show, each reached by the keys and
/// pad presses the tour sends through SDL.
@Suite struct HomeTourTests {
  static func console(_ step: HomeTour.Step) -> ConsoleView? {
    if case .console(let view) = step.scene.content { view } else { nil }
  }

  @Test func theGuidesScreensAreAllThere() {
    #expect(
      HomeTour.steps.map(\.name) == [
        "home-start", "check-diffuser-none", "check-diffuser", "check-microphone", "check-pads", "check-screen-disk",
        "after-session", "settings",
      ])
  }

  @Test(arguments: [
    ("home-start", "ConnectAge", "Commencer la séance"),
    ("check-diffuser-none", "Vérification : le diffuseur", "Aucun diffuseur : séance sans odeurs ?"),
    ("check-diffuser", "Vérification : le diffuseur", "Diffuseur prêt : Diffuseur 30, 30 cartouches."),
    ("check-microphone", "Vérification : le micro", "Le micro entend bien."),
    ("check-pads", "Vérification : les manettes", "7 manettes sur 10."),
    ("check-screen-disk", "Vérification : l'écran et le disque", "Tout est prêt."),
    ("after-session", "Séance terminée", "À savoir :"),
    ("settings", "Réglages", "2 diffuseur(s) trouvé(s)"),
  ])
  func eachStepShowsItsScreen(_ name: String, _ title: String, _ shown: String) throws {
    let step = try #require(HomeTour.steps.first { $0.name == name })
    let view = try #require(Self.console(step))
    #expect(view.title.french == title)
    guard !shown.isEmpty else { return }
    let words = [view.verdict?.headline.french] + view.rows.map { Optional($0.label.french) }
    #expect(words.contains(shown), "\(words)")
  }

  @Test func theTourPressesTheKeysAndPadsTheModelHeard() throws {
    let pads = try #require(HomeTour.steps.first { $0.name == "check-pads" })
    #expect(pads.actions.filter { if case .tap = $0 { true } else { false } }.count == 7)
    #expect(Self.console(pads)?.seats.filter(\.isLit).count == 7)
    let diffuser = try #require(HomeTour.steps.first { $0.name == "check-diffuser" })
    #expect(
      diffuser.actions == [
        .arrow(.left), .arrow(.down), .arrow(.right), .arrow(.right), .arrow(.down), .therapist(.confirm),
      ])
    #expect(Self.console(diffuser)?.rows.map(\.value?.french).contains("diffusé (300 ms)") == true)
    #expect(Self.console(diffuser)?.verdict?.advice?.french.hasSuffix("Essai canal 3 : diffusé (300 ms).") == true)
  }
}
