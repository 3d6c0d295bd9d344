import Foundation
import Store
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
        == "Export écrit dans \(out) : measures.csv (0 lignes), events.csv (2 lignes), attendance.csv (0 lignes), participation.csv (0 lignes), codebook.csv (80 colonnes décrites), event_types.csv (99 types d'événements). Empreintes SHA-256 dans manifest.sha256.\n"
    )
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
        "attendance.csv", "codebook.csv", "event_types.csv", "events.csv", "manifest.sha256", "measures.csv",
        "participation.csv",
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
      ["export", "csv", "--out", folder.path + "/export", "--study", "espoir-avc"] + db,
      environment: ["CONNECTAGE_LANG": "en"])
    #expect(export.exitCode == 0)
    #expect(
      export.standardOutput
        == "Export written to \(folder.path)/export: measures.csv (0 rows), events.csv (0 rows), attendance.csv (0 rows), participation.csv (0 rows), codebook.csv (80 columns described), event_types.csv (99 event types). SHA-256 digests in manifest.sha256.\n"
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

/// `export chat`, `export textgrid` and `export all` on ``StudyDatabase``, with transcripts beside
/// two recordings.
@Suite struct ExportTranscriptCommandTests {
  func withStudy(_ body: (StoreCommandFolder) throws -> Void) throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try StudyDatabase.create(at: folder.databasePath)
    let audio = URL(fileURLWithPath: folder.path).appendingPathComponent("audio/S01")
    try FileManager.default.createDirectory(at: audio, withIntermediateDirectories: true)
    try "Le verger de mon grand-père.\n".write(
      to: audio.appendingPathComponent("T1-P01-turn1.txt"), atomically: true, encoding: .utf8)
    try "On dansait au bal. Tous les samedis.\n".write(
      to: audio.appendingPathComponent("T2-P03-turn1.txt"), atomically: true, encoding: .utf8)
    try body(folder)
  }

  struct ExportCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var arguments: [String]
    var message: String
    var files: [String]
  }

  @Test(arguments: [
    ExportCase(
      testDescription: "CHAT for one session", arguments: ["chat", "--session", "S01"],
      message:
        "Export CHAT écrit dans OUT : 2 fichier(s) (un par réponse transcrite), 3 énoncé(s). "
        + "Empreintes SHA-256 dans manifest.sha256.\n",
      files: ["chat/S01", "manifest.sha256"]),
    ExportCase(
      testDescription: "TextGrids for one group", arguments: ["textgrid", "--group", "G1"],
      message: "Export TextGrid écrit dans OUT : 22 enregistrement(s). Empreintes SHA-256 dans manifest.sha256.\n",
      files: ["manifest.sha256", "textgrid/S01", "textgrid/S02"]),
    ExportCase(
      testDescription: "everything for the study", arguments: ["all", "--study", "espoir-avc"],
      message:
        "Export écrit dans OUT : measures.csv (22 lignes), events.csv, attendance.csv, participation.csv, codebook.csv, event_types.csv, "
        + "2 fichier(s) CHAT, 22 TextGrid, analysis.R (analyse principale en R). Empreintes SHA-256 dans manifest.sha256.\n",
      files: [
        "analysis.R", "attendance.csv", "chat/S01", "codebook.csv", "event_types.csv", "events.csv", "manifest.sha256",
        "measures.csv", "participation.csv",
        "textgrid/S01", "textgrid/S02",
      ]),
  ])
  func exportsWriteTheirFilesAndAManifest(_ exportCase: ExportCase) throws {
    try withStudy { folder in
      let out = folder.path + "/export"
      let run = try CommandRun.connectage(
        ["export"] + exportCase.arguments + ["--output", out, "--db", folder.databasePath])
      #expect(run.exitCode == 0, "\(run.standardError)")
      #expect(run.standardOutput == exportCase.message.replacingOccurrences(of: "OUT", with: out))
      let top = try FileManager.default.contentsOfDirectory(atPath: out)
      let listed = try top.flatMap { name -> [String] in
        ["chat", "textgrid"].contains(name)
          ? try FileManager.default.contentsOfDirectory(atPath: out + "/" + name).map { "\(name)/\($0)" } : [name]
      }
      #expect(listed.sorted() == exportCase.files)
      // Every file the manifest lists is there, with the digest it states (what `sha256sum -c` checks).
      let manifest = try String(contentsOfFile: out + "/manifest.sha256", encoding: .utf8)
      for line in manifest.split(separator: "\n") {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + parts[1]))
        #expect(Store.SHA256.hexDigest(of: data) == parts[0])
      }
    }
  }

  /// This study's sessions were saved without the day they were held (a database from before it
  /// was kept), so the files have no @Date rather than the planned day.
  @Test func eachCHATFileNamesItsRecordingTrialConditionAndSpeaker() throws {
    try withStudy { folder in
      let out = folder.path + "/export"
      _ = try CommandRun.connectage(["export", "chat", "--out", out, "--session", "S01", "--db", folder.databasePath])
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: out + "/chat/S01").sorted() == [
          "T1-P01-turn1.cha", "T2-P03-turn1.cha",
        ])
      let text = try String(contentsOfFile: out + "/chat/S01/T2-P03-turn1.cha", encoding: .utf8)
      #expect(
        text == """
          @UTF8
          @Begin
          @Languages:\tfra
          @Participants:\tP03 Participant
          @ID:\tfra|espoir-avc|P03|||G1||Participant||P03|
          @Media:\tT2-P03-turn1, audio
          @Comment:\tsession S01, number 1, group G1, planned 2027-01-14
          @G:\tT2 image_game bal
          *P03:\tOn dansait au bal .
          *P03:\tTous les samedis .
          @End

          """)
      let timed = try String(contentsOfFile: out + "/chat/S01/T1-P01-turn1.cha", encoding: .utf8)
      #expect(timed.contains("@Media:\tT1-P01-turn1, audio\n"))
      #expect(timed.contains("*P01:\tLe verger de mon grand-père . \u{15}1000_5000\u{15}\n"))
    }
  }

  @Test func aBrokenTranscriptIsBadInputAndWritesNothing() throws {
    try withStudy { folder in
      let broken = folder.path + "/audio/S01/T1-P02-turn1.cha"
      try "@UTF8\n@Begin\n*PAR:\tle café\n@End\n".write(toFile: broken, atomically: true, encoding: .utf8)
      let out = folder.path + "/export"
      let run = try CommandRun.connectage(["export", "chat", "--out", out, "--db", folder.databasePath])
      #expect(run.exitCode == 2)
      #expect(
        run.standardError
          == "\(broken):3:14: terminateur manquant : finissez l'énoncé par . ? ! ou +... "
          + "(corrigez la transcription, puis relancez la commande)\n")
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }
}
