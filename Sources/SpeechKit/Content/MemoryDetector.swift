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
///
/// Rule set 1.1 adds, from the manual's definitions (C.4) and checked on the development answers
/// only: telegraphic answers ("Moi… école… punie. Pleuré.": a bare past participle after a first
/// person or a kin word narrates the past, and the verbless words before it frame it); a verbless
/// frame ("Un jour de marché, j'ai perdu…") anchors the memory that follows; what never happened
/// ("je n'ai jamais…"), a recall of nothing in particular ("ça me rappelle mon enfance",
/// "quelque chose"), a past the speaker cannot place ("… mais je ne sais plus quand") and events
/// before the speaker's lifetime told of someone else ("mon grand-père a fait la guerre de 14")
/// are not memories; "hier" and a birthday ("pour mes dix ans") name one occasion.
///
/// Rule set 1.2 adds, from the first held-out set's disagreements (that set then became
/// development): a telegraphic episode's bare participles are one completed event, so it is
/// specific unless something says it recurred; past clauses told before the speaker enters the
/// story set its scene ("Le soir de Noël 1975, la neige est tombée et les enfants ont fait…");
/// "papa", "maman" and the household's "les enfants" are the speaker's own; what happened
/// "avant ma naissance" is not lived; "Dimanche." said alone is the habitual Sunday.
///
/// Rule set 1.3 adds, from the second held-out set's disagreements (that set then became
/// development): an answer with no finite verb is read as a whole (`telegraphicMemories(in:)`);
/// one occasion told inside a habit, or a new place after "plus tard" or "après", is another
/// episode; a passé composé of a verb that happens once ("est tombé") is specific without an
/// anchor; the conditional and "si j'avais…" tell what did not happen; a recall naming only a
/// person ("ça me rappelle ma grand-mère") names nothing lived.
///
/// Rule set 1.4 adds, from the third and fourth held-out sets' disagreements (both then became
/// development): fragments with a story's time ("Usine… trente ans… Un jour… feu") tell the past
/// without a person or a verb; a stretch of time ("vingt-huit mois") is extended unless something
/// names one occasion; one occasion told after a background in the imperfect is another episode;
/// "j'avais quatorze ans" and a "quand" clause left alone frame what follows; "jamais" negates
/// without "ne"; the présent de narration of one named occasion is the past; "tous les", "chaque"
/// recur only before a time word; childhood is an era, not a habit; words the lexicon lacks are
/// read as participles or imperfects where only a verb can stand.
///
/// Rule set 1.5 adds, from the fifth and sixth held-out sets' disagreements (both then became
/// development): "et le jour où…", "une fois…" after another occasion is another episode, while
/// "ce matin-là" is the same one and a habit inside a period is the same period; one occasion
/// named without a verb ("Mon premier jour chez Peugeot, en 1957.") frames the next clause, in
/// the past or in the présent de narration; a year with a stretch of time ("en 1938… trois mois")
/// and a dated season ("l'hiver 1956") are periods; the imperfect of knowing or being able ("il
/// savait") tells nothing that happened; "jusqu'à mon mariage" is a period's end.
public struct MemoryDetector: Sendable {
  /// Reported as `memories_method` by `analyze transcript --jsonl`, and kept with every saved coding.
  public static let method = "mem-fr-rules-1.5"

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
    let clauses: [Clause] = utterances.filter { !$0.utterance.isExcluded && !$0.utterance.isBackchannel }
      .flatMap { self.clauses(of: $0.utterance, start: $0.start) }
    if !clauses.isEmpty, clauses.allSatisfy({ $0.isVerbless || $0.isTelegraphic }) {
      return telegraphicMemories(in: clauses)
    }
    var episodes: [Episode] = []
    var current: Episode?
    var interrupted = false
    // Verbless words waiting for the clause they frame ("Un jour de marché, …", "Moi… école…").
    var frame: Clause?
    // Past clauses told before anyone lived them ("Dimanche. A fait tarte. Moi mangé."): the
    // scene of the memory that follows, if one does.
    var scene: [Clause] = []
    for var clause in clauses {
      // "… bien avant ma naissance": what was just told, the speaker did not live.
      if clause.beforeBirth { current?.isBeforeBirth = true }
      if clause.isVerbless || clause.framesNext {
        frame = frame.map { $0.framing(clause) } ?? clause
        if current != nil, !clause.tokens.isEmpty { interrupted = true }
        continue
      }
      // Words in another utterance frame only a telegraphic clause ("Moi… école… punie."):
      // within an utterance, `clauses(of:start:)` has already joined a frame to its clause.
      // A frame with a verb ("j'avais quatorze ans", "quand j'étais infirmière à…") is the scene of
      // whatever follows it.
      // So is one occasion named without a verb ("Mon premier jour chez Peugeot, en 1957. J'arrive
      // à cinq heures…").
      if let framing = frame,
        clause.isTelegraphic || framing.framesNext || framing.specific && (clause.past || clause.presentVerb)
      {
        clause = framing.framing(clause)
        clause.narratePresent()
      }
      frame = nil
      let isMemory = (clause.past || clause.recalls) && clause.personal
      if isMemory || clause.past, let open = current {
        if open.isLeft(for: clause, interrupted: interrupted) {
          episodes.append(open)
          current = Episode(clause)
        } else {
          current?.add(clause)
        }
        interrupted = false
      } else if isMemory {
        current = Episode(scene: scene, clause)
        scene = []
        interrupted = false
      } else if clause.past {
        scene.append(clause)
      } else if !clause.tokens.isEmpty {
        scene = []
        if current != nil { interrupted = true }
        // "… mais je ne sais plus quand" places nothing of what came before.
        if clause.unplaced { current?.isUnplaced = true }
      }
    }
    if let open = current { episodes.append(open) }
    // A scene nothing followed completes the last episode ("…, j'avais dix ans."), or is told for
    // itself when it is a memory ("Quand on allait à la plage avec mes parents.").
    if let last = frame, last.framesNext, last.past, last.personal {
      if !episodes.isEmpty {
        episodes[episodes.count - 1].add(last)
      } else if last.isDanglingWhen {
        episodes.append(Episode(last))
      }
    }
    return episodes.filter(\.isLived).map(\.memory)
  }

  /// An answer with no finite verb ("Mer. Tous les ans. Sable. Et… une fois… méduse. Piqué.
  /// Pleuré."): its speaker left out subjects and auxiliaries, so it tells a lived past when it
  /// holds a participle or an infinitive with a person or an anchor, or a person with a concrete
  /// anchor ("Naissance. Ma fille. 1963."); a person or a vague era alone ("Moi… enfance") tells
  /// nothing lived. One occasion after a habit, or a habit after one occasion, is another episode.
  func telegraphicMemories(in fragments: [Clause]) -> [EvokedMemory] {
    // "Et…", "Après…" said alone belong to the fragment they lead to ("Après… mariage…").
    var clauses: [Clause] = []
    var leading: Clause?
    for fragment in fragments {
      if fragment.tokens.allSatisfy(Self.clauseOpeners.contains) {
        leading = leading.map { $0.framing(fragment) } ?? fragment
        continue
      }
      clauses.append(leading.map { $0.leading(fragment) } ?? fragment)
      leading = nil
    }
    let person = clauses.contains { $0.personal || $0.kin }
    let verb = clauses.contains(where: \.nonFiniteVerb)
    let concrete = clauses.contains {
      !$0.placeCues.isEmpty || !$0.timeCues.subtracting(Self.vagueEras).isEmpty || $0.timeOfDay
    }
    // "Un jour", "tous les ans", "toujours", "trente ans": a story's time, not a picture's.
    let narrative = clauses.contains { $0.specific || $0.habitual || $0.lasts }
    let anchor = concrete || narrative || clauses.contains { !$0.timeCues.isEmpty }
    guard verb && (person || anchor) || (person || narrative) && (concrete || narrative && person) else { return [] }
    let participle = clauses.contains(where: \.isTelegraphic)
    if !participle, clauses.contains(where: { $0.tokens.contains(where: Self.presentMarkers.contains) }) { return [] }
    var episodes: [Episode] = []
    for clause in clauses {
      let anchors = clause.timeCues.union(clause.placeCues)
      if let open = episodes.last,
        !(clause.specific && !clause.habitual && open.isExtended
          || clause.habitual && (open.hasSpecificCue || open.memory.specificity == .specific)
          || clause.movesOn && !anchors.isEmpty && anchors.isDisjoint(with: open.timeCues.union(open.placeCues)))
      {
        episodes[episodes.count - 1].add(clause)
      } else {
        episodes.append(Episode(clause))
      }
    }
    return episodes.map { episode in
      var told = episode
      told.isTelegraphic = true
      return told.memory
    }
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
    /// Its only sign of one occasion may be a year ("en 1938"): with a stretch of time ("trois
    /// mois à l'isolement") that is a period, not a day.
    var dated = false
    /// Names one occasion another way than a year: "un jour", "le jour de…", a wedding.
    var occasionWords = false
    /// Opens on another occasion: "un jour", "une fois", "le jour où", "le lendemain".
    var opensOccasion = false
    /// "ce jour-là", "ce matin-là": the same occasion again.
    var refersBack = false
    /// A present verb, for the présent de narration.
    var presentVerb = false
    var habitual = false
    var startsAnotherEpisode = false
    /// No finite verb and no past participle: a frame for what follows.
    var isVerbless = false
    /// No finite verb but a bare past participle ("punie", "tombé"): the past of a telegraphic
    /// answer, its auxiliary left out.
    var isTelegraphic = false
    /// "je", "me", "nous", "on"… (a possessive alone makes a clause personal, not this).
    var firstPersonPronoun = false
    /// A kin word ("papa", "ma sœur"): the clause's people are kin only.
    var kin: Bool { !personCues.isEmpty }
    /// "Trois mois à l'hôpital", "vingt-huit mois": a stretch of time, so not one occasion unless
    /// something names one ("mon accident, en 1980").
    var lasts = false
    /// "J'avais quatorze ans": the speaker's age, the frame of what follows, not an episode.
    var statesAge = false
    /// "Quand j'étais infirmière à…" left alone in its utterance: the frame of what follows.
    var isDanglingWhen = false
    var framesNext: Bool { statesAge || isDanglingWhen }
    /// "si j'avais…", "j'aurais aimé": a past that did not happen.
    var hypothetical = false
    /// A participle or an infinitive: the verb of a telegraphic answer ("Traire. Moi petite.").
    var nonFiniteVerb = false
    /// "matin", "soir", "nuit": a time of day, an anchor in a telegraphic answer only.
    var timeOfDay = false
    /// Opens with "plus tard", "après", "ensuite": the story moves on.
    var movesOn = false
    /// A passé composé of a verb that happens once ("est tombé", "a éclaté").
    var namesOneEvent = false
    /// A family member called by name alone ("papa", "mémé"): the speaker's own.
    var namesFamily = false
    /// "les enfants": in an old person's story, the household's children.
    var namesHousehold = false
    /// "… je ne sais plus quand": the speaker cannot place what they tell.
    var unplaced = false
    /// Anchored before any speaker's lifetime (a year before 1925, "la guerre de 14").
    var beforeLifetime = false
    /// Told as before the speaker was born ("bien avant ma naissance", "je n'étais pas née").
    var beforeBirth = false

    /// An opener said alone ("Après…") put before `clause`: its words, and what they mean there.
    func leading(_ clause: Clause) -> Clause {
      var led = framing(clause)
      led.movesOn = led.movesOn || tokens.contains(where: MemoryDetector.sequenceMarkers.contains)
      // "Après… mariage": a stretch of life that began then, not the wedding day.
      if tokens.contains(where: ["après", "avant", "depuis"].contains),
        !clause.timeCues.isDisjoint(with: MemoryDetector.singleEvents)
      {
        led.specific = false
        led.occasionWords = false
      }
      return led
    }

    /// The présent de narration: "Un jour, je rentre de l'école et je vois…" tells one past
    /// occasion in the present, anchored by what names it.
    mutating func narratePresent() {
      if specific, !habitual, !past, !hypothetical, presentVerb {
        past = true
        punctualPast = true
      }
    }

    /// This frame (verbless words) put before `clause`: the clause with the frame's words, anchors
    /// and person, and, when it is itself verbless with a bare past participle after a person
    /// ("Moi… punie", "Papa. Tombé."), the past of a telegraphic answer.
    func framing(_ clause: Clause) -> Clause {
      var framed = clause
      framed.words = words + clause.words
      framed.tokens = tokens + clause.tokens
      framed.start = start ?? clause.start
      framed.timeCues.formUnion(timeCues)
      framed.placeCues.formUnion(placeCues)
      framed.personCues.formUnion(personCues)
      framed.specific = specific || clause.specific
      framed.occasionWords = occasionWords || clause.occasionWords
      framed.dated = dated || clause.dated
      framed.habitual = habitual || clause.habitual
      framed.firstPersonPronoun = firstPersonPronoun || clause.firstPersonPronoun
      framed.beforeLifetime = beforeLifetime || clause.beforeLifetime
      framed.lasts = lasts || clause.lasts
      // A telegraphic answer names its people without pronouns: a kin word makes it personal.
      framed.personal = clause.personal || personal || (clause.isTelegraphic && (kin || clause.kin))
      return framed
    }
  }

  struct Episode {
    var clauses: [Clause]
    var timeCues: Set<String>
    var placeCues: Set<String>
    var isUnplaced = false
    var isBeforeBirth = false
    /// Told without subjects or auxiliaries: see `telegraphicMemories(in:)`.
    var isTelegraphic = false

    var isHabitual: Bool { clauses.contains(where: \.habitual) }
    /// Recurring or lasting: a habit, or a stretch of time.
    var isExtended: Bool { isHabitual || clauses.contains(where: \.lasts) }
    var hasSpecificCue: Bool { clauses.contains(where: \.specific) }

    /// Whether `clause` tells another occasion than this episode: another time, a new anchor
    /// after an interruption or after "plus tard", "une autre fois", or one occasion inside a
    /// habit ("on faisait les foins… Et une année, l'orage a éclaté").
    func isLeft(for clause: Clause, interrupted: Bool) -> Bool {
      let anchors = clause.timeCues.union(clause.placeCues)
      let isNewAnchor = !anchors.isEmpty && anchors.isDisjoint(with: timeCues.union(placeCues))
      // Another time: an occasion ("à Noël" after "le jour de mon mariage"), not the era both are
      // told in ("après l'école").
      let occasions = clause.timeCues.subtracting(MemoryDetector.backgroundEras)
      // "Ce matin-là" is the same occasion; a habit inside a period ("pendant des années… le
      // jeudi on répétait") is the same period.
      if clause.refersBack && !clause.movesOn { return false }
      let sameStretch = clause.habitual && isExtended && !clause.movesOn
      let timeShift =
        !sameStretch && !occasions.isEmpty && !timeCues.isEmpty && occasions.isDisjoint(with: timeCues)
      let occasionInHabit =
        clause.specific && !clause.habitual && (isExtended || !clauses.contains(where: \.punctualPast))
      // "Et le jour où on a vendu la maison…" after another day: another occasion.
      let anotherOccasion = clause.opensOccasion && hasSpecificCue
      return timeShift || (interrupted || clause.movesOn) && isNewAnchor || occasionInHabit || anotherOccasion
        || clause.startsAnotherEpisode
    }

    /// An episode opened by `clause`, the past clauses that set its `scene` before it.
    init(scene: [Clause] = [], _ clause: Clause) {
      clauses = scene + [clause]
      timeCues = clauses.reduce(into: []) { $0.formUnion($1.timeCues) }
      placeCues = clauses.reduce(into: []) { $0.formUnion($1.placeCues) }
    }

    mutating func add(_ clause: Clause) {
      clauses.append(clause)
      timeCues.formUnion(clause.timeCues)
      placeCues.formUnion(clause.placeCues)
    }

    /// Whether the speaker can have lived it: not anchored before their lifetime without them in
    /// it, and placed when they say they cannot place it.
    var isLived: Bool {
      if isBeforeBirth { return false }
      if clauses.contains(where: \.beforeLifetime), !clauses.contains(where: \.firstPersonPronoun) { return false }
      if isUnplaced || clauses.contains(where: \.unplaced), timeCues.isEmpty, placeCues.isEmpty { return false }
      return true
    }

    var memory: EvokedMemory {
      let punctual = clauses.contains(where: \.punctualPast)
      // Telegraphic speech drops the anchors a fluent speaker would give; its bare participles
      // are the passé composé's completed events ("Papa. Vélo. Tombé. Pleuré."). So is a verb
      // that happens once ("mon frère est tombé dans le lavoir").
      let telegraphic = isTelegraphic || clauses.allSatisfy(\.isTelegraphic)
      let lasts = clauses.contains(where: \.lasts)
      // The anchor must be the completed event's own: "j'ai senti l'odeur" then "quand j'étais
      // petite on allait à la campagne" is not one occasion at the campagne.
      let anchoredEvent = clauses.contains {
        $0.punctualPast && (!$0.timeCues.isEmpty || !$0.placeCues.isEmpty || $0.namesOneEvent)
      }
      let occasion = clauses.contains(where: \.occasionWords)
      let dated = clauses.contains(where: \.dated)
      let isSpecific =
        !isHabitual && (occasion || !lasts && (dated || anchoredEvent || punctual && telegraphic))
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
    "opération", "certificat", "noces", "incendie", "inondation", "tempête", "bombardement", "explosion",
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
    "toujours", "souvent", "habitude", "parfois", "quelquefois", "autrefois", "jadis", "époque",
    "années",
  ]
  /// Two-word phrases naming one occasion, as "previous next".
  private static let specificPairs: Set<String> = [
    "un jour", "une fois", "ce jour-là", "le jour", "première fois", "dernière fois", "ce soir-là", "ce matin-là",
    "cette fois", "cette année-là", "cet été-là", "ce jour", "un soir", "un matin", "un dimanche", "cette nuit-là",
    "le lendemain", "une année", "une nuit", "un après-midi", "la fois", "premier jour", "pleine nuit",
  ]
  private static let timeUnits: Set<String> = [
    "jour", "jours", "matin", "matins", "soir", "soirs", "nuit", "nuits", "an", "ans", "année", "années", "été",
    "étés", "hiver", "hivers", "printemps", "automne", "automnes", "mois", "semaine", "semaines", "week-end",
    "week-ends", "fois", "saison", "saisons", "midi", "midis",
  ]
  private static let numberWords: Set<String> = [
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt",
    "trente", "quarante", "cinquante", "soixante", "quelques", "plusieurs",
  ]
  private static func isNumber(_ token: String) -> Bool {
    token.allSatisfy(\.isNumber) && !token.isEmpty || numberWords.contains(token)
      || token.split(separator: "-").allSatisfy { numberWords.contains(String($0)) || $0 == "et" }
  }
  /// Eras a story is told in, not occasions: a new one does not start another episode.
  static let backgroundEras: Set<String> = [
    "école", "enfance", "jeunesse", "guerre", "occupation", "époque", "années", "autrefois", "jadis", "service",
    "régiment", "pension", "colonie", "retraite", "vacances",
  ]
  /// Eras that place nothing by themselves ("Moi… enfance").
  static let vagueEras: Set<String> = ["enfance", "jeunesse", "autrefois", "jadis", "époque", "années", "temps"]
  private static let timesOfDay: Set<String> = [
    "matin", "matins", "soir", "soirs", "nuit", "nuits", "midi", "après-midi", "aube",
  ]
  private static let statives: Set<String> = ["savoir", "pouvoir", "connaître", "croire", "penser"]
  /// "Maintenant", "aujourd'hui": a telegraphic answer about the present.
  private static let presentMarkers: Set<String> = ["maintenant", "aujourd'hui", "actuellement", "désormais"]
  private static let sequenceMarkers: Set<String> = ["après", "ensuite", "puis", "plus"]
  /// Verbs whose passé composé tells one happening, not a stretch of life ("j'ai travaillé à
  /// l'usine" is a stretch; "je suis tombée" happened once).
  private static let eventVerbs: Set<String> = [
    "tomber", "attraper", "casser", "perdre", "trouver", "rencontrer", "gagner", "naître", "mourir", "tuer",
    "brûler", "renverser", "éclater", "glisser", "sauver", "offrir", "recevoir", "emballer", "caler",
    "emboutir", "marier", "accoucher", "blesser", "couper", "piquer", "mordre", "exploser", "heurter", "rater",
    "écraser", "gifler", "déraper", "embrasser", "baptiser", "enterrer", "frapper", "voler", "noyer", "acheter",
  ]
  /// Words in -é that are nouns, not participles, after "a" ("il y a côté").
  private static let nounsInE: Set<String> = [
    "côté", "café", "année", "journée", "soirée", "matinée", "santé", "beauté", "liberté", "idée", "armée",
    "entrée", "musée", "lycée", "poupée", "purée", "société", "qualité", "moitié", "pitié", "amitié",
  ]
  /// What a speaker calls their own family without a possessive.
  private static let familyNames: Set<String> = [
    "papa", "maman", "mémé", "pépé", "mamie", "papi", "papy", "mémère", "pépère", "tonton", "tata",
  ]
  private static let imperfectOfEtre: Set<String> = ["étais", "était", "étions", "étiez", "étaient"]
  private static let finiteTenses: Set<VerbTense> = [.present, .imperfect, .simplePast, .future, .conditional]
  /// Pairs naming a recent day or one occasion, as "previous next".
  private static let recentPairs: Set<String> = [
    "autre jour", "semaine dernière", "année dernière", "an dernier", "mois dernier", "été dernier",
  ]
  /// What a recall may name without naming anything lived: "ça me rappelle mon enfance",
  /// "quelque chose", "le passé".
  private static let recallsOfNothing: Set<String> = FrenchLexicon.articles.union(FrenchLexicon.possessives).union([
    "enfance", "jeunesse", "passé", "temps", "autrefois", "quelque", "chose", "choses", "souvenir", "souvenirs",
    "ça", "cela", "de", "du", "des", "d'", "bien", "beaucoup", "un", "peu", "vieux", "bon", "bons", "beaux",
    "jeune", "petit", "petite", "quand", "mais", "je", "ne", "sais", "plus", "quoi", "pas", "oui", "trop", "tout",
  ])
  private static let formsOfAvoir: Set<String> = [
    "a", "avait", "ai", "as", "avons", "avez", "ont", "avaient", "aurait",
  ]
  private static let skippedAfterAuxiliary: Set<String> = FrenchLexicon.negations.union([
    "ne", "n'", "y", "en", "bien", "toujours", "déjà", "jamais", "souvent", "beaucoup",
  ])

  /// An unknown word in -é, -u or -i after a form of avoir ("j'ai calé", "j'ai moulu"): a
  /// participle the lexicon lacks.
  private static func looksLikeParticiple(_ token: String) -> Bool {
    guard FrenchLexicon.verbForms[token] == nil, token.count >= 4, !nounsInE.contains(token) else { return false }
    if ["é", "ée", "és", "ées", "u", "ue", "us"].contains(where: { token.hasSuffix($0) }) { return true }
    return token.count >= 5 && token.hasSuffix("i") && !["aussi", "parmi", "merci", "midi"].contains(token)
  }

  /// An unknown word in -ait after a subject or an object pronoun ("mon père le moulait"): an
  /// imperfect the lexicon lacks.
  private static func looksLikeImperfect(_ token: String, after previous: String) -> Bool {
    guard FrenchLexicon.verbForms[token] == nil, token.count >= 5 else { return false }
    let pronouns: Set<String> = [
      "je", "j'", "il", "elle", "on", "ils", "elles", "le", "la", "les", "l'", "me", "m'", "se", "s'", "lui", "y", "en",
      "ne", "n'", "nous", "vous",
    ]
    return pronouns.contains(previous) && ["ait", "aient", "ais"].contains(where: { token.hasSuffix($0) })
  }

  private func clause(words: [String], start: Double?) -> Clause {
    var clause = Clause(words: words, tokens: words.map { $0.lowercased() }, start: start)
    let tokens = clause.tokens
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
      if let form = analyzer.verbForm(at: index, in: tokens) {
        // "Il voulait m'y emmener": a wish, not what happened.
        if form.infinitive == "vouloir", form.tense == .imperfect,
          ((index + 1)..<min(tokens.count, index + 4)).contains(where: {
            analyzer.verbForm(at: $0, in: tokens)?.tense == .infinitive
          })
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
            Lexicon.pastParticiples.contains(tokens[ahead]) || form.infinitive == "avoir" && Self.looksLikeParticiple(tokens[ahead])
          {
            clause.past = true
            if form.tense == .present {
              clause.punctualPast = true
              if let done = analyzer.verbForm(at: ahead, in: tokens), Self.eventVerbs.contains(done.infinitive) {
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
        if !tokens[max(0, index - 3)..<index].contains(where: ["après", "avant", "depuis", "jusqu'", "jusqu'à"].contains) {
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
      if Self.childhoodWords.contains(token), Self.imperfectOfEtre.contains(previous) || previous == "moi" || index == 0 {
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
        index < 2 || !["à", "avais", "avait", "mes", "ses", "nos", "leurs", "de", "a", "vers"].contains(tokens[index - 2])
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
          && analyzer.verbForm(at: $0, in: tokens).map { Self.finiteTenses.contains($0.tense) } ?? false
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
    let negated = tokens.contains { Lexicon.negationParticles.contains($0) }
    // A present form said alone ("Cuisine…") is the noun it spells in a telegraphic answer.
    let finite = tokens.indices.contains {
      guard let form = analyzer.verbForm(at: $0, in: tokens) else { return false }
      return Self.finiteTenses.contains(form.tense) && !(tokens.count == 1 && form.tense == .present)
    }
    if !finite {
      if tokens.indices.contains(where: { analyzer.verbForm(at: $0, in: tokens)?.tense == .pastParticiple }) {
        clause.isTelegraphic = true
        clause.past = true
        clause.punctualPast = true
        clause.personal = clause.personal || clause.kin
      } else {
        clause.isVerbless = true
      }
    }
    clause.presentVerb = tokens.indices.contains(where: { analyzer.verbForm(at: $0, in: tokens)?.tense == .present })
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
