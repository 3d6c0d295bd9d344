import Foundation
import Testing

@testable import SpeechKit

struct TextGridTests {
  static let expectedShortGrid = TextGrid(
    xmin: 0, xmax: 2.3,
    tiers: [
      TextGridTier(
        name: "PAR", xmin: 0, xmax: 2.3,
        content: .intervals([
          TextGridInterval(xmin: 0, xmax: 0.7, text: ""),
          TextGridInterval(xmin: 0.7, xmax: 1.6, text: "le \"café\" de ma mère"),
          TextGridInterval(xmin: 1.6, xmax: 2.3, text: ""),
        ])),
      TextGridTier(
        name: "events", xmin: 0, xmax: 2.3, content: .points([TextGridPoint(time: 0.9, mark: "odeur présentée")])),
    ])

  @Test func readsTheShortFormat() throws {
    #expect(try TextGridReader.readTextGrid(GoldenFile.data("short.TextGrid")) == Self.expectedShortGrid)
  }

  @Test func readsTheLongFormatItWrites() throws {
    let long = TextGridWriter.text(of: Self.expectedShortGrid)
    #expect(long.contains("        text = \"le \"\"café\"\" de ma mère\""))
    #expect(try TextGridReader.readTextGrid(text: long) == Self.expectedShortGrid)
  }

  enum Encoding: String, CaseIterable { case utf16LittleEndian, utf16BigEndian, utf8WithBOM, crlf, cr }

  @Test(arguments: Encoding.allCases)
  func readsEveryEncodingAndLineEnding(_ encoding: Encoding) throws {
    let text = try GoldenFile.text("short.TextGrid")
    let data: Data
    switch encoding {
    case .utf16LittleEndian:
      data = Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    case .utf16BigEndian:
      data = Data([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
    case .utf8WithBOM: data = Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))
    case .crlf: data = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    case .cr: data = Data(text.replacingOccurrences(of: "\n", with: "\r").utf8)
    }
    #expect(try TextGridReader.readTextGrid(data) == Self.expectedShortGrid)
  }

  @Test func ignoresCommentsAndAcceptsTimeForPoints() throws {
    let text = """
      File type = "ooTextFile"  ! written by hand
      Object class = "TextGrid"
      xmin = 0 xmax = 1 tiers? <exists> size = 1
      item [1]: class = "TextTier" name = "events" xmin = 0 xmax = 1
      points: size = 1 points [1]: time = 0.5 mark = "bip"
      """
    let grid = try TextGridReader.readTextGrid(text: text)
    #expect(grid.tiers[0].points == [TextGridPoint(time: 0.5, mark: "bip")])
  }

  @Test func writesTheSessionGoldenAndReadsItBack() throws {
    let transcript = try CHATReader.read(GoldenFile.data("session.cha"))
    let grid = TextGridWriter.textGrid(
      for: transcript, speechSegments: [(105.9, 109.5), (110.5, 112.4)], pauses: [(109.5, 110.5)], duration: 120)
    #expect(grid.tiers.map(\.name) == ["INV", "PAR", "PAR-words", "speech", "pauses"])
    for tier in grid.tiers {
      let intervals = tier.intervals
      #expect(intervals.first?.xmin == 0)
      #expect(intervals.last?.xmax == 120)
      #expect(zip(intervals, intervals.dropFirst()).allSatisfy { $0.xmax == $1.xmin && $0.xmax > $0.xmin })
    }
    let written = TextGridWriter.text(of: grid)
    let golden = try GoldenFile.text("session.TextGrid")
    if written != golden {
      try? written.write(toFile: "/tmp/session.TextGrid.actual", atomically: true, encoding: .utf8)
    }
    #expect(written == golden)
    #expect(try TextGridReader.readTextGrid(text: written) == grid)
    #expect(TextGridWriter.text(of: try TextGridReader.readTextGrid(text: written)) == written)
  }

  @Test func transcriptRoundTripsThroughATextGrid() throws {
    let transcript = try CHATReader.read(GoldenFile.data("session.cha"))
    let timed = Transcript(
      format: .textGrid,
      utterances: transcript.utterances.filter { $0.start != nil }.map {
        Utterance(speaker: $0.speaker, text: $0.text, start: $0.start, end: $0.end, words: $0.words)
      })
    var reread = try TextGridReader.read(TextGridWriter.data(of: TextGridWriter.textGrid(for: timed)))
    // Read from a file, each utterance knows its label's line; the round trip is about the rest.
    #expect(reread.utterances.allSatisfy { $0.line != nil })
    for index in reread.utterances.indices { reread.utterances[index].line = nil }
    #expect(reread == timed)
  }

