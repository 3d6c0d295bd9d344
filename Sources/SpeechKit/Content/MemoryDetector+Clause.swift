/// One clause of an answer as the memory rules read it.
extension MemoryDetector {
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
    /// Names a year ("en 1938"): one occasion, unless a stretch of time comes with it ("trois mois
    /// à l'isolement").
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
}
