import Foundation
import SpeechKit
import TestSupport
import Testing

/// The corpus's voices: the synthesizer's echo is gone, and nothing else changes.
@Suite struct EchoFreeVoicesTests {
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("echo-free-\(UUID().uuidString)")

  func spoken(_ voice: String, path: URL?) throws -> [Float] {
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let file = scratch.appendingPathComponent("\(voice)-\(path == nil ? "installed" : "echo-free").wav")
    try ExternalTool.run(
      "espeak-ng", (path.map { ["--path=\($0.path)"] } ?? []) + ["-v", voice, "-w", file.path, "je ne sais plus"])
    return try WAVFile.read(file).readAllMono()
  }

  func lastWordEnd(_ samples: [Float]) -> Double {
    ReferenceSpeech.segments(of: samples, sampleRate: 22_050).last?.end ?? 0
  }

  @Test func aVariantWithAnEchoEndsWithItsLastWord() throws {
    defer { try? FileManager.default.removeItem(at: scratch) }
    let voices = try EchoFreeVoices(under: scratch)
    // fr+f2 echoes 140 ms late at echo amplitude 10 (of 100), well within the reference's 40 dB.
    let installed = lastWordEnd(try spoken("fr+f2", path: nil))
    let echoFree = lastWordEnd(try spoken("fr+f2", path: voices.path))
    #expect(installed - echoFree > 0.1)
    #expect(installed - echoFree < 0.2)
  }

  @Test func aVariantWithoutAnEchoIsUnchanged() throws {
    defer { try? FileManager.default.removeItem(at: scratch) }
    let voices = try EchoFreeVoices(under: scratch)
    #expect(try spoken("fr+m3", path: nil) == spoken("fr+m3", path: voices.path))
  }
}