  /// (silence label given, speech tier's labels, PAR tier's labels)
  @Test(
    "the silence label names the speech tier's gaps and no other tier's",
    arguments: [
      ("", ["", "speech", "", "speech", ""], ["", "le café", ""]),
      ("silence", ["silence", "speech", "silence", "speech", "silence"], ["", "le café", ""]),
    ])
  func silenceLabelNamesOnlyTheSpeechTiersGaps(_ label: String, _ speech: [String], _ spoken: [String]) throws {
    let transcript = Transcript(
      format: .chat, utterances: [Utterance(speaker: "PAR", text: "le café", start: 0.5, end: 1.5)])
    let grid = TextGridWriter.textGrid(
      for: transcript, speechSegments: [(0.5, 0.9), (1.1, 1.5)], duration: 2, silenceLabel: label)
    let reread = try TextGridReader.readTextGrid(text: TextGridWriter.text(of: grid), file: "labelled.TextGrid")
    #expect(reread.tier(named: "speech")?.intervals.map(\.text) == speech)
    #expect(reread.tier(named: "PAR")?.intervals.map(\.text) == spoken)
  }

  @Test func writesNumbersWithAPointWhateverTheLocale() {
    #expect(TextGridWriter.number(0) == "0")
    #expect(TextGridWriter.number(105.85) == "105.85")
    #expect(TextGridWriter.number(2.5) == "2.5")
  }

  static let malformed: [MalformedInput] = [
    MalformedInput(
      name: "not a Praat file", text: "\"Sound\"\n",
      message: "bad.TextGrid:1:1: ce n'est pas un fichier texte Praat (\"ooTextFile\" attendu)"),
    MalformedInput(
      name: "another Praat object", text: "\"ooTextFile\"\n\"Pitch\"\n",
      message: "bad.TextGrid:2:1: objet Praat « Pitch » : un TextGrid est attendu"),
    MalformedInput(
      name: "truncated",
      text: "\"ooTextFile\"\n\"TextGrid\"\n0\n2.3\n<exists>\n1\n\"IntervalTier\"\n\"PAR\"\n0\n2.3\n2\n0\n1\n\"oui\"\n",
      message: "bad.TextGrid:15:1: fin de fichier inattendue : début d'intervalle attendu(e)"),
    MalformedInput(
      name: "unclosed quote", text: "\"ooTextFile\"\n\"TextGrid\"\n0 1 <exists> 1\n\"IntervalTier\" \"PAR\n",
      message: "bad.TextGrid:4:16: guillemet « \" » non fermé"),
    MalformedInput(
      name: "unknown tier class", text: "\"ooTextFile\"\n\"TextGrid\"\n0 1 <exists> 1\n\"PointTier\" \"x\" 0 1 0\n",
      message: "bad.TextGrid:4:1: classe de tier « PointTier » inconnue : IntervalTier ou TextTier attendu"),
    MalformedInput(
      name: "text where a number belongs", text: "\"ooTextFile\"\n\"TextGrid\"\n\"zéro\"\n",
      message: "bad.TextGrid:3:1: nombre attendu (xmin)"),
    MalformedInput(
      name: "absurd interval count",
      text: "\"ooTextFile\"\n\"TextGrid\"\n0 1 <exists> 1\n\"IntervalTier\" \"x\" 0 1 99999999\n",
      message:
        "bad.TextGrid:4:24: nombre d'éléments invalide (nombre d'intervalles) : entier positif attendu, au plus le nombre de données du fichier"
    ),
    MalformedInput(
      name: "binary TextGrid", text: "ooBinaryFile\u{0}TextGrid",
      message: "bad.TextGrid:1:1: TextGrid binaire non pris en charge : dans Praat, enregistrez-le « as text file »"),
  ]

  @Test(arguments: malformed)
  func refusesMalformedGridsWithPosition(_ example: MalformedInput) {
    do {
      _ = try TextGridReader.readTextGrid(Data(example.text.utf8), file: "bad.TextGrid")
      Issue.record("accepted")
    } catch {
      #expect(error.description == example.message)
    }
  }
}

extension TextGridTests {
  @Test func namesTheLabelThatCannotBeRead() {
    let text =
      "\"ooTextFile\"\n\"TextGrid\"\n0 2 <exists> 1\n\"IntervalTier\" \"PAR\" 0 2 1\n0 2 \"chais [: je sais pas\"\n"
    do {
      _ = try TextGridReader.read(Data(text.utf8), file: "bad.TextGrid")
      Issue.record("accepted")
    } catch {
      #expect(
        error.description
          == "bad.TextGrid:5:5: tier « PAR », intervalle à 0 s : crochet « [ » non fermé")
    }
  }
}
