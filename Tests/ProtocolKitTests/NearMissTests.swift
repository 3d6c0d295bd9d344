import Testing

@testable import ProtocolKit

@Suite struct NearMissTests {
  @Test(arguments: [
    ("pome", ["pomme", "poire", "rose"], "pomme"),
    ("vergr", ["verger", "plage"], "verger"),
    ("image_scnt", ["image", "image_game", "image_scent"], "image_scent"),
    ("paries", ["paires", "quelle-odeur"], "paires"),
    ("bon-odre", ["paires", "quelle-odeur", "autrefois-aujourdhui", "bon-ordre"], "bon-ordre"),
    ("trial_per_session", ["trials_per_session", "stimuli"], "trials_per_session"),
    ("Pomme", ["pomme"], "pomme"),
  ])
  func suggestsTheCloseWord(word: String, candidates: [String], expected: String) {
    #expect(NearMiss.suggestion(for: word, among: candidates) == expected)
  }

  @Test(arguments: [
    ("rose", ["foin", "miel"]),
    ("xyz", ["pomme", "citron"]),
    ("facile", ["easy", "medium", "hard"]),
  ])
  func staysSilentWhenNothingIsClose(word: String, candidates: [String]) {
    #expect(NearMiss.suggestion(for: word, among: candidates) == nil)
  }

  @Test(arguments: [
    ("", "abc", 3), ("abc", "abc", 0), ("pome", "pomme", 1), ("paries", "paires", 1), ("chat", "chien", 3),
  ])
  func editDistance(lhs: String, rhs: String, expected: Int) {
    #expect(NearMiss.editDistance(lhs, rhs) == expected)
  }
}
