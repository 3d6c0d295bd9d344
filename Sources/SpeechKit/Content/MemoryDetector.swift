/// Pre-codes autobiographical memories in a French answer, for the therapist to confirm.
///
/// A clause is autobiographical when it narrates the past (imparfait, passé simple, passé
/// composé, plus-que-parfait) in the first person (`je`, `j'`, `nous`, `on`, `mon`, `ma`…), or
/// recalls in the first person ("je me souviens", "ça me rappelle"). Following past-tense
/// clauses continue the episode ("il pleuvait"). A new episode starts when the time anchor
/// changes ("à Noël" after "le jour de mon mariage"), when an anchored memory follows present-tense
/// commentary, or on "une autre fois". An episode is specific when anchored to one occasion (a
/// date, "un jour", "le jour de…", a one-off event such as a wedding) or told in the passé composé
/// with a time or place, and general when habitual ("tous les", "le dimanche", "quand j'étais petite").
public struct MemoryDetector: Sendable {
  /// Reported as `memories_method` by `analyze transcript --jsonl`, and kept with every saved coding.
  public static let method = "mem-fr-rules-1.0"

  public var analyzer: IdeaDensityAnalyzer

  public init(analyzer: IdeaDensityAnalyzer = IdeaDensityAnalyzer()) {
    self.analyzer = analyzer
  }

  /// Memories of one speaker; `[+ exc]` and `[+ bch]` utterances are left out.
  public func detect(in transcript: Transcript, speaker: String) -> [EvokedMemory] {
    let utterances = transcript.utterances(of: speaker)
    return detect(in: utterances.map { (analyzer.counter.count(utterance: $0.text), $0.start) })
  }

  /// Memories in counted utterances with their optional onset times.
  public func detect(in utterances: [(utterance: CountedUtterance, start: Double?)]) -> [EvokedMemory] {
    var episodes: [Episode] = []
    var current: Episode?
    var interrupted = false
    for (counted, start) in utterances where !counted.isExcluded && !counted.isBackchannel {
      for clause in clauses(of: counted, start: start) {
        let isMemory = (clause.past || clause.recalls) && clause.personal
        if isMemory {
          if let open = current {
            let anchors = clause.timeCues.union(clause.placeCues)
            let timeShift =
              !clause.timeCues.isEmpty && !open.timeCues.isEmpty && clause.timeCues.isDisjoint(with: open.timeCues)
            let resumed =
              interrupted && !anchors.isEmpty && anchors.isDisjoint(with: open.timeCues.union(open.placeCues))
            if timeShift || resumed || clause.startsAnotherEpisode {
              episodes.append(open)
              current = Episode(clause)
            } else {
              current?.add(clause)
            }
          } else {
            current = Episode(clause)
          }
          interrupted = false
        } else if clause.past, current != nil {
          current?.add(clause)
          interrupted = false
        } else if current != nil, !clause.tokens.isEmpty {
          interrupted = true
        }
      }
    }
    if let open = current { episodes.append(open) }
    return episodes.map(\.memory)
  }

  // MARK: - Clauses

  struct Clause {
    var words: [String] = []
    var tokens: [String] = []
    var start: Double?
    var past = false
    var punctualPast = false
    var recalls = false
    var personal = false
    var timeCues: Set<String> = []
    var placeCues: Set<String> = []
    var personCues: Set<String> = []
    var specific = false
    var habitual = false
    var startsAnotherEpisode = false
  }

  struct Episode {
    var clauses: [Clause]
    var timeCues: Set<String>
    var placeCues: Set<String>

    init(_ clause: Clause) {
      clauses = [clause]
      timeCues = clause.timeCues
      placeCues = clause.placeCues
    }

    mutating func add(_ clause: Clause) {
      clauses.append(clause)
      timeCues.formUnion(clause.timeCues)
      placeCues.formUnion(clause.placeCues)
    }

    var memory: EvokedMemory {
      let habitual = clauses.contains(where: \.habitual)
      let specificCue = clauses.contains(where: \.specific)
      let anchored = !timeCues.isEmpty || !placeCues.isEmpty
      let punctual = clauses.contains(where: \.punctualPast)
      let isSpecific = !habitual && (specificCue || punctual && anchored)
      let people = clauses.reduce(into: Set<String>()) { $0.formUnion($1.personCues) }
      var text = ""
      for word in clauses.flatMap(\.words) {
        if !text.isEmpty, !text.hasSuffix("'") { text += " " }
        text += word
      }
      return EvokedMemory(
        specificity: isSpecific ? .specific : .general, text: text,
        cues: timeCues.sorted() + placeCues.sorted() + people.sorted(), start: clauses.first?.start)
    }
  }

