/// Counts idea units (propositions) in French speech, in the spirit of CPIDR and Densidées:
/// verbs, adjectives, adverbs, negations, prepositions, conjunctions, possessive and
/// demonstrative determiners, relative pronouns and numbers are propositions, with adjustments
/// (auxiliary + participle = 1, copula + attribute = 1, `aller` + infinitive = 1, `parce que` = 1,
/// articles, pronouns, interjections and discourse markers = 0). Rules: docs/speech-measures.md.
///
/// Rule set 1.1 counts `tout` as a quantifier and `dessus`, `dessous`, `là-haut` as adverbs, and
/// reads a present in -es without `tu` ("vendanges") and a clause-initial "été" as nouns.
public struct IdeaDensityAnalyzer: Sendable {
  /// Reported as `ideas_method` by `analyze transcript --jsonl`.
  public static let method = "pid-fr-rules-1.1"

  public var counter: FrenchWordCounter

  public init(counter: FrenchWordCounter = FrenchWordCounter()) {
    self.counter = counter
  }

  /// Idea density of one speaker: the propositions of its utterances but `[+ exc]` and `[+ bch]`
  /// ones, per ten of its `words` as the word count gives them.
  public func analyze(_ transcript: Transcript, speaker: String) -> IdeaDensity {
    analyze(transcript.utterances(of: speaker).map { counter.count(utterance: $0.text) })
  }

  public func analyze(_ utterances: [CountedUtterance]) -> IdeaDensity {
    var byKind: [String: Int] = [:]
    var ideas = 0
    // The denominator is the answer's `words`, so that `analyze`, the review page and the exports'
    // `ideas_n / words × 10` give one density: backchannels keep their words there (they carry no
    // proposition), and a typed number counts the words CHAT writes it with.
    let words = counter.totals(of: utterances, speaker: "").words
    for utterance in utterances where !utterance.isExcluded && !utterance.isBackchannel {
      for proposition in propositions(in: utterance.words) {
        ideas += 1
        byKind[proposition.kind.rawValue, default: 0] += 1
      }
    }
    return IdeaDensity(
      method: Self.method, ideas: ideas, words: words,
      density: words > 0 ? Double(ideas) * 10 / Double(words) : nil, byKind: byKind)
  }

  /// The tokens the analysis works on: counted words with elided clitics split, lower case.
  public func tokens(of words: [String]) -> [String] {
    words.flatMap { counter.splitElisions($0) }.map { $0.lowercased() }
  }

  /// The propositions among `words` (counted words of one utterance, as `CountedUtterance.words`).
  public func propositions(in words: [String]) -> [Proposition] {
    let tokens = tokens(of: words)
    let markers = discourseMarkerPositions(tokens)
    var result: [Proposition] = []
    for index in tokens.indices where !markers.contains(index) {
      if let kind = kind(at: index, in: tokens) {
        result.append(Proposition(token: tokens[index], index: index, kind: kind))
      }
    }
    return result
  }

  // MARK: - Rules

  private typealias Lexicon = FrenchLexicon

  /// "beaucoup de", "pas de", "près de": `de` belongs to the word before it.
  private static let quantityWords: Set<String> = [
    "pas", "plus", "beaucoup", "peu", "trop", "assez", "moins", "tant", "autant", "jamais", "près", "loin",
    "autour", "avant", "lors",
  ]
  private static let objectClitics: Set<String> = ["le", "la", "les", "l'"]
  /// Words that may stand between an auxiliary or copula and what follows ("n'a pas encore vu").
  private static let skippedBeforeParticiple: Set<String> = FrenchLexicon.negations
    .union(FrenchLexicon.negationParticles)
    .union(["y", "en", "très", "bien", "tout", "toujours", "déjà", "souvent", "si", "trop", "vraiment"])
  private static let cliticsBeforeInfinitive: Set<String> = [
    "me", "te", "se", "le", "la", "les", "lui", "leur", "y", "en", "m'", "t'", "s'", "l'", "ne", "n'", "pas", "nous",
    "vous",
  ]

