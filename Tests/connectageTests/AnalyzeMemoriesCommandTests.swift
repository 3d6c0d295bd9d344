import Foundation
import Research
import SessionModel
import SpeechKit
import Store
import Testing

/// `connectage analyze memories export|import`: the coding sheet out, filled counts back in,
/// and `memories_n` in the exports and statistics afterwards.
@Suite struct AnalyzeMemoriesCommandTests {
  static let header = "answer_id,transcript,memories_auto_n,memories_auto,memories_n,coder"

  /// The sheet's opaque id of each answer, as only the database can tell.
  func answers(in folder: StoreCommandFolder) throws -> [String: AnswerKey] {
    try MemoryCodingSheet.answerIDs(in: SessionDatabase(path: folder.databasePath))
  }

  /// `{S01/T1/P01}` in `text` becomes that answer's id on the sheet.
  func withIDs(_ text: String, in folder: StoreCommandFolder) throws -> String {
    var text = text
    for (id, answer) in try answers(in: folder) {
      text = text.replacingOccurrences(of: "{\(answer.session)/\(answer.trial)/\(answer.participant)}", with: id)
    }
    return text
  }

  /// The study database of the export and stats tests, with a typed transcript beside P01's first answer.
  func withStudy(_ body: (StoreCommandFolder) throws -> Void) throws {
    let folder = try StoreCommandFolder()
    defer { folder.remove() }
    try StudyDatabase.create(at: folder.databasePath)
    try FileManager.default.createDirectory(atPath: folder.path + "/audio/S01", withIntermediateDirectories: true)
    try "le jour de mon mariage en 1962 il pleuvait\n".write(
      toFile: folder.path + "/audio/S01/T1-P01-turn1.txt", atomically: true, encoding: .utf8)
    try body(folder)
  }

  func codings(in folder: StoreCommandFolder) throws -> [AnswerKey: Int] {
    try SessionDatabase(path: folder.databasePath).measures.latestCodings().compactMapValues { $0.confirmed?.count }
  }

  /// The exported sheet with `memories_n` and `coder` filled on every row: the trial's number, one
  /// more for P01, so each condition has its own mean.
  func filled(_ sheet: String, coder: String = "", answers: [String: AnswerKey]) -> String {
    var lines = sheet.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for index in lines.indices.dropFirst() where lines[index].hasSuffix(",,") {
      let fields = lines[index].split(separator: ",", omittingEmptySubsequences: false)
      let answer = answers[String(fields[0])]!
      let memories = Int(answer.trial.rawValue.dropFirst())! + (answer.participant.rawValue == "P01" ? 1 : 0)
      lines[index] = String(lines[index].dropLast(2)) + ",\(memories),\(coder)"
    }
    return lines.joined(separator: "\n")
  }

  @Test func aSheetExportedFilledAndImportedReachesTheCSVAndTheStatistics() throws {
    try withStudy { folder in
      let sheetPath = folder.path + "/codage.csv"
      let export = try CommandRun.connectage(
        ["analyze", "memories", "export", "--db", folder.databasePath, "--study", "espoir-avc", "--output", sheetPath])
      #expect(export.exitCode == 0, "\(export.standardError)")
      #expect(
        export.standardOutput
          == "22 réponse(s) à coder dans \(sheetPath), dont 1 avec transcription. Remplissez memories_n (et coder), puis : connectage analyze memories import \(sheetPath) --coder CODE\n"
      )
      let sheet = try String(contentsOfFile: sheetPath, encoding: .utf8)
      let lines = sheet.split(separator: "\n").map(String.init)
      #expect(lines.first == Self.header)
      #expect(lines.count == 23)
      for hidden in ["image", "S01", "T1", "P01", "audio", ".wav"] {
        #expect(!sheet.contains(hidden), "coders stay blind to the trial and the condition")
      }
      #expect(
        lines.contains(
          try withIDs(
            "{S01/T1/P01},le jour de mon mariage en 1962 il pleuvait .,,1. [specific] le jour de mon mariage en 1962 il pleuvait,,",
            in: folder)
        ))

