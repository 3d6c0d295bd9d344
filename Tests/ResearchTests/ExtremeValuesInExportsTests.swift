import Foundation
import Research
import SessionModel
import SpeechKit
import Store
import TestSupport
import Testing

/// Exports and statistics survive whatever values got into the database behind the Store's back
/// (StoreTests' `StoredValueRangeTests` shows `db check` reporting them).
@Suite struct ExtremeValuesInExportsTests {
  @Test func exportsAndStatisticsSurviveExtremeStoredValues() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, path) = try StoreFixtures.measuredFile(in: folder)
    #expect(try SQLiteShell.run(StoreFixtures.extremes, on: path).status == 0)
    let snapshot = try ExportSnapshot.load(from: SessionDatabase(path: path))

    let csv = try #require(try CSVExport().files(for: snapshot).first { $0.name == "measures.csv" })
    let lines = csv.contents.split(separator: "\n")
    #expect(lines.count == 7)
    let columns = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
    for line in lines {
      #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == columns)
      #expect(!line.contains("inf") && !line.contains("nan") && !line.contains("e+"))
    }
    // 1e308 is written out in full, an infinity is empty, Int64.max is itself.
    #expect(csv.contents.contains(String(format: "%.3f", 1e308)))
    #expect(csv.contents.contains(",9223372036854775807,"))
    // The rows whose empty fields hide an infinity or an unreadable count say so.
    let flagged = lines.dropFirst().filter { $0.contains(",stored_value_not_a_number,") }
    #expect(flagged.count == 2)

    let report = StatisticsReport(snapshot: snapshot, measures: StatisticsMeasure.allCases)
    let speech = try #require(report.measures.first { $0.measure == .speechDuration })
    #expect(speech.nonFiniteValuesSkipped == 2)
    #expect(speech.skippedValuesNote?.english.hasPrefix("2 stored value(s) that are not numbers") == true)
    #expect(report.measures.first { $0.measure == .words }?.nonFiniteValuesSkipped == 0)
    for file in StatisticsExport(language: .french).files(for: report) {
      #expect(!file.contents.isEmpty, "\(file.name)")
      if file.name.hasSuffix(".json") {
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) }
      }
      if file.name.hasSuffix(".svg") {
        #expect(!file.contents.contains("nan") && !file.contents.contains("inf"), "\(file.name)")
      }
    }
  }
}
