import Foundation
import Testing

/// Runs the built `connectage stage …` and checks what it says and leaves behind.
@Suite(.serialized)
struct StageCommandTests {
  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  static let executable: URL = {
    let besideTests = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("connectage")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent(".build/debug/connectage")
  }()

  func run(_ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["DISPLAY"] = nil
    environment["WAYLAND_DISPLAY"] = nil
    environment["CONNECTAGE_LANG"] = nil
    environment["SDL_VIDEODRIVER"] = "offscreen"
    environment["SDL_FRAMEBUFFER_ACCELERATION"] = "0"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData, as: UTF8.self))
  }

  @Test func tourPlaysEverySceneOffscreenAndSavesScreenshots() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tour-\(getpid())-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run([
      "stage", "tour", "--headless", "--size", "320x180", "--seconds-per-scene", "0.05", "--screenshot-dir",
      folder.path,
    ])
    #expect(result.status == 0, "\(result.errors)")
    let lines = result.output.split(separator: "\n").map(String.init)
    try #require(lines.count == 2)
    #expect(lines[0].hasPrefix("Visite terminée : 15 scènes, 10 manettes, "))
    // Every press the virtual players and the therapist made came back through SDL.
    let counts = lines[0].matches(of: /(\d+) (?:appuis|touches) reçu(?:e)?s sur (\d+)/).map { ($0.1, $0.2) }
    #expect(counts.count == 2)
    #expect(counts.allSatisfy { $0.0 == $0.1 && $0.0 != "0" })
    #expect(lines[1] == "15 captures enregistrées dans \(folder.path).")
    let pictures = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }
    #expect(pictures.count == 15)
    #expect(pictures.contains("01-lobby.png") && pictures.contains("15-thank-you.png"))
  }

  struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var message: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    BadInput(
      name: "a size without height", arguments: ["--size", "1920"],
      message: "La taille « 1920 » n'est pas valide : écrivez-la LARGEURxHAUTEUR, par exemple 1920x1080."),
    BadInput(
      name: "a size that is not a number", arguments: ["--size", "grandxpetit"],
      message: "La taille « grandxpetit » n'est pas valide : écrivez-la LARGEURxHAUTEUR, par exemple 1920x1080."),
    BadInput(
      name: "a size too small to read", arguments: ["--size", "10x10"],
      message: "La taille « 10x10 » n'est pas valide : écrivez-la LARGEURxHAUTEUR, par exemple 1920x1080."),
    BadInput(
      name: "an assets folder that does not exist", arguments: ["--assets", "/nonexistent/Assets"],
      message:
        "Le dossier des ressources « /nonexistent/Assets » n'existe pas : indiquez le dossier Assets avec --assets."),
    BadInput(
      name: "a mappings file that does not exist", arguments: ["--pad-mappings", "/nonexistent/gamecontrollerdb.txt"],
      message: "Le fichier de correspondances « /nonexistent/gamecontrollerdb.txt » n'existe pas."),
  ])
  func badInputIsExplainedInFrenchWithExitCode2(_ badInput: BadInput) throws {
    let result = try run(["stage", "tour", "--headless"] + badInput.arguments)
    #expect(result.status == 2)
    #expect(result.errors == badInput.message + "\n")
    #expect(result.output.isEmpty)
  }
}
