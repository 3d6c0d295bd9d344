import Foundation
import Testing

/// Runs the built `connectage` binary on small transcripts and checks its exact output.
struct AnalyzeTranscriptCommandTests {
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

  /// Runs `connectage analyze transcript arguments…` in a folder holding `files`, so messages
  /// name the files as the user typed them.
  func run(_ arguments: [String], files: [String: String], language: String? = nil) throws -> CommandRun {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("analyze-transcript-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
    return try CommandRun.connectage(
      ["analyze", "transcript"] + arguments, environment: language.map { ["CONNECTAGE_LANG": $0] } ?? [:],
      in: directory)
  }

  @Test func printsATableInFrench() throws {
    let result = try run(["reponse.cha"], files: ["reponse.cha": Self.answer])
    #expect(result.exitCode == 0)
    #expect(result.standardError == "")
    #expect(
      result.standardOutput == """
        fichier      locuteur  mots  mots (élisions)  types   TTR  énoncés    MLU  hésitations  marqueurs  répétitions  idées  densité  souvenirs
        reponse.cha  PAR         19               22     18  0.95        2  11.00            1          0            1      9     4.74          1
        règles : wc-fr-chat-1.0 ; idées : pid-fr-rules-1.1 ; souvenirs : mem-fr-rules-1.5 (pré-codage automatique, à confirmer)

        """)
  }

  @Test func printsOneJSONObjectPerFileAndReportsBadFiles() throws {
    let result = try run(
      ["--jsonl", "reponse.cha", "mauvais.cha", "notes.txt"],
      files: [
        "reponse.cha": Self.answer, "mauvais.cha": "@UTF8\n@Begin\n*PAR:\tle café\n@End\n",
        "notes.txt": "Euh, je vois une tasse.",
      ])
    #expect(result.exitCode == 2)
    #expect(
      result.standardOutput == """
        {"file":"reponse.cha","format":"chat","speaker":"PAR","ruleset":"wc-fr-chat-1.0","words":19,"words_split":22,"types":18,"ttr":0.9474,"utterances":2,"utterances_mlu":1,"mlu_w":11,"filled_pauses":1,"discourse_markers":0,"fragments":0,"unintelligible_tokens":1,"repetitions":1,"retracings":0,"retraced_words":2,"ideas_n":9,"idea_density":4.7368,"ideas_method":"pid-fr-rules-1.1","memories_n":1,"memories_specific_n":0,"memories_general_n":1,"memories_method":"mem-fr-rules-1.5"}
        {"file":"notes.txt","format":"text","speaker":"PAR","ruleset":"wc-fr-plain-1.0","words":4,"words_split":4,"types":4,"ttr":1,"utterances":1,"utterances_mlu":1,"mlu_w":4,"filled_pauses":1,"discourse_markers":0,"fragments":0,"unintelligible_tokens":0,"repetitions":0,"retracings":0,"retraced_words":0,"ideas_n":1,"idea_density":2.5,"ideas_method":"pid-fr-rules-1.1","memories_n":0,"memories_specific_n":0,"memories_general_n":0,"memories_method":"mem-fr-rules-1.5"}

        """)
    #expect(
      result.standardError == """
        mauvais.cha:3:14: terminateur manquant : finissez l'énoncé par . ? ! ou +...
        1 fichier(s) sur 3 non analysé(s) ; corrigez-les et relancez.

        """)
  }

  @Test func analysesTheChosenSpeakerAndNamesAMissingOne() throws {
    let investigator = try run(["--jsonl", "--speaker", "INV", "reponse.cha"], files: ["reponse.cha": Self.answer])
    #expect(investigator.exitCode == 0)
    #expect(investigator.standardOutput.contains("\"speaker\":\"INV\",\"ruleset\":\"wc-fr-chat-1.0\",\"words\":5,"))
    let missing = try run(["--speaker", "PA2", "reponse.cha"], files: ["reponse.cha": Self.answer], language: "en")
    #expect(missing.exitCode == 2)
    #expect(
      missing.standardError == """
        reponse.cha:1:1: speaker 'PA2' not found; speakers in the file: INV, PAR
        1 of 1 file(s) not analysed; fix them and run again.

        """)
  }
}
