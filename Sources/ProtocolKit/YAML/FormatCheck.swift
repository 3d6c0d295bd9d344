import SessionModel

/// Checks the `format:` line, so that a scent catalogue given as a protocol is named as such.
enum FormatCheck {
  static func expect(_ expected: String, in file: MappingReader, problems: ProblemCollector) -> Bool {
    guard let node = file.required("format") else { return false }
    guard let text = node.scalar?.string else {
      problems.report(ProblemText.expectedText("format"), at: node)
      return false
    }
    if text == expected { return true }
    if ProtocolFormat.all.contains(text) {
      problems.report(ProblemText.wrongFormat(text, expected: expected), at: node)
    } else {
      problems.report(
        ProblemText.unknownFormat(text, suggestion: NearMiss.suggestion(for: text, among: ProtocolFormat.all)),
        at: node)
    }
    return false
  }
}
