import Foundation
import SessionModel
import Testing

@testable import SessionRunner

/// The settings an installation keeps: where, what, and a damaged file never stopping a session.
@Suite struct InstallationSettingsTests {
  @Test(arguments: [
    (["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/ort"], "/cfg/connectage/settings.json"),
    (["XDG_CONFIG_HOME": "", "HOME": "/home/ort"], "/home/ort/.config/connectage/settings.json"),
    (["HOME": "/home/ort"], "/home/ort/.config/connectage/settings.json"),
  ])
  func theFileFollowsTheXDGRule(_ environment: [String: String], _ path: String) {
    #expect(InstallationSettings.file(environment: environment).path == path)
  }

  @Test func savedSettingsAreReadBackAndHoldNoIdentity() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("connectage/settings.json")
    #expect(InstallationSettings.load(from: file) == InstallationSettings(), "no file yet: the defaults")
    let settings = InstallationSettings(
      language: .english, diffuser: "rfcomm:AA:BB:CC:DD:EE:FF", microphone: "USB Conference", fullscreen: false)
    try settings.save(to: file)
    #expect(InstallationSettings.load(from: file) == settings)
    let keys = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
    #expect(Set(keys?.keys.map { $0 } ?? []) == ["language", "diffuser", "microphone", "fullscreen"])
  }

  @Test func aDamagedFileGivesTheDefaults() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data("{\"language\": \"klingon\"".utf8).write(to: file)
    #expect(InstallationSettings.load(from: file) == InstallationSettings())
  }

  @Test(arguments: [
    ("none", DiffuserChoice.none), ("simulated", .simulated),
    ("rfcomm:AA:BB:CC:DD:EE:FF", .endpoint("rfcomm:AA:BB:CC:DD:EE:FF")),
  ])
  func theDiffuserIsTheOneRunWouldTake(_ text: String, _ choice: DiffuserChoice) {
    #expect(InstallationSettings(diffuser: text).diffuserChoice == choice)
  }
}
