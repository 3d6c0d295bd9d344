import Foundation
import Testing

/// Runs the built `connectage` binary on small transcripts and checks its exact output.
struct AnalyzeTranscriptCommandTests {
  static let binary = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent(".build/debug/connectage")

  static let answer = """
    @UTF8
    @Begin
    @Languages:\tfra
    @Participants:\tINV Investigator, PAR Participant
    *INV:\tqu'est-ce que ça vous évoque ?
    *PAR:\t&-euh <le café> [/] le café de ma mère (.) j'ai senti l'odeur xxx .
    *PAR:\tquand j'étais petite on allait chez ma grand-mère à la campagne .
    @End

    """

  struct Run {
    var status: Int32
    var output: String
    var error: String
  }

  func run(_ arguments: [String], files: [String: String], language: String? = nil) throws -> Run {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-transcript-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = ["analyze", "transcript"] + arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["CONNECTAGE_LANG"] = language
    process.environment = environment
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData, as: UTF8.self))
  }

  @Test func printsATableInFrench() throws {
    let result = try run(["reponse.cha"], files: ["reponse.cha": Self.answer])
    #expect(result.status == 0)
    #expect(result.error == "")
    #expect(
      result.output == """
        fichier      locuteur  mots  mots (élisions)  types   TTR  énoncés    MLU  hésitations  marqueurs  répétitions  idées  densité  souvenirs
        reponse.cha  PAR         19               22     18  0.95        2  11.00            1          0            1      9     4.74          1
        règles : wc-fr-chat-1.0 ; idées : pid-fr-rules-1.0 ; souvenirs : mem-fr-rules-1.0 (pré-codage automatique, à confirmer)

        """)
  }

  @Test func printsOneJSONObjectPerFileAndReportsBadFiles() throws {
    let result = try run(
      ["--jsonl", "reponse.cha", "mauvais.cha", "notes.txt"],
      files: [
        "reponse.cha": Self.answer, "mauvais.cha": "@UTF8\n@Begin\n*PAR:\tle café\n@End\n",
        "notes.txt": "Euh, je vois une tasse.",
      ])
    #expect(result.status == 2)
    #expect(
      result.output == """
        {"file":"reponse.cha","format":"chat","speaker":"PAR","ruleset":"wc-fr-chat-1.0","words":19,"words_split":22,"types":18,"ttr":0.9474,"utterances":2,"utterances_mlu":1,"mlu_w":11,"filled_pauses":1,"discourse_markers":0,"fragments":0,"unintelligible_tokens":1,"repetitions":1,"retracings":0,"retraced_words":2,"ideas_n":9,"idea_density":4.7368,"ideas_method":"pid-fr-rules-1.0","memories_n":1,"memories_specific_n":0,"memories_general_n":1,"memories_method":"mem-fr-rules-1.0"}
        {"file":"notes.txt","format":"text","speaker":"PAR","ruleset":"wc-fr-chat-1.0","words":4,"words_split":4,"types":4,"ttr":1,"utterances":1,"utterances_mlu":1,"mlu_w":4,"filled_pauses":1,"discourse_markers":0,"fragments":0,"unintelligible_tokens":0,"repetitions":0,"retracings":0,"retraced_words":0,"ideas_n":1,"idea_density":2.5,"ideas_method":"pid-fr-rules-1.0","memories_n":0,"memories_specific_n":0,"memories_general_n":0,"memories_method":"mem-fr-rules-1.0"}

        """)
    #expect(
      result.error == """
        mauvais.cha:3:14: terminateur manquant : finissez l'énoncé par . ? ! ou +...
        1 fichier(s) sur 3 non analysé(s) ; corrigez-les et relancez.

        """)
  }

  @Test func analysesTheChosenSpeakerAndNamesAMissingOne() throws {
    let investigator = try run(["--jsonl", "--speaker", "INV", "reponse.cha"], files: ["reponse.cha": Self.answer])
    #expect(investigator.status == 0)
    #expect(investigator.output.contains("\"speaker\":\"INV\",\"ruleset\":\"wc-fr-chat-1.0\",\"words\":5,"))
    let missing = try run(["--speaker", "PA2", "reponse.cha"], files: ["reponse.cha": Self.answer], language: "en")
    #expect(missing.status == 2)
    #expect(
      missing.error == """
        reponse.cha:1:1: speaker 'PA2' not found; speakers in the file: INV, PAR
        1 of 1 file(s) not analysed; fix them and run again.

        """)
  }
}
