/// Cutting an utterance into clauses and reading each clause's cues.
extension MemoryDetector {
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
    var dangling = false
    for (offset, range) in ranges.enumerated() {
      // A bare participle ("un jour de marché") or a preposition that looks like a verb
      // ("pendant la guerre") does not make a clause of its own: only a finite verb does.
      let verbs = range.filter {
        analyzer.verbForm(at: $0, in: tokens).map { Self.finiteTenses.contains($0.tense) } ?? false
      }.count
      let hasVerb = verbs > 0
      let isWhen = ["quand", "lorsque", "lorsqu'"].contains(tokens[range.lowerBound])
      let frames = isWhen && offset + 1 < ranges.count
      if hasVerb && !frames {
        // A "quand" clause the utterance ends on ("Quand j'étais infirmière à…"), with nothing
        // after it in the utterance to frame.
        if isWhen, verbs == 1, pendingStart == nil, merged.isEmpty { dangling = true }
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
    var clauses = ranges.map { clause(words: Array(words[$0]), start: start) }
    if dangling { clauses[clauses.count - 1].isDanglingWhen = true }
    return clauses
  }

  /// An unknown word in -é, -u or -i after a form of avoir ("j'ai calé", "j'ai moulu"): a
  /// participle the lexicon lacks.
  static func looksLikeParticiple(_ token: String) -> Bool {
    guard FrenchLexicon.verbForms[token] == nil, token.count >= 4, !nounsInE.contains(token) else { return false }
    if ["é", "ée", "és", "ées", "u", "ue", "us"].contains(where: { token.hasSuffix($0) }) { return true }
    return token.count >= 5 && token.hasSuffix("i") && !["aussi", "parmi", "merci", "midi"].contains(token)
  }

  /// An unknown word in -ait after a subject or an object pronoun ("mon père le moulait"): an
  /// imperfect the lexicon lacks.
  static func looksLikeImperfect(_ token: String, after previous: String) -> Bool {
    guard FrenchLexicon.verbForms[token] == nil, token.count >= 5 else { return false }
    let pronouns: Set<String> = [
      "je", "j'", "il", "elle", "on", "ils", "elles", "le", "la", "les", "l'", "me", "m'", "se", "s'", "lui", "y", "en",
      "ne", "n'", "nous", "vous",
    ]
    return pronouns.contains(previous) && ["ait", "aient", "ais"].contains(where: { token.hasSuffix($0) })
  }

  func clause(words: [String], start: Double?) -> Clause {
    var clause = Clause(words: words, tokens: words.map { $0.lowercased() }, start: start)
    let tokens = clause.tokens
    // Each token's verb reading, read once for every rule below.
    let forms = tokens.indices.map { analyzer.verbForm(at: $0, in: tokens) }
    for (index, token) in tokens.enumerated() {
      let previous = index > 0 ? tokens[index - 1] : ""
      let next = index + 1 < tokens.count ? tokens[index + 1] : ""
      if Lexicon.firstPerson.contains(token) || Lexicon.firstPersonPossessives.contains(token) {
        clause.personal = true
      }
      if Lexicon.firstPerson.contains(token) { clause.firstPersonPronoun = true }
      if ["hier", "avant-hier"].contains(token) {
        clause.timeCues.insert("hier")
        clause.occasionWords = true
        clause.specific = true
      }
      if !previous.isEmpty, Self.recentPairs.contains(previous + " " + token) {
        clause.timeCues.insert(previous + " " + token)
        clause.specific = true
        clause.occasionWords = true
      }
      // A birthday: "pour mes dix ans", "à mes 20 ans".
      if token == "ans", index >= 3, ["pour", "à"].contains(tokens[index - 3]),
        Lexicon.firstPersonPossessives.contains(tokens[index - 2])
      {
        clause.timeCues.insert("anniversaire")
        clause.specific = true
        clause.occasionWords = true
      }
      // Before any speaker's lifetime: the Great War, a year before 1925.
      if token == "guerre", next == "de", index + 2 < tokens.count,
        ["14", "quatorze", "14-18"].contains(tokens[index + 2])
      {
        clause.beforeLifetime = true
      }
      if token == "14-18" || (token == "première" && next == "guerre") { clause.beforeLifetime = true }
      if token.count == 4, token.allSatisfy(\.isNumber), let year = Int(token), (1800..<1925).contains(year) {
        clause.beforeLifetime = true
      }
      if Self.looksLikeImperfect(token, after: previous) { clause.past = true }
      if let form = forms[index] {
        // "Il voulait m'y emmener": a wish, not what happened.
        if form.infinitive == "vouloir", form.tense == .imperfect,
          forms[(index + 1)..<min(tokens.count, index + 4)].contains(where: { $0?.tense == .infinitive })
        {
          clause.hypothetical = true
        }
        if form.tense == .infinitive || form.tense == .pastParticiple { clause.nonFiniteVerb = true }
        // "J'aurais aimé…", "j'y serais allée": what did not happen.
        if form.tense == .conditional { clause.hypothetical = true }
        // "Il savait", "on pouvait": what someone knew or could do tells no past by itself.
        if form.tense.isPastByItself, !(form.tense == .imperfect && Self.statives.contains(form.infinitive)) {
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
          if ahead < tokens.count,
            Lexicon.pastParticiples.contains(tokens[ahead])
              || form.infinitive == "avoir" && Self.looksLikeParticiple(tokens[ahead])
          {
            clause.past = true
            if form.tense == .present {
              clause.punctualPast = true
              if let done = forms[ahead], Self.eventVerbs.contains(done.infinitive) {
                clause.namesOneEvent = true
              }
            }
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
        clause.dated = true
      }
      if token == "mille", next == "neuf" {
        clause.timeCues.insert("année")
        clause.specific = true
        clause.dated = true
      }
      if Self.singleEvents.contains(token) {
        clause.timeCues.insert(token)
        // "Après mon mariage", "jusqu'à mon mariage": a stretch of life that began or ended
        // then, not the day itself.
        if !tokens[max(0, index - 3)..<index].contains(
          where: ["après", "avant", "depuis", "jusqu'", "jusqu'à"].contains)
        {
          clause.specific = true
          clause.occasionWords = true
        }
      }
      if Self.eraEvents.contains(token)
        || Self.seasonsAndMonths.contains(token) && !(token == "été" && Self.formsOfAvoir.contains(previous))
      {
        clause.timeCues.insert(token)
      }
      if Self.days.contains(token) {
        clause.timeCues.insert(token)
        if ["le", "les", "tous", "chaque"].contains(previous) || token.hasSuffix("s") { clause.habitual = true }
        // "Dimanche." said alone: a fluent speaker puts one Sunday in a sentence ("Dimanche, je
        // suis allée…"); a telegraphic one drops the article of "le dimanche".
        if tokens.count == 1 { clause.habitual = true }
      }
      // "Quand j'étais petite", "Gamine, …": childhood, the era a memory is told in. The episode's
      // own verbs say whether it recurred ("on allait") or happened once ("je suis tombée").
      if Self.childhoodWords.contains(token), Self.imperfectOfEtre.contains(previous) || previous == "moi" || index == 0
      {
        clause.timeCues.insert("enfance")
      }
      if !previous.isEmpty, Self.specificPairs.contains(previous + " " + token) {
        if token.hasSuffix("-là") {
          clause.refersBack = true
        } else {
          clause.timeCues.insert(token.split(separator: "-").first.map(String.init) ?? token)
          if index <= 2 || index == 3 && tokens[0] == "et" { clause.opensOccasion = true }
        }
        clause.specific = true
        clause.occasionWords = true
      }
      if Self.habitualWords.contains(token) { clause.habitual = true }
      // "Tous les matins", "chaque été", "toutes les deux semaines"; not "tous les pupitres".
      if ["tous", "toutes", "chaque"].contains(token),
        tokens[(index + 1)...].prefix(3).drop(while: { ["les", "ces", "deux", "trois"].contains($0) }).first
          .map({ Self.timeUnits.contains($0) || Self.days.contains($0) || Self.seasonsAndMonths.contains($0) }) ?? false
      {
        clause.habitual = true
      }
      // A stretch: "vingt-huit mois", "trente ans aux chemins de fer"; not an age ("à vingt
      // ans", "j'avais quatorze ans") nor "il y a vingt ans".
      if ["ans", "années", "mois", "semaines"].contains(token), index >= 1, Self.isNumber(previous),
        index < 2
          || !["à", "avais", "avait", "mes", "ses", "nos", "leurs", "de", "a", "vers"].contains(tokens[index - 2])
      {
        clause.lasts = true
      }
      if token == "ans" || token == "années", tokens[..<index].contains("pendant") { clause.habitual = true }
      // "L'hiver" recurs; "l'hiver 56" is one winter, a stretch of time.
      if ["le", "l'"].contains(previous), Self.seasonsAndMonths.contains(token) {
        if Self.isNumber(next) { clause.lasts = true } else { clause.habitual = true }
      }
      if token == "temps", previous == "le", index > 1, tokens[index - 2] == "dans" {
        clause.timeCues.insert("autrefois")
        clause.habitual = true
      }
      if token == "autre", ["fois", "souvenir", "jour"].contains(next) { clause.startsAnotherEpisode = true }
      if Self.timesOfDay.contains(token) { clause.timeOfDay = true }
      // "Une fois par semaine", "deux fois par an": a habit, not one occasion.
      if token == "par", previous == "fois" || previous == "une", Self.timeUnits.contains(next) {
        clause.habitual = true
      }
      if token == "si", previous != "même", Lexicon.subjectPronouns.contains(next) { clause.hypothetical = true }
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
      if Self.familyNames.contains(token) { clause.namesFamily = true }
      if token == "enfants", previous == "les" { clause.namesHousehold = true }
      if token == "naissance", ["ma", "notre"].contains(previous), tokens[max(0, index - 3)..<index].contains("avant") {
        clause.beforeBirth = true
      }
      // "… avant que je naisse", "avant que je sois née".
      if ["naisse", "né", "née"].contains(token), tokens[max(0, index - 4)..<index].contains("avant"),
        tokens[max(0, index - 3)..<index].contains(where: { $0 == "je" || $0 == "j'" })
      {
        clause.beforeBirth = true
      }
      if ["né", "née", "nés", "nées"].contains(token), tokens[..<index].contains("pas"),
        tokens[..<index].contains(where: Lexicon.firstPerson.contains)
      {
        clause.beforeBirth = true
      }
    }
    if tokens.first == "sinon" { clause.startsAnotherEpisode = true }
    if let age = tokens.firstIndex(where: { ["avais", "avait"].contains($0) }), age + 2 < tokens.count,
      Self.isNumber(tokens[age + 1]), tokens[age + 2] == "ans",
      !tokens.indices.contains(where: {
        // A capitalised word is a name ("à Paris"), not a verb.
        $0 != age && words[$0].first?.isUppercase != true
          && forms[$0].map { Self.finiteTenses.contains($0.tense) } ?? false
      })
    {
      clause.statesAge = true
    }
    let opening = tokens.first == "et" ? tokens.dropFirst() : tokens[...]
    if let first = opening.first, Self.sequenceMarkers.contains(first),
      first != "plus" || opening.dropFirst().first == "tard"
    {
      clause.movesOn = true
    }
    // "Matin et soir": every day.
    if Set(tokens.filter(Self.timesOfDay.contains)).count > 1 { clause.habitual = true }
    // A present form said alone ("Cuisine…") is the noun it spells in a telegraphic answer.
    let finite = forms.contains {
      guard let form = $0 else { return false }
      return Self.finiteTenses.contains(form.tense) && !(tokens.count == 1 && form.tense == .present)
    }
    if !finite {
      if forms.contains(where: { $0?.tense == .pastParticiple }) {
        clause.isTelegraphic = true
        clause.past = true
        clause.punctualPast = true
        clause.personal = clause.personal || clause.kin
      } else {
        clause.isVerbless = true
      }
    }
    clause.presentVerb = forms.contains(where: { $0?.tense == .present })
    clause.narratePresent()
    // Papa and maman are the speaker's own; "les enfants" who did something one day are the
    // speaker's household ("le soir de Noël 1975, … les enfants ont fait un bonhomme").
    if clause.past, clause.namesFamily || clause.namesHousehold && clause.punctualPast { clause.personal = true }
    // What never happened is not a memory: "je n'ai jamais aimé le fromage"; nor what happened
    // before the speaker was born.
    // Spoken French often drops the "ne" ("je l'ai jamais vue").
    if tokens.contains("jamais") || clause.beforeBirth || clause.hypothetical {
      clause.past = false
      clause.punctualPast = false
      clause.recalls = false
    }
    if tokens.contains("sais"), tokens.contains(where: { ["plus", "pas"].contains($0) }),
      tokens.contains(where: { ["quand", "où", "quoi", "comment"].contains($0) })
    {
      clause.unplaced = true
    }
    // A recall naming nothing lived: "ça me rappelle mon enfance", "quelque chose".
    if clause.recalls,
      let verb = tokens.firstIndex(where: {
        ["rappelle", "rappelait", "souviens", "souvient", "rappelles"].contains($0)
      }),
      tokens.indices[(verb + 1)...].allSatisfy({
        Self.recallsOfNothing.contains(tokens[$0]) || Lexicon.kinship.contains(tokens[$0])
          || words[$0].first?.isUppercase == true
      })
    {
      clause.recalls = false
    }
    // "je ne me souviens plus" recalls nothing.
    if clause.recalls, tokens.contains(where: { Lexicon.negationParticles.contains($0) || $0 == "pas" }) {
      clause.recalls = false
    }
    return clause
  }
}