  private func discourseMarkerPositions(_ tokens: [String]) -> Set<Int> {
    var positions = Set<Int>()
    let rules = counter.rules
    for (index, token) in tokens.enumerated() where rules.discourseMarkers.contains(token) {
      // "bon" after a determiner, an intensifier or "être" is the adjective ("un bon café").
      if token == "bon", index > 0 {
        let previous = tokens[index - 1]
        if Lexicon.articles.contains(previous) || Lexicon.adverbs.contains(previous)
          || Lexicon.verbForms[previous] != nil
        {
          continue
        }
      }
      positions.insert(index)
    }
    for marker in rules.multiwordDiscourseMarkers where !marker.isEmpty && marker.count <= tokens.count {
      for start in 0...(tokens.count - marker.count) where Array(tokens[start..<start + marker.count]) == marker {
        positions.formUnion(start..<start + marker.count)
      }
    }
    return positions
  }

  private func kind(at index: Int, in tokens: [String]) -> PropositionKind? {
    let token = tokens[index]
    let previous = index > 0 ? tokens[index - 1] : nil
    let next = index + 1 < tokens.count ? tokens[index + 1] : nil

    if token == "du", let previous {
      // "l'odeur du café", "je me souviens du marché": de + le; "il faisait du café": partitive.
      if let form = Lexicon.verbForms[previous], !Lexicon.verbsTakingDe.contains(form.infinitive) { return nil }
      if Lexicon.coordinators.contains(previous) || Lexicon.prepositions.contains(previous) { return nil }
      return .preposition
    }
    if Lexicon.interjections.contains(token) || Lexicon.articles.contains(token) { return nil }
    if Lexicon.possessives.contains(token) { return .determiner }
    if Lexicon.demonstrativesAndQuantifiers.contains(token) {
      // "ce que", "ce qui", "c'est": pronoun uses of "ce".
      if token == "ce", let next, ["qui", "que", "qu'", "dont", "est", "sont", "était", "n'", "ne"].contains(next) {
        return nil
      }
      return .determiner
    }
    if Lexicon.negationParticles.contains(token) { return nil }
    if token == "pas" || token == "jamais" || token == "plus" { return .negation }
    if token == "rien" || token == "personne" {
      let window = tokens[max(0, index - 4)..<index]
      return window.contains(where: { Lexicon.negationParticles.contains($0) }) ? .negation : nil
    }
    if Lexicon.relatives.contains(token) { return .relative }
    if token == "s'" { return next == "il" || next == "ils" ? .conjunction : nil }
    if token == "que" || token == "qu'" {
      // "parce que" and "est-ce que" count once (on "parce") or not at all.
      if let previous, ["parce", "est-ce", "afin", "bien"].contains(previous) { return nil }
      return .conjunction
    }
    if Lexicon.subordinators.contains(token) { return .conjunction }
    if Lexicon.coordinators.contains(token) {
      if token == "puis" || token == "ensuite", previous == "et" { return nil }
      return .conjunction
    }
    if Lexicon.prepositions.contains(token) {
      if token == "de" || token == "d'" {
        if let previous, Self.quantityWords.contains(previous) { return nil }
        // Partitive "de la", "de l'" after a verb or a coordinator ("et de la confiture").
        if let next, next == "la" || next == "l'" {
          if previous == nil || Lexicon.coordinators.contains(previous!) { return nil }
          if let form = Lexicon.verbForms[previous!], !Lexicon.verbsTakingDe.contains(form.infinitive) { return nil }
        }
      }
      if token == "à", previous == "jusqu'" || previous == "jusque" { return nil }
      if token == "en", let next {
        if next == "y" || isVerb(next, at: index + 1, in: tokens) { return nil }
      }
      return .preposition
    }
    if Lexicon.pronouns.contains(token) || Lexicon.firstPerson.contains(token) { return nil }
    if let form = Lexicon.verbForms[token], isVerb(token, at: index, in: tokens) {
      return verbProposition(form, at: index, in: tokens)
    }
    if Lexicon.numbers.contains(token) || (!token.isEmpty && token.allSatisfy(\.isNumber)) {
      if let previous, Lexicon.numbers.contains(previous) || previous.allSatisfy(\.isNumber) && !previous.isEmpty {
        return nil
      }
      return .number
    }
    if Lexicon.colourNouns.contains(token), let previous, Lexicon.articles.contains(previous) { return nil }
    if Lexicon.adjectives.contains(token) { return .adjective }
    if Lexicon.adverbs.contains(token) { return .adverb }
    if token.count >= 6, token.hasSuffix("ment"), !Lexicon.nounsInMent.contains(token) {
      if let previous, isDeterminer(previous) { return nil }
      return .adverb
    }
    return nil
  }

