import Foundation
import SessionModel
import Testing

@testable import Research
@testable import Store

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct PlotTests {
  func words() throws -> MeasureStatistics {
    let report = StatisticsReport(
      snapshot: try ExportSnapshot.load(from: TrialStudyFixture.database()), measures: [.words, .memories])
    return report.measures[0]
  }

  /// Counts elements while parsing: a parse failure means the SVG is not well-formed XML.
  final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      counts[name, default: 0] += 1
    }
  }

  func elements(of svg: String) throws -> [String: Int] {
    let parser = XMLParser(data: Data(svg.utf8))
    let counter = ElementCounter()
    parser.delegate = counter
    try #require(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
    return counter.counts
  }

  struct PlotCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var language: Language
    var trajectory: Bool
    var texts: [String]
  }

  @Test(arguments: [
    PlotCase(
      testDescription: "box plot in French", language: .french, trajectory: false,
      texts: ["<title>Mots par condition</title>", ">Image et odeur</text>", ">n = 5 participants, 15 réponses</text>"]),
    PlotCase(
      testDescription: "box plot in English", language: .english, trajectory: false,
      texts: ["<title>Words by condition</title>", ">Image and game</text>", ">n = 6 participants, 18 answers</text>"]),
    PlotCase(
      testDescription: "trajectories in French", language: .french, trajectory: true,
      texts: [
        "<title>Mots au fil des séances</title>", ">Séance (une toutes les deux semaines)</text>",
        ">Image seule</text>",
      ]),
  ])
  func plotsAreWellFormedAndLabelledInTheReadersLanguage(_ plotCase: PlotCase) throws {
    let statistics = try words()
    let svg =
      plotCase.trajectory
      ? TrajectoryPlot.svg(of: statistics, language: plotCase.language)
      : BoxPlot.svg(of: statistics, language: plotCase.language)
    let counts = try elements(of: svg)
    for text in plotCase.texts { #expect(svg.contains(text), "\(text)") }
    // One colour per condition, from the colour-blind-safe palette.
    for colour in ["#0072B2", "#E69F00", "#009E73"] { #expect(svg.contains(colour)) }
    if plotCase.trajectory {
      #expect(counts["polyline"] == 3)
    } else {
      #expect(svg.components(separatedBy: "fill-opacity=\"0.25\"").count - 1 == 3)  // one box per condition
      #expect(counts["polygon"]! >= 3)  // a mean diamond per condition, at least
    }
  }

  @Test func anEmptyMeasureSaysSoInsteadOfDrawingNothing() throws {
    // Memories fall back to their automatic count, so only a study without answers has none.
    let empty = ExportSnapshot(
      study: nil, sessions: [], groups: [:], measures: [], recordings: [:], latestCodings: [:], events: [])
    let report = StatisticsReport(snapshot: empty, measures: [.memories])
    let svg = BoxPlot.svg(of: report.measures[0], language: .french)
    _ = try elements(of: svg)
    #expect(svg.contains(">Aucune donnée pour cette mesure</text>"))
  }

  @Test(arguments: [
    ([3.0, 17.5], 0.0, 20.0, 5.0), ([0.42, 0.61], 0.4, 0.65, 0.05), ([12.2, 22.1], 12.0, 24.0, 2.0),
    ([], 0.0, 1.0, 0.2),
  ])
  func axesEndOnRoundTicks(_ values: [Double], _ low: Double, _ high: Double, _ step: Double) {
    let axis = PlotAxis(values: values)
    #expect(abs(axis.low - low) < 1e-12 && abs(axis.high - high) < 1e-12 && abs(axis.step - step) < 1e-12)
    #expect(axis.ticks.first == axis.low && abs(axis.ticks.last! - axis.high) < 1e-12)
  }

  @Test(arguments: [(Language.french, "0,45"), (.english, "0.45")])
  func tickLabelsUseTheReadersDecimalSeparator(_ language: Language, _ label: String) {
    #expect(PlotAxis(values: [0.42, 0.61]).label(0.45, language: language) == label)
  }
}
