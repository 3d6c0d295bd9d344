import SessionModel
import Yams

/// Turns scalar and sequence nodes into values, reporting each wrong one where it stands.
struct ValueReader {
  let problems: ProblemCollector

  func string(_ node: Node, key: String) -> String? {
    guard let scalar = node.scalar, !scalar.string.isEmpty else {
      problems.report(ProblemText.expectedText(key), at: node)
      return nil
    }
    return scalar.string
  }

  /// A lower-case identifier such as `espoir-avc` or `herbe-coupee`.
  func slug(_ node: Node, key: String) -> String? {
    guard let text = string(node, key: key) else { return nil }
    let allowed = text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
    }
    guard allowed, let first = text.unicodeScalars.first, ("a"..."z").contains(first) else {
      problems.report(ProblemText.notASlug(text, key: key), at: node)
      return nil
    }
    return text
  }

  func integer(_ node: Node, key: String, in range: ClosedRange<Int>) -> Int? {
    guard let scalar = node.scalar, let value = Int(scalar.string) else {
      problems.report(ProblemText.expectedInteger(key, found: node.scalar?.string), at: node)
      return nil
    }
    guard range.contains(value) else {
      problems.report(ProblemText.outOfRange(key, value: "\(value)", range: range), at: node)
      return nil
    }
    return value
  }

  func decimal(_ node: Node, key: String, in range: ClosedRange<Double>) -> Double? {
    guard let scalar = node.scalar, let value = Double(scalar.string) else {
      problems.report(ProblemText.expectedNumber(key, found: node.scalar?.string), at: node)
      return nil
    }
    guard range.contains(value) else {
      problems.report(
        ProblemText.outOfRange(key, value: scalar.string, low: "\(range.lowerBound)", high: "\(range.upperBound)"),
        at: node)
      return nil
    }
    return value
  }

  func boolean(_ node: Node, key: String) -> Bool? {
    switch node.scalar?.string {
    case "true", "True", "TRUE", "yes", "oui": return true
    case "false", "False", "FALSE", "no", "non": return false
    default:
      problems.report(ProblemText.expectedBoolean(key, found: node.scalar?.string), at: node)
      return nil
    }
  }

  func date(_ node: Node, key: String) -> CalendarDate? {
    guard let text = node.scalar?.string, let date = CalendarDate(text) else {
      problems.report(ProblemText.invalidDate(node.scalar?.string ?? "", key: key), at: node)
      return nil
    }
    return date
  }

  /// A value of a fixed list, such as a condition or a scent family, with a suggestion when misspelt.
  func choice<Value: RawRepresentable & CaseIterable>(
    _ node: Node, key: String, as type: Value.Type = Value.self
  ) -> Value? where Value.RawValue == String {
    guard let text = node.scalar?.string else {
      problems.report(ProblemText.expectedText(key), at: node)
      return nil
    }
    if let value = Value(rawValue: text) { return value }
    let options = Value.allCases.map(\.rawValue)
    problems.report(
      ProblemText.unknownValue(
        text, key: key, suggestion: NearMiss.suggestion(for: text, among: options), options: options),
      at: node)
    return nil
  }

  /// `{fr: "…", en: "…"}`: both languages are required so that neither is forgotten.
  func localizedText(_ node: Node, key: String) -> LocalizedText? {
    guard
      let mapping = MappingReader(
        node, keys: ["fr", "en"], problems: problems, what: ProblemText.bilingualText(key))
    else { return nil }
    let french = mapping.required("fr").flatMap { string($0, key: "fr") }
    let english = mapping.required("en").flatMap { string($0, key: "en") }
    guard let french, let english else { return nil }
    return LocalizedText(fr: french, en: english)
  }

  func sequence(_ node: Node, key: String) -> [Node]? {
    guard let sequence = node.sequence else {
      problems.report(ProblemText.expectedList(key), at: node)
      return nil
    }
    return Array(sequence)
  }
}
