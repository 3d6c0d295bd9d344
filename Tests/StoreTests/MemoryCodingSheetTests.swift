import Foundation
import SessionModel
import SpeechKit
import Testing

@testable import Store

/// The memory coding sheet: what a coder is given, and how a filled sheet is checked and saved.
@Suite struct MemoryCodingSheetTests {
  static let known: Set<AnswerKey> = [
    AnswerKey(session: "S01", trial: "T1", participant: code("P01")),
    AnswerKey(session: "S01", trial: "T2", participant: code("P01")),
  ]
  static let header =
    "session_id,trial_id,participant_code,recording,transcript,memories_auto_n,memories_auto,memories_n,coder\n"

  struct ReadingCase: Sendable, CustomTestStringConvertible {
    let id: String
    let rows: String
    let defaultCoder: String?
    let problems: [String]
    var testDescription: String { id }
  }

  static let badSheets: [ReadingCase] = [
    ReadingCase(
      id: "unknown answer", rows: "S01,T9,P01,,,,,1,ORT1\n", defaultCoder: nil,
      problems: [
        "2: aucune réponse mesurée de « P01 » à l'essai « T9 » de la séance « S01 » ; ne modifiez pas session_id, trial_id ni participant_code"
      ]),
    ReadingCase(
      id: "count not a whole number", rows: "S01,T1,P01,,,,,deux,ORT1\n", defaultCoder: nil,
      problems: [
        "2: memories_n « deux » n'est pas un nombre entier ; écrivez le nombre de souvenirs confirmés (0, 1, 2…)"
      ]),
    ReadingCase(
      id: "negative count", rows: "S01,T1,P01,,,,,-1,ORT1\n", defaultCoder: nil,
      problems: ["2: memories_n « -1 » est négatif ; écrivez 0 si la réponse n'évoque aucun souvenir"]),
    ReadingCase(
      id: "no coder", rows: "S01,T1,P01,,,,,1,\n", defaultCoder: nil,
      problems: ["2: aucun codeur ; remplissez la colonne coder ou donnez --coder"]),
    ReadingCase(
      id: "coder is a name", rows: "S01,T1,P01,,,,,1,Marie\n", defaultCoder: "ORT1",
      problems: ["2: « Marie » n'est pas un code de codeur ; utilisez un code (par exemple ORT1), jamais un nom"]),
    ReadingCase(
      id: "same answer twice by one coder", rows: "S01,T1,P01,,,,,1,\nS01,T2,P01,,,,,0,\nS01,T1,P01,,,,,2,\n",
      defaultCoder: "ORT1",
      problems: [
        "4: la réponse de P01 (essai T1, séance S01) est déjà codée par ORT1 ligne 2 ; gardez une seule ligne par réponse et par codeur"
      ]),
    ReadingCase(
      id: "an unquoted comma", rows: "S01,T1,P01,,le verger, la ferme,,,1,ORT1\n", defaultCoder: nil,
      problems: [
        "2: 10 champs pour 9 colonnes ; mettez entre guillemets la cellule qui contient une virgule"
      ]),
    ReadingCase(
      id: "a quote never closed, after a multi-line cell",
      rows: "S01,T1,P01,,\"ligne un\nligne deux\",,,1,ORT1\nS01,T2,P01,,\"ouvert,,,1,ORT1\n", defaultCoder: nil,
      problems: ["4: guillemet ouvert jamais refermé ; refermez la cellule qui commence sur cette ligne"]),
    ReadingCase(
      id: "every problem of every line", rows: "S01,T1,P01,,,,,x,\nS01,T3,P01,,,,,-2,ORT1\n", defaultCoder: nil,
      problems: [
        "2: memories_n « x » n'est pas un nombre entier ; écrivez le nombre de souvenirs confirmés (0, 1, 2…)",
        "2: aucun codeur ; remplissez la colonne coder ou donnez --coder",
        "3: aucune réponse mesurée de « P01 » à l'essai « T3 » de la séance « S01 » ; ne modifiez pas session_id, trial_id ni participant_code",
        "3: memories_n « -2 » est négatif ; écrivez 0 si la réponse n'évoque aucun souvenir",
      ]),
  ]

  @Test(arguments: badSheets) func aBadSheetIsRefusedWithEveryLineNamed(_ sheet: ReadingCase) {
    let reading = MemoryCodingSheet.read(
      Self.header + sheet.rows, knownAnswers: Self.known, defaultCoder: sheet.defaultCoder)
    #expect(reading.problems.map { "\($0.line): \($0.reason.french)" } == sheet.problems)
    let refused = Set(reading.problems.map(\.line))
    #expect(!reading.codings.contains { refused.contains($0.line) }, "a refused line never becomes a coding")
  }

  @Test func aMissingColumnIsNamedOnTheHeaderLine() {
    let reading = MemoryCodingSheet.read(
      "session_id,trial_id,participant_code,memories\nS01,T1,P01,1\n", knownAnswers: Self.known, defaultCoder: "ORT1")
    #expect(
      reading.problems == [
        SheetProblem(
          line: 1,
          reason: LocalizedText(
            fr: "colonne(s) manquante(s) : memories_n, coder ; gardez l'en-tête de la feuille exportée",
            en: "missing column(s): memories_n, coder; keep the header of the exported sheet"))
      ])
  }

  @Test func aGoodSheetGivesItsCodingsAndSkipsRowsNotCodedYet() {
    // As a spreadsheet saves it back: a BOM, CRLF line ends, spaces, a quoted multi-line transcript.
    let text =
      "\u{FEFF}" + Self.header.replacingOccurrences(of: "\n", with: "\r\n")
      + "S01,T2,P01,audio/x.wav,\"je me souviens,\r\n\"\"le bal\"\"\",1,,\" 2 \",ORT2\r\nS01,T1,P01,,,,,,\r\n\r\n"
    let reading = MemoryCodingSheet.read(text, knownAnswers: Self.known, defaultCoder: "ORT1")
    #expect(reading.problems == [])
    #expect(
      reading.codings == [
        SheetCoding(
          line: 2, answer: AnswerKey(session: "S01", trial: "T2", participant: code("P01")), memories: 2, coder: "ORT2")
      ])
    #expect(reading.unfilledRows == 1)
  }

  @Test func aSheetSavedWithSemicolonsByAFrenchSpreadsheetIsRead() {
    let text = Self.header.replacingOccurrences(of: ",", with: ";") + "S01;T1;P01;;\"le bal, la ferme\";;;3;NP-2\n"
    let reading = MemoryCodingSheet.read(text, knownAnswers: Self.known, defaultCoder: nil)
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
    #expect(sheet.rows.map(\.answer) != answers.sorted(), "not in trial order: the protocol would show")
    #expect(try MemoryCodingSheet(database: database).rows == sheet.rows, "the same order every time")
    let csv = sheet.csv
    for hidden in ["condition", "image_scent", "cafe", "verger", "bal"] {
      #expect(!csv.contains(hidden), "\(hidden) would tell the coder the condition")
    }
    let transcribed = try #require(sheet.rows.first { $0.answer.trial == "T2" && $0.answer.participant == code("P01") })
    #expect(
      transcribed.fields == [
        "S01", "T2", "P01", "audio/T2-P01.wav", "le jour de mon mariage en 1962 , il pleuvait .", "1",
        "1. [specific] le jour de mon mariage en 1962 il pleuvait", "", "",
      ])
  }
}
