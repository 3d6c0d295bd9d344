import Foundation
import SessionModel
import SpeechKit
import TestSupport
import Testing

@testable import Research
@testable import Store

/// The memory coding sheet: what a coder is given, and how a filled sheet is checked and saved.
@Suite struct MemoryCodingSheetTests {
  static let known: [String: AnswerKey] = [
    "A-0a1b2c3d4e5f": AnswerKey(session: "S01", trial: "T1", participant: code("P01")),
    "A-f5e4d3c2b1a0": AnswerKey(session: "S01", trial: "T2", participant: code("P01")),
  ]
  static let header = "answer_id,transcript,memories_auto_n,memories_auto,memories_n,coder\n"

  struct ReadingCase: Sendable, CustomTestStringConvertible {
    let id: String
    let rows: String
    let defaultCoder: String?
    let problems: [String]
    var testDescription: String { id }
  }

  static let badSheets: [ReadingCase] = [
    ReadingCase(
      id: "unknown answer", rows: "A-999999999999,,,,1,ORT1\n", defaultCoder: nil,
      problems: [
        "2: aucune réponse mesurée n'a l'identifiant « A-999999999999 » dans cette base ; ne modifiez pas answer_id, et importez la feuille dans la base qui l'a produite"
      ]),
    ReadingCase(
      id: "count not a whole number", rows: "A-0a1b2c3d4e5f,,,,deux,ORT1\n", defaultCoder: nil,
      problems: [
        "2: memories_n « deux » n'est pas un nombre entier ; écrivez le nombre de souvenirs confirmés (0, 1, 2…)"
      ]),
    ReadingCase(
      id: "negative count", rows: "A-0a1b2c3d4e5f,,,,-1,ORT1\n", defaultCoder: nil,
      problems: ["2: memories_n « -1 » est négatif ; écrivez 0 si la réponse n'évoque aucun souvenir"]),
    ReadingCase(
      id: "count above what the review page accepts", rows: "A-0a1b2c3d4e5f,,,,100,ORT1\n", defaultCoder: nil,
      problems: [
        "2: memories_n « 100 » dépasse 99, le plus grand nombre de souvenirs d'un codage ; corrigez la cellule (une faute de frappe ?)"
      ]),
    ReadingCase(
      id: "no coder", rows: "A-0a1b2c3d4e5f,,,,1,\n", defaultCoder: nil,
      problems: ["2: aucun codeur ; remplissez la colonne coder ou donnez --coder"]),
    ReadingCase(
      id: "coder is a name", rows: "A-0a1b2c3d4e5f,,,,1,Marie\n", defaultCoder: "ORT1",
      problems: ["2: « Marie » n'est pas un code de codeur ; utilisez un code (par exemple ORT1), jamais un nom"]),
    ReadingCase(
      id: "same answer twice by one coder",
      rows: "A-0a1b2c3d4e5f,,,,1,\nA-f5e4d3c2b1a0,,,,0,\nA-0a1b2c3d4e5f,,,,2,\n",
      defaultCoder: "ORT1",
      problems: [
        "4: la réponse A-0a1b2c3d4e5f est déjà codée par ORT1 ligne 2 ; gardez une seule ligne par réponse et par codeur"
      ]),
    ReadingCase(
      id: "an unquoted comma", rows: "A-0a1b2c3d4e5f,le verger, la ferme,,,1,ORT1\n", defaultCoder: nil,
      problems: [
        "2: 7 champs pour 6 colonnes ; mettez entre guillemets la cellule qui contient une virgule"
      ]),
    ReadingCase(
      id: "a quote never closed, after a multi-line cell",
      rows: "A-0a1b2c3d4e5f,\"ligne un\nligne deux\",,,1,ORT1\nA-f5e4d3c2b1a0,\"ouvert,,,1,ORT1\n",
      defaultCoder: nil,
      problems: ["4: guillemet ouvert jamais refermé ; refermez la cellule qui commence sur cette ligne"]),
    ReadingCase(
      id: "every problem of every line", rows: "A-0a1b2c3d4e5f,,,,x,\nA-333333333333,,,,-2,ORT1\n",
      defaultCoder: nil,
      problems: [
        "2: memories_n « x » n'est pas un nombre entier ; écrivez le nombre de souvenirs confirmés (0, 1, 2…)",
        "2: aucun codeur ; remplissez la colonne coder ou donnez --coder",
        "3: aucune réponse mesurée n'a l'identifiant « A-333333333333 » dans cette base ; ne modifiez pas answer_id, et importez la feuille dans la base qui l'a produite",
        "3: memories_n « -2 » est négatif ; écrivez 0 si la réponse n'évoque aucun souvenir",
      ]),
  ]

