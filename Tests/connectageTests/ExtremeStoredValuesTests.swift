import Foundation
import Testing

/// Whatever the database file holds, `export csv`, `export all` and `stats --output` finish with
/// well-formed files, and `db check` names every value out of range. The values are written with
/// the `sqlite3` shell, behind ConnectAge's back, since ConnectAge refuses them at the door.
@Suite struct ExtremeStoredValuesTests {
  /// SQLite turns NaN into NULL, so infinities, 1e308, -1 and Int64.max are the extremes it can hold.
  static let extremes = """
    UPDATE answer_measures SET t_first_word_s = 9e999, t_last_word_end_s = 1e308, phonation_time_s = -9e999,
      silent_pauses_n = 9223372036854775807, silent_pauses_total_s = -1, words = 1e308, ideas_n = -1
      WHERE session_id = 'S01' AND trial_id = 'T1' AND participant_code = 'P01';
    UPDATE answer_measures SET t_first_word_s = -1, t_last_word_end_s = 9e999, words = 9223372036854775807,
      words_split = -9e999, memories_auto_n = 1e308
      WHERE session_id = 'S01' AND trial_id = 'T2' AND participant_code = 'P02';
    UPDATE answer_measures SET t_first_word_s = 1e308, t_last_word_end_s = -9e999
      WHERE session_id = 'S02' AND trial_id = 'T3' AND participant_code = 'P03';
    UPDATE recording SET duration_s = 9e999 WHERE session_id = 'S02' AND trial_id = 'T1' AND participant_code = 'P01';
    """

  static func sqlite(_ sql: String, on path: String) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test func exportsStatsAndCheckSurviveAnyStoredValue() throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try StudyDatabase.create(at: folder.databasePath)
    #expect(try Self.sqlite(Self.extremes, on: folder.databasePath) == 0)
    let db = ["--db", folder.databasePath]

    let csv = try CommandRun.connectage(["export", "csv", "--out", folder.path + "/csv"] + db)
    #expect(csv.exitCode == 0, "\(csv.standardError)")
    let all = try CommandRun.connectage(["export", "all", "--out", folder.path + "/all"] + db)
    #expect(all.exitCode == 0, "\(all.standardError)")
    for table in [folder.path + "/csv/measures.csv", folder.path + "/all/measures.csv"] {
      let lines = try String(contentsOfFile: table, encoding: .utf8).split(separator: "\n")
      #expect(lines.count == 1 + 22)
      let width = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
      #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == width })
      #expect(lines.allSatisfy { !$0.contains("inf") && !$0.contains("nan") && !$0.contains("e+") })
    }

    let stats = try CommandRun.connectage(["stats", "--output", folder.path + "/stats"] + db)
    #expect(stats.exitCode == 0, "\(stats.standardError)")
    #expect(stats.standardOutput.contains("valeur(s) enregistrée(s) non numérique(s) (NaN, infini) écartée(s)"))
    let json = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/stats/statistics.json"))
    #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: json) }
    let plots = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/stats/plots")
    #expect(!plots.isEmpty)
    for plot in plots {
      let svg = try String(contentsOfFile: folder.path + "/stats/plots/" + plot, encoding: .utf8)
      #expect(
        svg.hasPrefix("<?xml") && svg.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</svg>"), "\(plot)")
      #expect(!svg.contains("nan") && !svg.contains("inf"), "\(plot)")
    }

    let check = try CommandRun.connectage(["db", "check"] + db)
    #expect(check.exitCode == 1)
    for expected in [
      "P01 (séance S01, essai T1) : t_first_word_s = inf", "t_last_word_end_s = 1e+308", "words = 1e+308",
      "P02 (séance S01, essai T2) : words_split = -inf", "P03 (séance S02, essai T3) : t_last_word_end_s = -inf",
      "P01 (séance S02, essai T1) : recording.duration_s = inf",
    ] {
      #expect(check.standardOutput.contains(expected), "\(expected)\n\(check.standardOutput)")
    }
  }
}
