import Testing

@testable import SpeechKit

@Suite struct PromptMatcherTests {
  static let prompt = "À quoi cela vous fait-il penser ? Racontez-nous un souvenir."

  struct Case: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let draft: String
    /// How many of the draft's first words are the prompt; nil when none must be found.
    let promptWords: Int?
  }

  static let cases: [Case] = [
    Case(
      testDescription: "the prompt as written, then the answer",
      draft: "À quoi cela vous fait-il penser ? Racontez-nous un souvenir. Ça me rappelle le verger.",
      promptWords: 10),
    Case(
      testDescription: "the recogniser's spelling: no accents, homophones, split words",
      draft: "A quoi sa vous fait il penser racontez nous un souvenir ça me rappelle le verger",
      promptWords: 11),
    Case(
      testDescription: "a word of the prompt dropped",
      draft: "À quoi cela vous fait-il penser ? Racontez un souvenir. Le marché du samedi.", promptWords: 10),
    Case(
      testDescription: "the recording starts in the middle of the question",
      draft: "penser ? Racontez-nous un souvenir. Le jour de mon mariage.", promptWords: 5),
    Case(
      testDescription: "no prompt: the answer alone", draft: "Ça me rappelle le verger de mon grand-père.",
      promptWords: nil),
    Case(
      testDescription: "an answer sharing one word with the prompt",
      draft: "Un souvenir de vacances à la plage en Bretagne.", promptWords: nil),
    Case(testDescription: "an empty draft", draft: "", promptWords: nil),
  ]

  static func words(_ text: String) -> [TimedWord] {
    text.split(separator: " ").enumerated().map { index, word in
      TimedWord(text: String(word), start: Double(index) * 0.3, end: Double(index) * 0.3 + 0.25)
    }
  }

  @Test(arguments: cases)
  func findsWhereTheQuestionEnds(_ c: Case) {
    let match = PromptMatcher(prompt: Self.prompt).match(Self.words(c.draft))
    #expect(match?.wordCount == c.promptWords)
    if let match, let count = c.promptWords {
      #expect(match.end == Double(count - 1) * 0.3 + 0.25)
      #expect(match.similarity >= 0.7 && match.similarity <= 1)
    }
  }

  @Test func lettersFoldCaseAccentsAndPunctuation() {
    #expect(String(PromptMatcher.letters(of: "Qu'est-ce que Ça ? Été")) == "questcequecaete")
  }

  @Test(arguments: [
    ("abc", "xxabc", 0), ("abc", "abd", 1), ("abcz", "abc", 1), ("b", "abc", 1), ("xabc", "abc", 1),
  ])
  func distanceSkipsThePromptsBeginningForFree(_ draft: String, _ prompt: String, _ expected: Int) {
    #expect(PromptMatcher.distanceToPromptEnd(Array(draft), Array(prompt)) == expected)
  }
}
