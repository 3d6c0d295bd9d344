import Foundation
import Research
import SessionModel
import TestSupport

extension SyntheticTrialData {
  /// Speech durations as the mixed model reads them.
  var speechDurations: [MixedModelObservation] {
    rows.map {
      MixedModelObservation(
        participant: $0.participant, group: $0.group, site: $0.site, condition: $0.condition, session: $0.session,
        hasMemoryDisorder: $0.hasMemoryDisorder, value: $0.speechDuration)
    }
  }

  /// The speech durations in a CSV for R: participant, group, site, memory_disorder,
  /// session_number, condition, value.
  var speechDurationsCSV: String {
    var text = "participant,group,site,memory_disorder,session_number,condition,value\n"
    for row in rows {
      text +=
        "\(row.participant),\(row.group),\(row.site),\(row.hasMemoryDisorder ? 1 : 0),\(row.session),\(row.condition.rawValue),\(String(format: "%.17g", row.speechDuration))\n"
    }
    return text
  }
}
