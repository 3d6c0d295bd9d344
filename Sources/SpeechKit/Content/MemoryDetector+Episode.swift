/// One memory episode: the clauses that tell one occasion or one stretch of life.
extension MemoryDetector {
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
      // "Ce matin-là" is the same occasion; a habit inside a period ("pendant des années… le
      // jeudi on répétait") is the same period.
      if clause.refersBack && !clause.movesOn { return false }
      let anchors = clause.timeCues.union(clause.placeCues)
      let isNewAnchor = !anchors.isEmpty && anchors.isDisjoint(with: timeCues.union(placeCues))
      // Another time: an occasion ("à Noël" after "le jour de mon mariage"), not the era both are
      // told in ("après l'école").
      let occasions = clause.timeCues.subtracting(MemoryDetector.backgroundEras)
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

    /// One occasion, not a habit or a stretch of life.
    var isSpecific: Bool {
      let punctual = clauses.contains(where: \.punctualPast)
      // Telegraphic speech drops the anchors a fluent speaker would give; its bare participles
      // are the passé composé's completed events ("Papa. Vélo. Tombé. Pleuré.").
      let telegraphic = isTelegraphic || clauses.allSatisfy(\.isTelegraphic)
      let lasts = clauses.contains(where: \.lasts)
      // A completed event is one occasion when it has an anchor of its own ("j'ai senti l'odeur"
      // then "quand j'étais petite on allait à la campagne" is not one occasion at the campagne)
      // or happens once by nature ("mon frère est tombé dans le lavoir").
      let anchoredEvent = clauses.contains {
        $0.punctualPast && (!$0.timeCues.isEmpty || !$0.placeCues.isEmpty || $0.namesOneEvent)
      }
      let occasion = clauses.contains(where: \.occasionWords)
      let dated = clauses.contains(where: \.dated)
      return !isHabitual && (occasion || !lasts && (dated || anchoredEvent || punctual && telegraphic))
    }

    var memory: EvokedMemory {
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
}
