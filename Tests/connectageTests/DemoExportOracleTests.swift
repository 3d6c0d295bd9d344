import Foundation
import TestSupport
import Testing

/// A real demo session exported with `export all`, judged by the field's own tools: CLAN accepts
/// every CHAT file and counts the words `measures.csv` reports; Praat opens every TextGrid and
/// finds the answer's words and the pauses `measures.csv` counts.
@Suite struct DemoExportOracleTests {
  @Test(
    .enabled(if: CLANTools.shared != nil, Comment(rawValue: CLANTools.missing)),
    .enabled(if: PraatTool.shared != nil, Comment(rawValue: PraatTool.missing)))
  func clanAndPraatAcceptTheDemoExport() async throws {
    let workspace = try StoreCommandFolder()
    defer { workspace.remove() }
    let demo = try await DemoCommandTests.demo(["--players", "2"], in: workspace)
    try #require(demo.exitCode == 0, "\(demo.standardError)")
    let out = workspace.path + "/exports"
    let export = try await CommandRun.connectage(
      ["export", "all", "--db", workspace.databasePath, "--study", "demo", "--out", out])
    try #require(export.exitCode == 0, "\(export.standardError)")
    let folder = URL(fileURLWithPath: out)
    let chat = try ExportOracle.chatProblems(in: folder, clan: try #require(CLANTools.shared))
    #expect(chat.isEmpty, "\(chat.joined(separator: "\n"))")
    let grids = try ExportOracle.textGridProblems(in: folder, praat: try #require(PraatTool.shared))
    #expect(grids.isEmpty, "\(grids.joined(separator: "\n"))")
  }
}