  /// Determiners, and "au" and "aux", which hold one ("au lit" is a bed, not "il lit").
  private func isDeterminer(_ token: String) -> Bool {
    Lexicon.articles.contains(token) || Lexicon.possessives.contains(token)
      || Lexicon.demonstrativesAndQuantifiers.contains(token) || token == "au" || token == "aux"
  }

  /// The verb form of the token at `index`, unless context makes it a noun homograph.
  func verbForm(at index: Int, in tokens: [String]) -> VerbForm? {
    isVerb(tokens[index], at: index, in: tokens) ? Lexicon.verbForms[tokens[index]] : nil
  }

  /// A known verb form read as a verb, not as its noun homograph ("la porte", "l'été", "en été").
  private func isVerb(_ token: String, at index: Int, in tokens: [String]) -> Bool {
    guard let form = Lexicon.verbForms[token] else { return false }
    // A present in -es is the second person, said after "tu" only: "vendanges", "courses".
    if form.tense == .present, token.hasSuffix("es"), index == 0 || tokens[index - 1] != "tu" { return false }
    // "Été." opening a clause is the season: the participle follows an auxiliary.
    if token == "été", index == 0 { return false }
    guard index > 0 else { return true }
    let previous = tokens[index - 1]
    if token == "été", ["en", "l'", "cet", "bel", "un", "chaque", "tout"].contains(previous) { return false }
    if isDeterminer(previous) {
      // "je la porte": an object clitic after a subject pronoun, not an article.
      if Self.objectClitics.contains(previous), index > 1, Lexicon.subjectPronouns.contains(tokens[index - 2]) {
        return true
      }
      return false
    }
    return true
  }

  private func verbProposition(_ form: VerbForm, at index: Int, in tokens: [String]) -> PropositionKind? {
    let finite = form.tense != .infinitive && form.tense != .pastParticiple && form.tense != .presentParticiple
    let skippable = Self.skippedBeforeParticiple
    var lookahead = index + 1
    while lookahead < tokens.count, lookahead <= index + 3, skippable.contains(tokens[lookahead]) { lookahead += 1 }
    let following = lookahead < tokens.count ? tokens[lookahead] : nil

    let followingIsParticiple = following.map { Lexicon.pastParticiples.contains($0) } ?? false
    if form.isAuxiliary, form.tense != .infinitive, followingIsParticiple {
      return nil  // auxiliary + participle is one proposition, counted on the participle
    }
    if form.infinitive == "être", let following {
      // Copula + attribute: the attribute carries the idea ("c'est beau", "il est dans la cuisine").
      if Lexicon.adjectives.contains(following) || Lexicon.prepositions.contains(following)
        || Lexicon.adverbs.contains(following) || followingIsParticiple
      {
        return nil
      }
    }
    if form.infinitive == "aller", finite {
      let clitics = Self.cliticsBeforeInfinitive
      var ahead = index + 1
      while ahead < tokens.count, ahead <= index + 4, clitics.contains(tokens[ahead]) { ahead += 1 }
      if ahead < tokens.count, Lexicon.verbForms[tokens[ahead]]?.tense == .infinitive { return nil }
    }
    return .verb
  }
}
