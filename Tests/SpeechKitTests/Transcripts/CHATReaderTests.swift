import Foundation
import SessionModel
import Testing

@testable import SpeechKit

struct CHATReaderTests {
  @Test func readsHeadersTiersBulletsGemsAndWordTimes() throws {
    let transcript = try CHATReader.read(GoldenFile.data("session.cha"), file: "session.cha")
    #expect(transcript.format == .chat)
    #expect(transcript.headers.map(\.name) == ["Languages", "Participants", "ID", "ID", "Media"])
    #expect(transcript.declaredParticipants == ["INV", "PAR"])
    #expect(transcript.utterances.map(\.speaker) == ["INV", "PAR", "PAR", "INV", "PAR"])
    let answer = transcript.utterances[1]
    #expect(answer.text == "&-euh <le café> [/] le café de ma mère (.) le matin .")
    #expect(answer.start == 105.85)
    #expect(answer.end == 112.4)
    #expect(answer.words.count == 10)
    #expect(answer.words.first == TimedWord(text: "euh", start: 105.85, end: 106.2))
    #expect(answer.dependentTiers.map(\.name) == ["wor", "com"])
    #expect(answer.gem == Gem(label: "T03 image+odeur cafe", kind: .lazy))
    #expect(transcript.utterances[2].headersBefore == [CHATHeader(name: "Comment", value: "la patiente sourit")])
    #expect(transcript.utterances[3].gem == Gem(label: "T04 image seule", kind: .scoped))
    #expect(transcript.utterances[3].start == nil)
    #expect(try AnswerSpeaker.choose(in: transcript, file: "session.cha") == "PAR")
  }

  @Test func writesBackTheGoldenFileByteForByte() throws {
    let original = try GoldenFile.text("session.cha")
    let transcript = try CHATReader.read(text: original, file: "session.cha")
    #expect(CHATWriter.text(of: transcript) == original)
  }

  @Test func roundTripsWhatItWrites() throws {
    let typed = try PlainTextReader.read(
      text: "INV: qu'est-ce que ça vous évoque ?\nPAR: euh le le café. Ma mère, le matin…")
    let written = CHATWriter.text(of: typed)
    let reread = try CHATReader.read(text: written)
    #expect(CHATWriter.text(of: reread) == written)
    #expect(reread.utterances.map(\.text) == typed.utterances.map(\.text))
    #expect(try CHATReader.read(text: CHATWriter.text(of: reread)) == reread)
  }

  @Test func writesWordTimesAsAWorTier() throws {
    var utterance = Utterance(speaker: "PAR", text: "&-euh le café .", start: 1, end: 2.5)
    utterance.words = [
      TimedWord(text: "euh", start: 1, end: 1.2), TimedWord(text: "le", start: 1.5, end: 1.7),
      TimedWord(text: "café", start: 1.7, end: 2.5),
    ]
    let written = CHATWriter.text(of: Transcript(format: .asrJSON, utterances: [utterance]))
    #expect(
      written == """
        @UTF8
        @Begin
        @Languages:\tfra
        @Participants:\tPAR Participant
        @ID:\tfra|connectage|PAR|||||Participant|||
        *PAR:\t&-euh le café . \u{15}1000_2500\u{15}
        %wor:\teuh \u{15}1000_1200\u{15} le \u{15}1500_1700\u{15} café \u{15}1700_2500\u{15} .
        @End

        """)
    let reread = try CHATReader.read(text: written)
    #expect(reread.utterances[0].words == utterance.words)
  }

  static let malformed: [MalformedInput] = [
    MalformedInput(
      name: "missing terminator", text: "@UTF8\n@Begin\n*PAR:\tle café\n@End\n",
      message: "bad.cha:3:14: terminateur manquant : finissez l'énoncé par . ? ! ou +..."),
    MalformedInput(
      name: "unclosed bracket", text: "@Begin\n*PAR:\tle café [: cafe .\n",
      message: "bad.cha:2:15: crochet « [ » non fermé"),
    MalformedInput(
      name: "closing angle without opening", text: "*PAR:\tle café> [/] le café .\n",
      message: "bad.cha:1:14: chevron « > » sans « < »"),
    MalformedInput(
      name: "unclosed angle", text: "*PAR:\t<le café [/] le café .\n",
      message: "bad.cha:1:7: chevron « < » non fermé"),
    MalformedInput(
      name: "undeclared speaker", text: "@Participants:\tPAR Participant\n*PA1:\toui .\n",
      message: "bad.cha:2:2: locuteur « PA1 » absent de @Participants ; déclarez-le dans l'en-tête"),
    MalformedInput(
      name: "invalid speaker code", text: "*par:\toui .\n",
      message: "bad.cha:1:2: code de locuteur « par » invalide : 1 à 7 majuscules ou chiffres (PAR, INV, PA1)"),
    MalformedInput(
      name: "line without CHAT prefix", text: "@Begin\nbonjour .\n",
      message: "bad.cha:2:1: ligne inattendue : une ligne CHAT commence par @, * ou %"),
    MalformedInput(
      name: "malformed bullet", text: "*PAR:\toui . \u{15}12_\u{15}\n",
      message: "bad.cha:1:13: repère média invalide ; attendu ·début_fin· en millisecondes, début ≤ fin"),
    MalformedInput(
      name: "bullet ending before it starts", text: "*PAR:\toui . \u{15}500_100\u{15}\n",
      message: "bad.cha:1:13: repère média invalide ; attendu ·début_fin· en millisecondes, début ≤ fin"),
    MalformedInput(
      name: "dependent tier first", text: "@Begin\n%mor:\tn|café .\n",
      message: "bad.cha:2:1: ligne dépendante (%) avant toute ligne de locuteur (*)"),
    MalformedInput(
      name: "text after @End", text: "*PAR:\toui .\n@End\n*PAR:\tnon .\n",
      message: "bad.cha:3:1: texte après @End ; supprimez-le"),
    MalformedInput(
      name: "missing colon after the speaker", text: "*PAR oui .\n",
      message: "bad.cha:1:11: « : » manquant après le code du locuteur"),
  ]

  @Test(arguments: malformed)
  func refusesMalformedFilesWithPosition(_ example: MalformedInput) {
    #expect {
      try CHATReader.read(Data(example.text.utf8), file: "bad.cha")
    } throws: { error in
      (error as? TranscriptReadError)?.description == example.message
    }
  }

  @Test func namesTheByteThatIsNotUTF8() {
    var bytes = Array("@Begin\n*PAR:\tcaf".utf8)
    bytes.append(0xE9)
    bytes += Array(" .\n".utf8)
    do {
      _ = try CHATReader.read(Data(bytes), file: "latin1.cha")
      Issue.record("Latin-1 accepted")
    } catch {
      #expect(error.description == "latin1.cha:2:10: octets non UTF-8 ; réenregistrez le fichier en UTF-8")
      #expect(error.message(in: .english) == "latin1.cha:2:10: bytes that are not UTF-8; save the file again as UTF-8")
    }
  }

  @Test func joinsContinuationLines() throws {
    let transcript = try CHATReader.read(text: "*PAR:\tle café\n\tde ma mère .\n")
    #expect(transcript.utterances[0].text == "le café de ma mère .")
  }
}
