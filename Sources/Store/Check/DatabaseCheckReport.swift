import SessionModel

/// What `db check` looked at and what it found.
public struct DatabaseCheckReport: Hashable, Sendable {
  public var participants: Int
  public var groups: Int
  public var sessions: Int
  public var events: Int
  public var recordings: Int
  public var problems: [DatabaseProblem]

  public init(
    participants: Int, groups: Int, sessions: Int, events: Int, recordings: Int, problems: [DatabaseProblem]
  ) {
    self.participants = participants
    self.groups = groups
    self.sessions = sessions
    self.events = events
    self.recordings = recordings
    self.problems = problems
  }

  public var isHealthy: Bool { problems.isEmpty }

  /// The report as a few plain sentences, one problem per line.
  public var summary: LocalizedText {
    let counts = LocalizedText(
      fr: "Vérifié : \(participants) participant(s), \(groups) groupe(s), \(sessions) séance(s), \(events) événement(s), \(recordings) enregistrement(s).",
      en: "Checked: \(participants) participant(s), \(groups) group(s), \(sessions) session(s), \(events) event(s), \(recordings) recording(s).")
    let verdict =
      switch problems.count {
      case 0: LocalizedText(fr: "Aucun problème trouvé.", en: "No problem found.")
      case 1: LocalizedText(fr: "1 problème trouvé :", en: "1 problem found:")
      default: LocalizedText(fr: "\(problems.count) problèmes trouvés :", en: "\(problems.count) problems found:")
      }
    let lines = problems.map(\.message)
    return LocalizedText(
      fr: ([counts.french, verdict.french] + lines.map { "- " + $0.french }).joined(separator: "\n"),
      en: ([counts.english, verdict.english] + lines.map { "- " + $0.english }).joined(separator: "\n"))
  }
}
