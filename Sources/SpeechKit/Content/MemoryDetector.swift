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
      // Within an utterance, `clauses(of:start:)` has already joined a frame to its clause. Words
      // in another utterance frame a telegraphic clause ("Moi… école… punie."); a frame with a verb
      // ("j'avais quatorze ans", "quand j'étais infirmière à…") and one occasion named without a
      // verb ("Mon premier jour chez Peugeot, en 1957. J'arrive à cinq heures…") frame any clause.
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
    guard verb && (person || anchor) || person && (concrete || narrative) || narrative && concrete else { return [] }
    let participle = clauses.contains(where: \.isTelegraphic)
    if !participle, clauses.contains(where: { $0.tokens.contains(where: Self.presentMarkers.contains) }) { return [] }
    var episodes: [Episode] = []
    for clause in clauses {
      let anchors = clause.timeCues.union(clause.placeCues)
      if let open = episodes.last,
        !(clause.specific && !clause.habitual && open.isExtended
          || clause.habitual && (open.hasSpecificCue || open.isSpecific)
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
}
