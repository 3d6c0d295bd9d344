/// The short games a trial can include before the evocation task.
///
/// Every switch over a game, its view or its scene is exhaustive, so a new case here makes the
/// compiler list each place the game must be taught; docs/ARCHITECTURE.md ("How to add a game")
/// lists the files, and where each game's rules, scene and autopilot moves live.
public enum GameKind: String, CaseIterable, Hashable, Sendable, Codable {
  /// "Quelle odeur ?": a scent is released and each player picks the matching image.
  case whichScent = "quelle-odeur"
  /// Memory pairs played cooperatively by the whole group.
  case memoryPairs = "paires"
  /// "Autrefois et aujourd'hui": sort pictures into then and now.
  case thenAndNow = "autrefois-aujourdhui"
  /// "Le bon ordre": put the pictures of a process (apple tree, apple, pie) back in order.
  case rightOrder = "bon-ordre"

  public var title: LocalizedText {
    switch self {
    case .whichScent: LocalizedText(fr: "Quelle odeur ?", en: "Which scent?")
    case .memoryPairs: LocalizedText(fr: "Les paires", en: "Memory pairs")
    case .thenAndNow: LocalizedText(fr: "Autrefois et aujourd'hui", en: "Then and now")
    case .rightOrder: LocalizedText(fr: "Le bon ordre", en: "The right order")
    }
  }

  /// True when the game is about a released scent, so it needs one on its trial
  /// (and has no place in a clinical "image + game" condition, which must stay scentless).
  public var needsScent: Bool {
    switch self {
    case .whichScent: true
    case .memoryPairs, .thenAndNow, .rightOrder: false
    }
  }
}

/// How hard a game is. At ``easy`` nobody can fail: every answer is welcomed.
public enum Difficulty: String, CaseIterable, Hashable, Sendable, Codable {
  case easy, medium, hard
}
