import Foundation
import SessionModel
import Store
import Testing

/// Nothing that names a person or a machine leaves through an export: a real headless session
/// on a data folder whose path carries a marker, with the simulated diffuser on a socket whose
/// path looks like a Bluetooth address (and an event naming both, as an earlier version logged
/// them), then every export a researcher can make.
@Suite struct ExportPrivacyTests {
  @Test func exportsCarryNoDataFolderHomeLoginOrDiffuserAddress() async throws {
    let marker = "LEAKMARK\(UUID().uuidString.prefix(8))"
    let address = "0A:1B:2C:3D:4E:5F"
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-\(marker)")
    let data = root.appendingPathComponent("etude-\(marker)")
    // Short: a Unix socket path has at most 107 bytes.
    let socketFolder = URL(fileURLWithPath: "/tmp/\(address)-\(UUID().uuidString.prefix(6))")
    let exports = root.appendingPathComponent("exports")
    for folder in [data, socketFolder, exports] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    defer {
      try? FileManager.default.removeItem(at: root)
      try? FileManager.default.removeItem(at: socketFolder)
    }
    let db = ["--db", data.appendingPathComponent("etude.sqlite").path]

    let demo = try await CommandRun.connectage(
      [
        "demo", "--headless", "--brisk", "--players", "2", "--diffuser", "simulated", "--output",
        data.appendingPathComponent("sessions").path,
      ] + db,
      environment: ["XDG_DATA_HOME": data.path, "TMPDIR": socketFolder.path])
    try #require(demo.exitCode == 0, "\(demo.standardError)")
    let database = try SessionDatabase(path: data.appendingPathComponent("etude.sqlite").path)
    let logged = try database.eventLog.allEvents().map { "\($0.event.payload)" }.joined()
    // The session's own log names neither the diffuser's address nor the data folder: the sources
    // log the transport kind and relative paths. A log written by an earlier version did name them,
    // so one such event is added to show that the exports redact what the log still holds.
    #expect(!logged.contains(address) && !logged.contains(marker), "the session's log holds the address or folder")
    let session = try #require(try database.eventLog.allEvents().first?.event.session)
    try database.eventLog.append(
      SessionEvent(
        session: session, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(),
        type: "scent.link.connected",
        payload: [
          "endpoint": "rfcomm:\(address)", "output": data.path, "diffuser": "endpoint(\"rfcomm:\(address)\")",
        ]))

    for (arguments, what) in [
      (["export", "all", "--out", exports.appendingPathComponent("all").path], "export all"),
      (["stats", "--output", exports.appendingPathComponent("stats").path], "stats"),
      (
        ["analyze", "memories", "export", "--output", exports.appendingPathComponent("coding.csv").path], "coding sheet"
      ),
    ] {
      let run = try await CommandRun.connectage(arguments + db)
      #expect(run.exitCode == 0, "\(what): \(run.standardError)")
    }

    // Everything exported, and the export each session writes for the user beside its recordings.
    var files: [URL] = []
    for folder in [exports, data.appendingPathComponent("sessions")] {
      let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
      while let file = walker?.nextObject() as? URL {
        let isExport = folder == exports || file.path.contains("/export/")
        if isExport, (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
          files.append(file)
        }
      }
    }
    #expect(files.contains { $0.lastPathComponent == "events.csv" })
    #expect(files.contains { $0.lastPathComponent == "coding.csv" })
    #expect(files.contains { $0.pathExtension == "cha" })
    #expect(files.contains { $0.pathExtension == "TextGrid" })

    var forbidden = [marker, address, address.replacingOccurrences(of: ":", with: ""), data.path, socketFolder.path]
    let home = NSHomeDirectory()
    if home.count > 1 { forbidden.append(home) }
    let login = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
    if login.count >= 4 { forbidden.append("/\(login)") }
    for file in files {
      let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
      for secret in forbidden {
        #expect(!text.localizedCaseInsensitiveContains(secret), "\(file.lastPathComponent) holds \(secret)")
      }
    }
  }
}