  private typealias Lexicon = FrenchLexicon

  private static let clauseOpeners: Set<String> = ["et", "mais", "puis", "ensuite", "après", "alors"]
  private static let clauseSubjects: Set<String> = [
    "je", "j'", "on", "nous", "il", "elle", "ils", "elles", "c'", "ça", "tu", "vous", "y", "ma", "mon", "mes",
  ]

  func clauses(of counted: CountedUtterance, start: Double?) -> [Clause] {
    var words: [String] = []
    var breaks = Set<Int>()
    for (index, word) in counted.words.enumerated() {
      if counted.clauseStarts.contains(index) { breaks.insert(words.count) }
      words += analyzer.counter.splitElisions(word)
    }
    let tokens = words.map { $0.lowercased() }
    for index in tokens.indices.dropFirst()
    where Self.clauseOpeners.contains(tokens[index]) && index + 1 < tokens.count
      && Self.clauseSubjects.contains(tokens[index + 1])
    {
      breaks.insert(index)
    }
    breaks.insert(0)
    let starts = breaks.filter { $0 < tokens.count }.sorted()
    var ranges = starts.enumerated().map { offset, from in
      from..<(offset + 1 < starts.count ? starts[offset + 1] : tokens.count)
    }
    // A verbless stretch ("le jour de mon mariage en 1962,") or a "quand" clause frames the
    // clause that follows it.
    var merged: [Range<Int>] = []
    var pendingStart: Int?
    for (offset, range) in ranges.enumerated() {
      let hasVerb = range.contains { analyzer.verbForm(at: $0, in: tokens) != nil }
      let frames = ["quand", "lorsque", "lorsqu'"].contains(tokens[range.lowerBound]) && offset + 1 < ranges.count
      if hasVerb && !frames {
        merged.append((pendingStart ?? range.lowerBound)..<range.upperBound)
        pendingStart = nil
      } else if pendingStart == nil {
        pendingStart = range.lowerBound
      }
    }
    if let pendingStart {
      if let last = merged.popLast() {
        merged.append(last.lowerBound..<tokens.count)
      } else {
        merged.append(pendingStart..<tokens.count)
      }
    }
    ranges = merged
    return ranges.map { clause(words: Array(words[$0]), start: start) }
  }

