import SessionModel
import Yams

extension ProtocolReader {
  /// `inclusion:`: the criteria `participants check` applies.
  func readInclusion(_ node: Node?) -> InclusionCriteria? {
    guard let node else { return InclusionCriteria.everyone }
    guard
      let entry = MappingReader(
        node,
        keys: [
          "months_since_stroke", "single_unilateral_stroke", "no_comprehension_or_expression_disorder",
          "smell_screening_done",
        ], problems: problems, what: LocalizedText(fr: "« inclusion »", en: "'inclusion'"))
    else { return nil }
    var criteria = InclusionCriteria()
    var failed = false
    if let monthsNode = entry.value("months_since_stroke") {
      if let range = readMonthRange(monthsNode) { criteria.monthsSinceStroke = range } else { failed = true }
    }
    for (key, path) in [
      ("single_unilateral_stroke", \InclusionCriteria.singleUnilateralStroke),
      ("no_comprehension_or_expression_disorder", \.noComprehensionOrExpressionDisorder),
      ("smell_screening_done", \.smellScreeningDone),
    ] {
      guard let flagNode = entry.value(key) else { continue }
      if let flag = values.boolean(flagNode, key: key) { criteria[keyPath: path] = flag } else { failed = true }
    }
    return failed ? nil : criteria
  }

  /// `{min: 1, max: 6}`, both within 0–120 months and `min` no more than `max`.
  private func readMonthRange(_ node: Node) -> ClosedRange<Int>? {
    guard
      let entry = MappingReader(
        node, keys: ["min", "max"], problems: problems,
        what: LocalizedText(fr: "« months_since_stroke »", en: "'months_since_stroke'"))
    else { return nil }
    let low = entry.required("min").flatMap { values.integer($0, key: "min", in: 0...120) }
    let highNode = entry.required("max")
    let high = highNode.flatMap { values.integer($0, key: "max", in: 0...120) }
    guard let low, let high, let highNode else { return nil }
    guard low <= high else {
      problems.report(
        LocalizedText(
          fr:
            "« months_since_stroke » : max (\(high)) est inférieur à min (\(low)). Écrivez par exemple {min: 1, max: 6}.",
          en: "'months_since_stroke': max (\(high)) is less than min (\(low)). Write for example {min: 1, max: 6}."),
        at: highNode)
      return nil
    }
    return low...high
  }

  /// `stratification:`: how `groups plan` forms groups; its arms must be the protocol's.
  func readStratification(_ node: Node?, arms: [ProtocolArm]?) -> Stratification?? {
    guard let node else { return .some(nil) }
    guard
      let entry = MappingReader(
        node, keys: ["by", "arms", "balance"], problems: problems,
        what: LocalizedText(fr: "« stratification »", en: "'stratification'"))
    else { return nil }
    var result = Stratification()
    var failed = false
    if let byNode = entry.required("by") {
      if let factor = values.choice(byNode, key: "by", as: Stratification.Factor.self) {
        result.by = factor
      } else {
        failed = true
      }
    } else {
      failed = true
    }
    if let armsNode = entry.value("arms") {
      if let armEntry = MappingReader(
        armsNode, keys: ["yes", "no"], problems: problems,
        what: LocalizedText(fr: "« stratification.arms »", en: "'stratification.arms'"))
      {
        let known = (arms ?? []).map(\.id)
        for (key, path) in [("yes", \Stratification.armWith), ("no", \.armWithout)] {
          guard let armNode = armEntry.value(key), let arm = values.slug(armNode, key: key) else { continue }
          if arms != nil, !known.contains(arm) {
            problems.report(
              ProblemText.unknownValue(
                arm, key: "stratification.arms.\(key)", suggestion: NearMiss.suggestion(for: arm, among: known),
                options: known),
              at: armNode)
            failed = true
          }
          result[keyPath: path] = arm
        }
      } else {
        failed = true
      }
    }
    if let balanceNode = entry.value("balance") {
      if let items = values.sequence(balanceNode, key: "balance") {
        for item in items {
          guard let factor = values.choice(item, key: "balance", as: Stratification.BalanceFactor.self) else {
            failed = true
            continue
          }
          if result.balance.contains(factor) {
            problems.report(ProblemText.duplicate(factor.rawValue, key: "balance"), at: item)
            failed = true
          }
          result.balance.append(factor)
        }
      } else {
        failed = true
      }
    }
    return failed ? nil : .some(result)
  }
}
