import Foundation
import SessionModel
import Store
import TestSupport

@testable import Research

/// The seeded synthetic trial (10 patients × 13 sessions × 6 trials) the report tests share: made
/// once per test process, since every test only reads it.
enum SyntheticTrialReports {
  static let trial: SyntheticTrial = {
    do { return try SyntheticTrial() } catch { fatalError("the synthetic trial could not be made: \(error)") }
  }()

  static func database() throws -> SessionDatabase { try trial.database }
}