  private static let days: Set<String> = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lundis", "mardis", "mercredis",
    "jeudis", "vendredis", "samedis", "dimanches",
  ]
  private static let seasonsAndMonths: Set<String> = [
    "été", "hiver", "printemps", "automne", "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre",
  ]
  /// Events that happen once in a life: a memory anchored on them is specific.
  private static let singleEvents: Set<String> = [
    "mariage", "communion", "baptême", "naissance", "enterrement", "accident", "libération", "déménagement",
    "opération", "certificat", "noces",
  ]
  private static let eraEvents: Set<String> = [
    "noël", "pâques", "vacances", "rentrée", "guerre", "occupation", "retraite", "anniversaire", "fête", "bal",
    "moisson", "moissons", "vendanges", "jeunesse", "enfance", "époque", "autrefois", "jadis", "années",
    "régiment", "service", "école", "pension", "colonie", "kermesse", "foire",
  ]
  private static let childhoodWords: Set<String> = [
    "petit", "petite", "petits", "petites", "gamin", "gamine", "gamins", "gosse", "gosses", "jeune", "jeunes",
    "enfant", "enfants", "môme", "mômes",
  ]
  private static let habitualWords: Set<String> = [
    "chaque", "toujours", "souvent", "habitude", "parfois", "quelquefois", "autrefois", "jadis", "époque",
    "années", "enfance", "jeunesse",
  ]
  /// Two-word phrases naming one occasion, as "previous next".
  private static let specificPairs: Set<String> = [
    "un jour", "une fois", "ce jour-là", "le jour", "première fois", "dernière fois", "ce soir-là", "ce matin-là",
    "cette fois", "cette année-là", "cet été-là", "ce jour", "un soir", "un matin", "un dimanche", "cette nuit-là",
  ]
  private static let imperfectOfEtre: Set<String> = ["étais", "était", "étions", "étiez", "étaient"]
  private static let formsOfAvoir: Set<String> = [
    "a", "avait", "ai", "as", "avons", "avez", "ont", "avaient", "aurait",
  ]
  private static let skippedAfterAuxiliary: Set<String> = FrenchLexicon.negations.union([
    "ne", "n'", "y", "en", "bien", "toujours", "déjà", "jamais", "souvent", "beaucoup",
  ])

  private func clause(words: [String], start: Double?) -> Clause {
    var clause = Clause(words: words, tokens: words.map { $0.lowercased() }, start: start)
    let tokens = clause.tokens
    for (index, token) in tokens.enumerated() {
      let previous = index > 0 ? tokens[index - 1] : ""
      let next = index + 1 < tokens.count ? tokens[index + 1] : ""
      if Lexicon.firstPerson.contains(token) || Lexicon.firstPersonPossessives.contains(token) {
        clause.personal = true
      }
      if let form = analyzer.verbForm(at: index, in: tokens) {
        if form.tense.isPastByItself {
          clause.past = true
          if form.tense == .simplePast { clause.punctualPast = true }
        }
        if form.isAuxiliary, form.tense == .present || form.tense == .imperfect {
          var ahead = index + 1
          while ahead < tokens.count, ahead <= index + 3,
            Self.skippedAfterAuxiliary.contains(tokens[ahead])
          {
            ahead += 1
          }
          if ahead < tokens.count, Lexicon.pastParticiples.contains(tokens[ahead]) {
            clause.past = true
            if form.tense == .present { clause.punctualPast = true }
          }
        }
        if ["souvenir", "rappeler"].contains(form.infinitive),
          tokens[max(0, index - 2)..<index].contains(where: { ["me", "m'", "nous"].contains($0) })
        {
          clause.recalls = true
        }
      }
      // Time anchors.
      if token.count == 4, token.allSatisfy(\.isNumber), let year = Int(token), (1900...2035).contains(year) {
        clause.timeCues.insert(token)
        clause.specific = true
      }
      if token == "mille", next == "neuf" {
        clause.timeCues.insert("année")
        clause.specific = true
      }
      if Self.singleEvents.contains(token) {
        clause.timeCues.insert(token)
        clause.specific = true
      }
      if Self.eraEvents.contains(token)
        || Self.seasonsAndMonths.contains(token) && !(token == "été" && Self.formsOfAvoir.contains(previous))
      {
        clause.timeCues.insert(token)
      }
      if Self.days.contains(token) {
        clause.timeCues.insert(token)
        if ["le", "les", "tous", "chaque"].contains(previous) || token.hasSuffix("s") { clause.habitual = true }
      }
      if Self.childhoodWords.contains(token), Self.imperfectOfEtre.contains(previous) {
        clause.timeCues.insert("enfance")
        clause.habitual = true
      }
      if !previous.isEmpty, Self.specificPairs.contains(previous + " " + token) {
        clause.timeCues.insert(token.split(separator: "-").first.map(String.init) ?? token)
        clause.specific = true
      }
      if Self.habitualWords.contains(token) || (token == "tous" && ["les", "ces"].contains(next)) {
        clause.habitual = true
      }
      if token == "ans" || token == "années", tokens[..<index].contains("pendant") { clause.habitual = true }
      if ["le", "l'"].contains(previous), Self.seasonsAndMonths.contains(token) { clause.habitual = true }
      if token == "temps", previous == "le", index > 1, tokens[index - 2] == "dans" {
        clause.timeCues.insert("autrefois")
        clause.habitual = true
      }
      if token == "autre", ["fois", "souvenir", "jour"].contains(next) { clause.startsAnotherEpisode = true }
      // Place anchors.
      if token == "chez",
        let host = tokens[(index + 1)...].first(where: {
          !Lexicon.articles.contains($0) && !Lexicon.possessives.contains($0)
        })
      {
        clause.placeCues.insert("chez " + host)
      }
      if Lexicon.placeNouns.contains(token) {
        let window = tokens[max(0, index - 3)..<index]
        if window.contains(where: { ["à", "au", "aux", "dans", "en", "sur", "chez", "vers", "de"].contains($0) }) {
          clause.placeCues.insert(token)
        }
      }
      if Lexicon.kinship.contains(token) { clause.personCues.insert(token) }
    }
    if tokens.first == "sinon" { clause.startsAnotherEpisode = true }
    // "je ne me souviens plus" recalls nothing.
    if clause.recalls, tokens.contains(where: { Lexicon.negationParticles.contains($0) || $0 == "pas" }) {
      clause.recalls = false
    }
    return clause
  }
}
