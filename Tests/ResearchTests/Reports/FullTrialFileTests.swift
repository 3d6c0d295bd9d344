import Foundation
import TestSupport
import Testing

/// Writes the full trial (11,700 answers) to a database file and leaves it there, for timing the
/// `connectage report` commands on it (docs/PERFORMANCE.md). Runs only when asked:
/// `CONNECTAGE_WRITE_FULL_TRIAL=1 swift test --skip-build --filter FullTrialFileTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CONNECTAGE_WRITE_FULL_TRIAL"] == "1"))
struct FullTrialFileTests {
  @Test func writesTheFullTrial() throws {
    let trial = try SyntheticTrial(design: .fullTrial)
    let answers = try trial.database.measures.fetchAll().count
    print("full trial: \(answers) answers in \(trial.databasePath)")
    #expect(answers == 11_700)
  }
}
