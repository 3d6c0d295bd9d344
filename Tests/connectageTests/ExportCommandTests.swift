import Foundation
import Testing

@Suite struct ExportCommandTests {
  @Test func csvExportWritesThreeFilesAndSaysWhere() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = ["--db", folder.databasePath]
    _ = try CommandRun.connectage(["db", "append-events", "--session", "S01", "--count", "2"] + db)
    let out = folder.path + "/export"

    let export = try CommandRun.connectage(["export", "csv", "--out", out] + db)
    #expect(export.exitCode == 0)
    #expect(
      export.standardOutput
        == "Export écrit dans \(out) : measures.csv (0 lignes), events.csv (2 lignes), codebook.csv (37 colonnes décrites). Empreintes SHA-256 dans manifest.sha256.\n"
    )
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
        "codebook.csv", "events.csv", "manifest.sha256", "measures.csv",
      ])
    let events = try String(contentsOfFile: out + "/events.csv", encoding: .utf8).split(separator: "\n")
    #expect(events.first == "session_id,sequence,monotonic_ns,wall_clock,type,payload")
    let rows = events.dropFirst()
    #expect(rows.count == 2)
    for (index, row) in rows.enumerated() {
      #expect(row.hasPrefix("S01,\(index + 1),"))
      #expect(row.hasSuffix(",test.durability,\"{\"\"index\"\":\"\"\(index + 1)\"\"}\""))
    }
  }

  @Test func aStudyFilterLeavesOtherSessionsOut() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let db = ["--db", folder.databasePath]
    _ = try CommandRun.connectage(["db", "append-events", "--session", "S01", "--count", "2"] + db)
    let export = try CommandRun.connectage(
      ["export", "csv", "--out", folder.path + "/export", "--study", "espoir-avc"] + db, environment: ["CONNECTAGE_LANG": "en"])
    #expect(export.exitCode == 0)
    #expect(
      export.standardOutput
        == "Export written to \(folder.path)/export: measures.csv (0 rows), events.csv (0 rows), codebook.csv (37 columns described). SHA-256 digests in manifest.sha256.\n"
    )
  }

  @Test func anOutputThatIsAFileIsBadInputAndIsLeftAlone() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    let out = folder.path + "/results.csv"
    try "à garder\n".write(toFile: out, atomically: true, encoding: .utf8)
    _ = try CommandRun.connectage(["participants", "add", "P01", "--db", folder.databasePath])
    let export = try CommandRun.connectage(["export", "csv", "--out", out, "--db", folder.databasePath])
    #expect(export.exitCode == 2)
    #expect(export.standardError == "« \(out) » existe et n'est pas un dossier : donnez un dossier à --out.\n")
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "à garder\n")
  }
}
