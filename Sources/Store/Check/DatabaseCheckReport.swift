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
    let french = [
      Self.count(participants, "participant", "participants"), Self.count(groups, "groupe", "groupes"),
      Self.count(sessions, "séance", "séances"), Self.count(events, "événement", "événements"),
      Self.count(recordings, "enregistrement", "enregistrements"),
    ]
    let english = [
      Self.count(participants, "participant", "participants", zeroIsPlural: true),
      Self.count(groups, "group", "groups", zeroIsPlural: true),
      Self.count(sessions, "session", "sessions", zeroIsPlural: true),
      Self.count(events, "event", "events", zeroIsPlural: true),
      Self.count(recordings, "recording", "recordings", zeroIsPlural: true),
    ]
    let counts = LocalizedText(
      fr: "Vérifié : \(french.joined(separator: ", ")).", en: "Checked: \(english.joined(separator: ", ")).")
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

  /// French puts 0 and 1 in the singular, English only 1.
  private static func count(_ number: Int, _ singular: String, _ plural: String, zeroIsPlural: Bool = false)
    -> String
  {
    let isSingular = number == 1 || (number == 0 && !zeroIsPlural)
    return "\(number) \(isSingular ? singular : plural)"
  }
}
