import SessionModel
import Yams

extension ProtocolReader {
  func readSchedule(_ node: Node?) -> ScheduleSettings? {
    var settings = ScheduleSettings()
    guard let node else { return settings }
    guard
      let entry = MappingReader(
        node, keys: ["start", "every_days", "months", "sessions", "weekends_open", "closures"], problems: problems,
        what: LocalizedText(fr: "« schedule »", en: "'schedule'"))
    else { return nil }
    var failed = false
    if let found = entry.value("start") {
      if let date = values.date(found, key: "start") { settings.start = date } else { failed = true }
    }
    if let found = entry.value("every_days") {
      if let value = values.integer(found, key: "every_days", in: 1...92) {
        settings.intervalDays = value
      } else {
        failed = true
      }
    }
    if let found = entry.value("months") {
      if let value = values.integer(found, key: "months", in: 1...36) {
        settings.durationMonths = value
      } else {
        failed = true
      }
    }
    if let found = entry.value("sessions") {
      if let value = values.integer(found, key: "sessions", in: 1...200) {
        settings.sessionCount = value
      } else {
        failed = true
      }
    }
    if let found = entry.value("weekends_open") {
      if let open = values.boolean(found, key: "weekends_open") {
        settings.closedWeekdays = open ? [] : [6, 7]
      } else {
        failed = true
      }
    }
    if let found = entry.value("closures") {
      if let closures = readClosures(found) { settings.closures = closures } else { failed = true }
    }
    return failed ? nil : settings
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
