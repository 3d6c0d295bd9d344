import Foundation
import Store
import Testing

/// Real headless sessions, read back through `export csv` and `stats`: each planned answer is one
/// row whatever the number of runs, and a scent the diffuser refused is analysed as not delivered.
@Suite struct PlannedAnswerCommandTests {
  @Test func twoRunsOfOnePlannedSessionWithARefusingDiffuserGiveOneRowPerAnswerAndTheDeliveredCondition()
    async throws
  {
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    // A simulated diffuser that refuses every release (NAK busy), on its own socket.
    let socket = workspace.path + "/d.sock"
    let log = URL(fileURLWithPath: workspace.path + "/simulator.out")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let simulator = Process()
    simulator.executableURL = CommandRun.executable
    simulator.arguments = ["diffuser", "simulate", "--listen", "unix:\(socket)", "--nak-rate", "1"]
    simulator.standardOutput = try FileHandle(forWritingTo: log)
    simulator.standardError = FileHandle.nullDevice
    try simulator.run()
    defer {
      simulator.terminate()
      simulator.waitUntilExit()
    }
    let deadline = Date().addingTimeInterval(20)
    while !((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("listening on unix:"), Date() < deadline {
      try await Task.sleep(for: .milliseconds(25))
    }

    let db = ["--db", workspace.databasePath]
    for _ in 1...2 {
      let demo = try await CommandRun.connectage(
        [
          "demo", "--headless", "--brisk", "--players", "1", "--diffuser", "unix:\(socket)", "--output",
          workspace.path + "/sessions",
        ] + db,
        environment: ["XDG_DATA_HOME": workspace.path])
      try #require(demo.exitCode == 0, "\(demo.standardError)")
      // Run ids carry the start time to the second: the second run must not share the first's.
      try await Task.sleep(for: .seconds(1.1))
    }
    let runs = try SessionDatabase(path: workspace.databasePath).sessions.fetchAll()
    try #require(runs.count == 2)
    let database = try SessionDatabase(path: workspace.databasePath)
    #expect(try database.measures.fetchAll().count == 6, "every take stays filed")
    // The audit trail: the second run's takes name the first run's takes they stand for.
    let (first, second) = (runs.map(\.id).min()!, runs.map(\.id).max()!)
    let superseded = try database.eventLog.events(in: second).map(\.event)
      .filter { $0.type.rawValue == "recording.superseded" }
    #expect(superseded.count == 3)
    #expect(superseded.allSatisfy { $0.payload["replacedSession"] == first.rawValue })

    let out = workspace.path + "/export"
    let export = try await CommandRun.connectage(["export", "csv", "--out", out] + db)
    try #require(export.exitCode == 0, "\(export.standardError)")
    let lines = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8).split(separator: "\n")
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    func column(_ name: String) -> [String] {
      let index = header.firstIndex(of: name)!
      return rows.map { $0[index] }
    }
    #expect(rows.count == 3, "one row per planned trial of the one participant, not one per run")
    #expect(column("takes_n") == ["2", "2", "2"])
    #expect(Set(column("session_id")) == [runs.map(\.id.rawValue).max()!], "the later run's takes")
    #expect(Set(column("planned_date")) == ["2027-01-11"])
    let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    let day = String(format: "%04d-%02d-%02d", today.year!, today.month!, today.day!)
    #expect(Set(column("session_date")) == [day])
    let scent = try #require(column("condition_planned").firstIndex(of: "image_scent"))
    #expect(column("condition_delivered")[scent] == "image")
    #expect(column("scent_delivered")[scent] == "0")
    #expect(column("scent_outcome")[scent] == "refused")
    #expect(column("scent_ack_s")[scent] == "")

    let delivered = try await CommandRun.connectage(["stats", "--json", "--measure", "words"] + db)
    #expect(delivered.standardOutput.hasPrefix("{\"answers_condition_differs\":1,\"condition_basis\":\"delivered\","))
    #expect(!delivered.standardOutput.contains("\"condition\":\"image_scent\""))
    let planned = try await CommandRun.connectage(["stats", "--json", "--measure", "words", "--by", "planned"] + db)
    #expect(planned.standardOutput.contains("\"condition\":\"image_scent\""))
  }
}
