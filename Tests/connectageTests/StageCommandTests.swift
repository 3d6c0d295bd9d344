import Foundation
import Testing

/// Runs the built `connectage stage …` and checks what it says and leaves behind.
@Suite(.serialized)
struct StageCommandTests {
  /// Runs `connectage` with SDL's offscreen driver and no display, whatever the machine has.
  func run(_ arguments: [String]) throws -> CommandRun {
    try CommandRun.connectage(
      arguments,
      environment: [
        "DISPLAY": "", "WAYLAND_DISPLAY": "", "SDL_VIDEODRIVER": "offscreen", "SDL_FRAMEBUFFER_ACCELERATION": "0",
      ])
  }

  @Test func tourPlaysEverySceneOffscreenAndSavesScreenshots() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tour-\(getpid())-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run([
      "stage", "tour", "--headless", "--size", "320x180", "--seconds-per-scene", "0.05", "--screenshot-dir",
      folder.path,
    ])
    #expect(result.exitCode == 0, "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n").map(String.init)
    try #require(lines.count == 2)
    #expect(lines[0].hasPrefix("Visite terminée : 24 scènes, 10 manettes, "))
    // Every press the virtual players and the therapist made came back through SDL.
    let counts = lines[0].matches(of: /(\d+) (?:appuis|touches) reçu(?:e)?s sur (\d+)/).map { ($0.1, $0.2) }
    #expect(counts.count == 2)
    #expect(counts.allSatisfy { $0.0 == $0.1 && $0.0 != "0" })
    #expect(lines[1] == "24 captures enregistrées dans \(folder.path).")
    let pictures = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }
    #expect(pictures.count == 24)
    #expect(
      pictures.contains("01-lobby.png") && pictures.contains("16-thank-you.png") && pictures.contains("home-start.png"))
  }

  @Test(arguments: [
    BadInputCase(
      id: "a size without height", arguments: ["--size", "1920"],
      message: "La taille « 1920 » n'est pas valide : écrivez-la LARGEURxHAUTEUR, par exemple 1920x1080."),
    BadInputCase(
      id: "a size that is not a number", arguments: ["--size", "grandxpetit"],
      message: "La taille « grandxpetit » n'est pas valide : écrivez-la LARGEURxHAUTEUR, par exemple 1920x1080."),
    BadInputCase(
      id: "a size too small to read", arguments: ["--size", "10x10"],
      message: "La taille « 10x10 » n'est pas valide : écrivez-la LARGEURxHAUTEUR, par exemple 1920x1080."),
    BadInputCase(
      id: "an assets folder that does not exist", arguments: ["--assets", "/nonexistent/Assets"],
      message:
        "Le dossier des ressources « /nonexistent/Assets » n'existe pas : indiquez le dossier Assets avec --assets."),
    BadInputCase(
      id: "a mappings file that does not exist", arguments: ["--pad-mappings", "/nonexistent/gamecontrollerdb.txt"],
      message: "Le fichier de correspondances « /nonexistent/gamecontrollerdb.txt » n'existe pas."),
  ])
  func badInputIsExplainedInFrenchWithExitCode2(_ badInput: BadInputCase) throws {
    let result = try run(["stage", "tour", "--headless"] + badInput.arguments)
    #expect(result.exitCode == 2)
    #expect(result.standardError == badInput.message + "\n")
    #expect(result.standardOutput.isEmpty)
  }
}
