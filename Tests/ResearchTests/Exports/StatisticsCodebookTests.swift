import Foundation
import Testing

@testable import Research

/// The unit column of the codebook `stats --output` writes (the header check is StatsCommandTests').
@Suite struct StatisticsCodebookTests {
  static let summaryUnit =
    "unit of the row's measure: s, pauses, words, ideas, ideas per 10 words, memories or proportion"
  static let modelUnit = "unit of the row's measure (per session for session_number): s or ideas per 10 words"

  static func unit(_ file: String, _ column: String) -> String? {
    StatisticsCodebook.entries.first { $0.file == file && $0.column == column }?.unit
  }

  /// A column in the unit of each row's measure says so and lists the units those measures have:
  /// every measure for the summary, the continuous ones the mixed model fits.
  @Test func aColumnInItsRowsMeasureUnitListsTheUnitsItCanBe() {
    for column in ["mean", "sd", "median", "q1", "q3", "ci95_low", "ci95_high"] {
      #expect(Self.unit(StatisticsCodebook.summaryFile, column) == Self.summaryUnit, "\(column)")
    }
    for column in ["estimate", "std_error", "ci95_low", "ci95_high"] {
      #expect(Self.unit(StatisticsCodebook.mixedModelFile, column) == Self.modelUnit, "\(column)")
    }
  }

  /// The units listed are measures.csv's own: each measure's unit there is among them.
  @Test(arguments: StatisticsMeasure.allCases) func eachMeasuresUnitInMeasuresCSVIsListed(_ measure: StatisticsMeasure)
    throws
  {
    let unit = Codebook.entries.first { $0.file == Codebook.measuresFile && $0.column == measure.rawValue }?.unit
    let known = try #require(unit)
    #expect(!known.isEmpty)
    let summary = Self.unit(StatisticsCodebook.summaryFile, "mean") ?? ""
    let model = Self.unit(StatisticsCodebook.mixedModelFile, "estimate") ?? ""
    #expect(Self.listed(summary).contains(known))
    #expect(Self.listed(model).contains(known) == measure.isContinuous)
  }

  /// "unit of …: s, words or memories" → ["s", "words", "memories"].
  static func listed(_ unit: String) -> [String] {
    let list = unit.components(separatedBy: ": ").last ?? ""
    return list.replacingOccurrences(of: " or ", with: ", ").components(separatedBy: ", ")
  }

  /// Every unit is a unit's name, none for a name or a statistic, or one of the two sentences above.
  @Test func everyUnitIsAUnitOrSaysWhoseItIs() {
    let allowed: Set = ["", "participants", "answers", Self.summaryUnit, Self.modelUnit]
    for entry in StatisticsCodebook.entries {
      #expect(allowed.contains(entry.unit), "\(entry.file) \(entry.column): \(entry.unit)")
    }
  }
}