      try filled(sheet, answers: answers(in: folder)).write(toFile: sheetPath, atomically: true, encoding: .utf8)
      let firstImport = try CommandRun.connectage(
        ["analyze", "memories", "import", sheetPath, "--coder", "ORT1", "--db", folder.databasePath])
      #expect(firstImport.exitCode == 0, "\(firstImport.standardError)")
      #expect(
        firstImport.standardOutput
          == "22 réponse(s) codée(s) ; 0 codage(s) du même codeur remplacé(s) ; 0 gardée(s) à côté du codage d'un autre codeur ; 0 ligne(s) sans memories_n laissée(s) de côté.\n"
      )
      let answer = AnswerKey(session: "S01", trial: "T1", participant: ParticipantCode(rawValue: "P01")!)
      #expect(try codings(in: folder)[answer] == 2)

      let out = folder.path + "/export"
      let csv = try CommandRun.connectage([
        "export", "csv", "--db", folder.databasePath, "--session", "S01", "--out", out,
      ])
      #expect(csv.exitCode == 0, "\(csv.standardError)")
      let measures = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8).split(separator: "\n")
      let columns = measures[0].split(separator: ",", omittingEmptySubsequences: false)
      let row = try #require(measures.first { $0.contains(",P01,T1,") }).split(
        separator: ",", omittingEmptySubsequences: false)
      let memories = try #require(columns.firstIndex(of: "memories_n"))
      #expect(row[memories] == "2")
      #expect(row[memories + 1] == "ORT1", "memories_coder_id")

      let stats = try CommandRun.connectage(["stats", "--db", folder.databasePath, "--measure", "memories_n"])
      #expect(stats.exitCode == 0)
      // Per participant and condition the count is the trial number (+1 for P01) in both sessions:
      // image means 2, 1, 1, 1 → mean 1.25, SD 0.5, median 1, IQR 0.25; image_scent (no P04) 4, 3, 3.
      let table = stats.standardOutput.split(separator: "\n").map(String.init)
      #expect(
        Array(table.drop { !$0.hasPrefix("Souvenirs") }.prefix(5)) == [
          "Souvenirs (analysés) (memories_n)",
          "condition    n  réponses  moyenne  ET    médiane  IQR   IC 95 %",
          "image        4  8         1.25     0.50  1.00     0.25  [0.45 ; 2.05]",
          "image_game   4  8         2.25     0.50  2.00     0.25  [1.45 ; 3.05]",
          "image_scent  3  6         3.33     0.58  3.00     0.50  [1.90 ; 4.77]",
        ])

      // The same coder imports a corrected sheet: replaced, not added.
      let again = try CommandRun.connectage(
        ["analyze", "memories", "import", sheetPath, "--coder", "ORT1", "--db", folder.databasePath])
      #expect(
        again.standardOutput
          == "22 réponse(s) codée(s) ; 22 codage(s) du même codeur remplacé(s) ; 0 gardée(s) à côté du codage d'un autre codeur ; 0 ligne(s) sans memories_n laissée(s) de côté.\n"
      )
      #expect(try SessionDatabase(path: folder.databasePath).measures.codings(of: answer).map(\.coder) == ["ORT1"])

      // A second coder, named on each row, for agreement: kept beside the first.
      let second = folder.path + "/codage-np2.csv"
      try filled(sheet, coder: "NP2", answers: answers(in: folder)).write(
        toFile: second, atomically: true, encoding: .utf8)
      let other = try CommandRun.connectage(["analyze", "memories", "import", second, "--db", folder.databasePath])
      #expect(
        other.standardOutput
          == "22 réponse(s) codée(s) ; 0 codage(s) du même codeur remplacé(s) ; 22 gardée(s) à côté du codage d'un autre codeur ; 0 ligne(s) sans memories_n laissée(s) de côté.\n"
      )
      #expect(
        try SessionDatabase(path: folder.databasePath).measures.codings(of: answer).map(\.coder) == ["ORT1", "NP2"])
    }
  }

  struct SheetCase: Sendable, CustomTestStringConvertible {
    let id: String
    let rows: [String]
    var arguments: [String] = ["--coder", "ORT1"]
    /// Standard error with `FILE` for the sheet's path.
    let message: String
    var testDescription: String { id }
  }

  static let badSheets: [SheetCase] = [
    SheetCase(
      id: "an unknown answer", rows: ["A-000000000000,,,,1,"],
      message:
        "FILE:2: aucune réponse mesurée n'a l'identifiant « A-000000000000 » dans cette base ; ne modifiez pas answer_id, et importez la feuille dans la base qui l'a produite\n"
    ),
    SheetCase(
      id: "a count that is not a whole number", rows: ["{S01/T1/P01},,,,1,", "{S01/T2/P01},,,,1.5,"],
      message:
        "FILE:3: memories_n « 1.5 » n'est pas un nombre entier ; écrivez le nombre de souvenirs confirmés (0, 1, 2…)\n"),
    SheetCase(
      id: "a negative count", rows: ["{S01/T1/P01},,,,-1,"],
      message: "FILE:2: memories_n « -1 » est négatif ; écrivez 0 si la réponse n'évoque aucun souvenir\n"),
    SheetCase(
      id: "a count above what the review page accepts", rows: ["{S01/T1/P01},,,,99,", "{S01/T2/P01},,,,120,"],
      message:
        "FILE:3: memories_n « 120 » dépasse 99, le plus grand nombre de souvenirs d'un codage ; corrigez la cellule (une faute de frappe ?)\n"
    ),
    SheetCase(
      id: "no coder at all", rows: ["{S01/T1/P01},,,,1,"], arguments: [],
      message: "FILE:2: aucun codeur ; remplissez la colonne coder ou donnez --coder\n"),
    SheetCase(
      id: "a name as coder on a row", rows: ["{S01/T1/P01},,,,1,Julie Martin"],
      message:
        "FILE:2: « Julie Martin » n'est pas un code de codeur ; utilisez un code (par exemple ORT1), jamais un nom\n"),
    SheetCase(
      id: "a name as --coder", rows: ["{S01/T1/P01},,,,1,"], arguments: ["--coder", "Julie"],
      message:
        "« Julie » n'est pas un code de codeur : utilisez des initiales ou un code (par exemple ORT1), jamais un nom.\n"
    ),
    SheetCase(
      id: "a duplicated row", rows: ["{S01/T1/P01},,,,1,", "{S01/T2/P01},,,,0,", "{S01/T1/P01},,,,2,"],
      message:
        "FILE:4: la réponse {S01/T1/P01} est déjà codée par ORT1 ligne 2 ; gardez une seule ligne par réponse et par codeur\n"
    ),
    SheetCase(
      id: "two bad lines, both named", rows: ["{S01/T1/P01},,,,un,", "A-999999999999,,,,1,"],
      message: """
        FILE:2: memories_n « un » n'est pas un nombre entier ; écrivez le nombre de souvenirs confirmés (0, 1, 2…)
        FILE:3: aucune réponse mesurée n'a l'identifiant « A-999999999999 » dans cette base ; ne modifiez pas answer_id, et importez la feuille dans la base qui l'a produite

        """),
    SheetCase(
      id: "nothing filled", rows: ["{S01/T1/P01},,,,,"],
      message: "FILE : aucune ligne n'a de memories_n ; remplissez memories_n, puis relancez l'import.\n"),
  ]

  @Test(arguments: badSheets) func aBadSheetIsRefusedWholeAndNothingIsSaved(_ sheet: SheetCase) throws {
    try withStudy { folder in
      let answer = AnswerKey(session: "S01", trial: "T1", participant: ParticipantCode(rawValue: "P01")!)
      try SessionDatabase(path: folder.databasePath).measures.save(
        MemoryCoding(automatic: [], confirmed: [], coder: "ORT9", codedAt: Date(timeIntervalSince1970: 0)), for: answer)
      let path = folder.path + "/codage.csv"
      try withIDs(([Self.header] + sheet.rows).joined(separator: "\n").appending("\n"), in: folder)
        .write(toFile: path, atomically: true, encoding: .utf8)
      let run = try CommandRun.connectage(
        ["analyze", "memories", "import", path, "--db", folder.databasePath] + sheet.arguments)
      #expect(run.exitCode == 2)
      #expect(
        run.standardError == (try withIDs(sheet.message, in: folder)).replacingOccurrences(of: "FILE", with: path))
      #expect(run.standardOutput == "")
      #expect(try codings(in: folder) == [answer: 0], "nothing saved, the earlier coding untouched")
    }
  }

  @Test func messagesAreInEnglishOnRequest() throws {
    try withStudy { folder in
      let path = folder.path + "/sheet.csv"
      try withIDs("\(Self.header)\n{S01/T1/P01},,,,-1,ORT1\n", in: folder).write(
        toFile: path, atomically: true, encoding: .utf8)
      let run = try CommandRun.connectage(
        ["analyze", "memories", "import", path, "--db", folder.databasePath], environment: ["CONNECTAGE_LANG": "en"])
      #expect(run.exitCode == 2)
      #expect(run.standardError == "\(path):2: memories_n '-1' is negative; write 0 when the answer evokes no memory\n")
    }
  }

  @Test(arguments: [
    BadInputCase(
      id: "an existing sheet", arguments: ["--output", "EXISTING"],
      message: "« EXISTING » existe déjà : choisissez un autre nom (une feuille remplie ne doit jamais être écrasée).\n"
    ),
    BadInputCase(
      id: "no matching answer", arguments: ["--session", "S09", "--output", "NEW"],
      message: "Aucune réponse mesurée ne correspond : vérifiez --session, --study et --db.\n"),
  ])
  func exportRefusals(_ refusal: BadInputCase) throws {
    try withStudy { folder in
      let existing = folder.path + "/filled.csv"
      try "session_id,memories_n\nS01,2\n".write(toFile: existing, atomically: true, encoding: .utf8)
      let paths = ["EXISTING": existing, "NEW": folder.path + "/new.csv"]
      let run = try CommandRun.connectage(
        ["analyze", "memories", "export", "--db", folder.databasePath] + refusal.arguments.map { paths[$0] ?? $0 })
      #expect(run.exitCode == 2)
      #expect(run.standardError == refusal.message.replacingOccurrences(of: "EXISTING", with: existing))
      #expect(try String(contentsOfFile: existing, encoding: .utf8) == "session_id,memories_n\nS01,2\n")
      #expect(!FileManager.default.fileExists(atPath: folder.path + "/new.csv"))
    }
  }
}