  @Test(arguments: badSheets) func aBadSheetIsRefusedWithEveryLineNamed(_ sheet: ReadingCase) {
    let reading = MemoryCodingSheet.read(
      Self.header + sheet.rows, answers: Self.known, defaultCoder: sheet.defaultCoder)
    #expect(reading.problems.map { "\($0.line): \($0.reason.french)" } == sheet.problems)
    let refused = Set(reading.problems.map(\.line))
    #expect(!reading.codings.contains { refused.contains($0.line) }, "a refused line never becomes a coding")
  }

  @Test func aMissingColumnIsNamedOnTheHeaderLine() {
    let reading = MemoryCodingSheet.read(
      "answer_id,memories\nA-0a1b2c3d4e5f,1\n", answers: Self.known, defaultCoder: "ORT1")
    #expect(
      reading.problems == [
        SheetProblem(
          line: 1,
          reason: LocalizedText(
            fr: "colonne(s) manquante(s) : memories_n, coder ; gardez l'en-tête de la feuille exportée",
            en: "missing column(s): memories_n, coder; keep the header of the exported sheet"))
      ])
  }

  @Test func aSheetOfAnEarlierVersionIsRefusedWithWhatToDo() {
    let reading = MemoryCodingSheet.read(
      "session_id,trial_id,participant_code,memories_n,coder\nS01,T1,P01,1,ORT1\n", answers: Self.known,
      defaultCoder: nil)
    #expect(reading.problems.map(\.line) == [1])
    #expect(reading.problems.first?.reason.english.contains("export a new sheet") == true)
    #expect(reading.codings.isEmpty)
  }

  @Test func aGoodSheetGivesItsCodingsAndSkipsRowsNotCodedYet() {
    // As a spreadsheet saves it back: a BOM, CRLF line ends, spaces, a quoted multi-line transcript.
    let text =
      "\u{FEFF}" + Self.header.replacingOccurrences(of: "\n", with: "\r\n")
      + "A-f5e4d3c2b1a0,\"je me souviens,\r\n\"\"le bal\"\"\",1,,\" 2 \",ORT2\r\nA-0a1b2c3d4e5f,,,,,\r\n\r\n"
    let reading = MemoryCodingSheet.read(text, answers: Self.known, defaultCoder: "ORT1")
    #expect(reading.problems == [])
    #expect(
      reading.codings == [
        SheetCoding(
          line: 2, answer: AnswerKey(session: "S01", trial: "T2", participant: code("P01")), memories: 2, coder: "ORT2")
      ])
    #expect(reading.unfilledRows == 1)
  }

  @Test func theLargestCountTheReviewPageAcceptsIsRead() {
    let reading = MemoryCodingSheet.read(
      Self.header + "A-0a1b2c3d4e5f,,,,\(MemoryCount.largest),ORT1\n", answers: Self.known, defaultCoder: nil)
    #expect(reading.problems == [])
    #expect(reading.codings.map(\.memories) == [99])
  }

  @Test func aSheetSavedWithSemicolonsByAFrenchSpreadsheetIsRead() {
    let text = Self.header.replacingOccurrences(of: ",", with: ";") + "A-0a1b2c3d4e5f;\"le bal, la ferme\";;;3;NP-2\n"
    let reading = MemoryCodingSheet.read(text, answers: Self.known, defaultCoder: nil)
    #expect(reading.problems == [])
    #expect(reading.codings.map(\.memories) == [3])
  }

  @Test func theSheetHidesTheConditionAndCarriesTheTranscriptAndPreCoding() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try SessionDatabase(path: folder.appendingPathComponent("db.sqlite").path)
    for participant in [StoreFixtures.firstParticipant, StoreFixtures.secondParticipant] {
      try database.participants.add(participant)
    }
    try database.groups.add(StoreFixtures.group)
    try database.sessions.save(StoreFixtures.firstSession)
    var answers: [AnswerKey] = []
    for trial in StoreFixtures.firstSession.trials {
      for participant in ["P01", "P02"] {
        let answer = AnswerKey(session: "S01", trial: trial.id, participant: code(participant))
        answers.append(answer)
        try database.measures.save(
          AnswerMeasures(answer: answer, automaticMemories: 1, ruleSetVersion: "wc-fr-chat-1.0"))
        try database.recordings.save(
          Recording(
            session: "S01", trial: trial.id, participant: code(participant),
            path: "audio/\(trial.id)-\(participant).wav", sha256: String(repeating: "0", count: 64), durationSeconds: 4)
        )
      }
    }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("audio"), withIntermediateDirectories: true)
    try "le jour de mon mariage en 1962, il pleuvait.\n".write(
      to: folder.appendingPathComponent("audio/T2-P01.txt"), atomically: true, encoding: .utf8)

    let sheet = try MemoryCodingSheet(database: database, session: "S01")
    #expect(Set(sheet.rows.map(\.answer)) == Set(answers))
    #expect(
      try MemoryCodingSheet.answerIDs(in: database)
        == Dictionary(uniqueKeysWithValues: sheet.rows.map { ($0.id, $0.answer) }))
    #expect(sheet.rows.map(\.answer) != answers.sorted(), "not in trial order: the protocol would show")
    #expect(try MemoryCodingSheet(database: database).rows == sheet.rows, "the same order every time")
    let csv = sheet.csv
    #expect(csv.hasPrefix("answer_id,transcript,memories_auto_n,memories_auto,memories_n,coder\n"))
    // Nothing on the sheet names a session, trial, participant, image, condition, scent or file.
    for hidden in [
      "condition", "image_scent", "cafe", "verger", "bal", "S01", "T1", "T2", "P01", "P02", "audio", ".wav",
    ] {
      #expect(!csv.contains(hidden), "\(hidden) would tell the coder the trial or the condition")
    }
    // An id is a keyed hash: not the plain hash of the answer anyone could compute from the plan.
    for row in sheet.rows {
      #expect(row.id.count == 14 && row.id.hasPrefix("A-"))
      let plain = SHA256.hexDigest(
        of: Array("\(row.answer.session)\n\(row.answer.trial)\n\(row.answer.participant)".utf8))
      #expect(!plain.hasPrefix(String(row.id.dropFirst(2))))
    }
    let transcribed = try #require(sheet.rows.first { $0.answer.trial == "T2" && $0.answer.participant == code("P01") })
    #expect(
      transcribed.fields == [
        transcribed.id, "le jour de mon mariage en 1962 , il pleuvait .", "1",
        "1. [specific] le jour de mon mariage en 1962 il pleuvait", "", "",
      ])
  }
}

