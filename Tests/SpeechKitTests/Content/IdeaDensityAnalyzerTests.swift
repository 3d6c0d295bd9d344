import Testing

@testable import SpeechKit

struct IdeaDensityAnalyzerTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let rule: String
    let text: String
    let propositions: String
    var testDescription: String { rule }
  }

  static let cases: [Case] = [
    Case(
      rule: "verbs, prepositions; articles and nouns are not", text: "je vois une tasse sur la table",
      propositions: "vois sur"),
    Case(rule: "auxiliary + participle = 1", text: "j'ai bu du café", propositions: "bu"),
    Case(rule: "être auxiliary + participle = 1", text: "nous sommes partis", propositions: "partis"),
    Case(rule: "copula + adjective = 1", text: "c'est beau", propositions: "beau"),
    Case(rule: "copula + noun phrase counts the copula", text: "c'est ma mère", propositions: "est ma"),
    Case(rule: "aller + infinitive = 1", text: "on va manger", propositions: "manger"),
    Case(rule: "parce que = 1", text: "parce que je l'aime", propositions: "parce aime"),
    Case(rule: "et puis = 1", text: "et puis on dansait", propositions: "et dansait"),
    Case(rule: "negation: ne carries nothing, pas one", text: "je ne sais pas", propositions: "sais pas"),
    Case(
      rule: "adverbs in -ment, not nouns in -ment", text: "il marchait lentement dans l'appartement",
      propositions: "marchait lentement dans"),
    Case(
      rule: "possessive and demonstrative determiners", text: "mon père aimait cette chanson",
      propositions: "mon aimait cette"),
    Case(rule: "a number written in words counts once", text: "mille neuf cent cinquante", propositions: "mille"),
    Case(rule: "discourse markers are not propositions", text: "bon ben voilà en fait", propositions: ""),
    Case(rule: "bon after a determiner is an adjective", text: "un bon café", propositions: "bon"),
    Case(rule: "a noun homograph after an article", text: "la porte était ouverte", propositions: "ouverte"),
    Case(rule: "l'été is a noun, a été a participle", text: "l'été il a été malade", propositions: "malade"),
    Case(rule: "relative pronouns", text: "l'homme qui chante", propositions: "qui chante"),
    Case(rule: "imparfait of a first-group verb with a soft g", text: "on mangeait", propositions: "mangeait"),
    Case(rule: "partitive de la after a verb is an article", text: "je mange de la soupe", propositions: "mange"),
  ]

  @Test(arguments: cases)
  func marksPropositions(_ example: Case) throws {
    let words = try PlainTextNormalizer().utterances(in: example.text)
      .flatMap { FrenchWordCounter().count(utterance: $0).words }
    let found = IdeaDensityAnalyzer().propositions(in: words).map(\.token).joined(separator: " ")
    #expect(found == example.propositions)
  }

  @Test func computesDensityPerTenWords() throws {
    let transcript = try PlainTextReader.read(text: "Quand j'étais petite, on allait chez ma grand-mère à la campagne.")
    let density = IdeaDensityAnalyzer().analyze(transcript, speaker: "PAR")
    #expect(density.method == "pid-fr-rules-1.1")
    #expect(density.words == 11)
    #expect(density.ideas == 6)
    #expect(density.density == 60.0 / 11)
    #expect(density.byKind == ["conjunction": 1, "adjective": 1, "verb": 1, "preposition": 2, "determiner": 1])
  }

  /// One density everywhere: its denominator is the answer's `words`, which keeps a backchannel's
  /// words and counts a typed year as the words CHAT writes it with, as the exports divide by.
  @Test func dividesByTheWordCountsWords() throws {
    let transcript = try CHATReader.read(text: "*PAR:\til est né en 1958 .\n*PAR:\tmh oui . [+ bch]\n")
    let density = IdeaDensityAnalyzer().analyze(transcript, speaker: "PAR")
    let words = FrenchWordCounter().count(transcript, speaker: "PAR").words
    #expect(words == 10)
    #expect(density.words == words)
    #expect(density.ideas == 3)
    #expect(density.density == 30.0 / 10)
  }

  @Test func leavesRetracedWordsAndExcludedUtterancesOut() throws {
    let transcript = try CHATReader.read(
      text: "*PAR:\t<il mangeait> [//] il buvait du café .\n*PAR:\til dansait . [+ exc]\n")
    let density = IdeaDensityAnalyzer().analyze(transcript, speaker: "PAR")
    #expect(density.ideas == 1)
    #expect(density.words == 4)
  }
}
