import SessionModel
import Yams

extension ProtocolReader {
  func readSchedule(_ node: Node?) -> ScheduleSettings? {
    let defaults = ScheduleSettings()
    guard let node else { return defaults }
    guard
      var reader = SettingsReader(
        node, keys: ["start", "every_days", "months", "sessions", "weekends_open", "closures"],
        what: LocalizedText(fr: "« schedule »", en: "'schedule'"), defaults: defaults, problems: problems)
    else { return nil }
    reader.read("start", into: \.start) { values.date($0, key: $1) }
    reader.read("every_days", into: \.intervalDays) { values.integer($0, key: $1, in: 1...92) }
    reader.read("months", into: \.durationMonths) { values.integer($0, key: $1, in: 1...36) }
    reader.read("sessions", into: \.sessionCount) { values.integer($0, key: $1, in: 1...200) }
    reader.read("weekends_open", into: \.closedWeekdays) { values.boolean($0, key: $1).map { $0 ? [] : [6, 7] } }
    reader.read("closures", into: \.closures) { node, _ in readClosures(node) }
    return reader.result
  }

  private func readClosures(_ node: Node) -> [ClosurePeriod]? {
    guard let items = values.sequence(node, key: "closures") else { return nil }
    var closures: [ClosurePeriod] = []
    var failed = false
    for item in items {
      if item.scalar != nil {
        if let date = values.date(item, key: "closures") {
          closures.append(ClosurePeriod(from: date))
        } else {
          failed = true
        }
        continue
      }
      guard item.mapping != nil else {
        problems.report(ProblemText.closureNeedsDateOrRange, at: item)
        failed = true
        continue
      }
      guard
        let entry = MappingReader(
          item, keys: ["from", "to", "reason"], problems: problems,
          what: LocalizedText(fr: "Chaque fermeture", en: "Each closure")),
        let fromNode = entry.required("from"),
        let from = values.date(fromNode, key: "from")
      else {
        failed = true
        continue
      }
      var to = from
      if let toNode = entry.value("to") {
        guard let date = values.date(toNode, key: "to") else {
          failed = true
          continue
        }
        guard date >= from else {
          problems.report(ProblemText.closureEndsBeforeStart(from, date), at: toNode)
          failed = true
          continue
        }
        to = date
      }
      let reason = entry.value("reason").flatMap { values.string($0, key: "reason") }
      closures.append(ClosurePeriod(from: from, to: to, reason: reason))
    }
    return failed ? nil : closures
  }
}