/// A filled sheet goes back to the right answers, in the database that made it and no other.
@Suite struct BlindCodingRoundTripTests {
  @Test func aFilledSheetIsImportedByItsOpaqueIdsAndAnotherDatabaseRefusesIt() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    func database(_ name: String) throws -> SessionDatabase {
      let database = try SessionDatabase(path: folder.appendingPathComponent(name).path)
      for participant in [StoreFixtures.firstParticipant, StoreFixtures.secondParticipant] {
        try database.participants.add(participant)
      }
      try database.groups.add(StoreFixtures.group)
      try database.sessions.save(StoreFixtures.firstSession)
      for trial in StoreFixtures.firstSession.trials {
        try database.measures.save(
          AnswerMeasures(
            answer: AnswerKey(session: "S01", trial: trial.id, participant: code("P01")),
            ruleSetVersion: "wc-fr-chat-1.0"))
      }
      return database
    }
    let first = try database("a.sqlite")
    let sheet = try MemoryCodingSheet(database: first)
    // The coder fills memories_n with the row's position, and gives it back.
    var filled = CSVText.line(MemoryCodingSheet.columns)
    for (index, row) in sheet.rows.enumerated() {
      var fields = row.fields
      fields[4] = String(index)
      fields[5] = "ORT1"
      filled += CSVText.line(fields)
    }
    let reading = MemoryCodingSheet.read(filled, answers: try MemoryCodingSheet.answerIDs(in: first), defaultCoder: nil)
    #expect(reading.problems == [])
    #expect(reading.codings.map(\.answer) == sheet.rows.map(\.answer))
    #expect(reading.codings.map(\.memories) == Array(sheet.rows.indices))

    // Another database (same plan, same answers) has its own key: the ids mean nothing there.
    let second = try database("b.sqlite")
    #expect(Set(try MemoryCodingSheet.answerIDs(in: second).keys).isDisjoint(with: sheet.rows.map(\.id)))
    let elsewhere = MemoryCodingSheet.read(
      filled, answers: try MemoryCodingSheet.answerIDs(in: second), defaultCoder: nil)
    #expect(elsewhere.problems.count == sheet.rows.count)
  }
}
