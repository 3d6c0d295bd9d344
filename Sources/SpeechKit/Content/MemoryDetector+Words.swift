/// The words the memory rules look for.
extension MemoryDetector {
  typealias Lexicon = FrenchLexicon

  static let clauseOpeners: Set<String> = ["et", "mais", "puis", "ensuite", "après", "alors"]
  static let clauseSubjects: Set<String> = [
    "je", "j'", "on", "nous", "il", "elle", "ils", "elles", "c'", "ça", "tu", "vous", "y", "ma", "mon", "mes",
  ]

  static let days: Set<String> = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lundis", "mardis", "mercredis",
    "jeudis", "vendredis", "samedis", "dimanches",
  ]
  static let seasonsAndMonths: Set<String> = [
    "été", "hiver", "printemps", "automne", "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre",
  ]
  /// Events that happen once in a life: a memory anchored on them is specific.
  static let singleEvents: Set<String> = [
    "mariage", "communion", "baptême", "naissance", "enterrement", "accident", "libération", "déménagement",
    "opération", "certificat", "noces", "incendie", "inondation", "tempête", "bombardement", "explosion",
  ]
  static let eraEvents: Set<String> = [
    "noël", "pâques", "vacances", "rentrée", "guerre", "occupation", "retraite", "anniversaire", "fête", "bal",
    "moisson", "moissons", "vendanges", "jeunesse", "enfance", "époque", "autrefois", "jadis", "années",
    "régiment", "service", "école", "pension", "colonie", "kermesse", "foire",
  ]
  static let childhoodWords: Set<String> = [
    "petit", "petite", "petits", "petites", "gamin", "gamine", "gamins", "gosse", "gosses", "jeune", "jeunes",
    "enfant", "enfants", "môme", "mômes",
  ]
  static let habitualWords: Set<String> = [
    "toujours", "souvent", "habitude", "parfois", "quelquefois", "autrefois", "jadis", "époque",
    "années",
  ]
  /// Two-word phrases naming one occasion, as "previous next".
  static let specificPairs: Set<String> = [
    "un jour", "une fois", "ce jour-là", "le jour", "première fois", "dernière fois", "ce soir-là", "ce matin-là",
    "cette fois", "cette année-là", "cet été-là", "ce jour", "un soir", "un matin", "un dimanche", "cette nuit-là",
    "le lendemain", "une année", "une nuit", "un après-midi", "la fois", "premier jour", "pleine nuit",
  ]
  static let timeUnits: Set<String> = [
    "jour", "jours", "matin", "matins", "soir", "soirs", "nuit", "nuits", "an", "ans", "année", "années", "été",
    "étés", "hiver", "hivers", "printemps", "automne", "automnes", "mois", "semaine", "semaines", "week-end",
    "week-ends", "fois", "saison", "saisons", "midi", "midis",
  ]
  static let numberWords: Set<String> = [
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt",
    "trente", "quarante", "cinquante", "soixante", "quelques", "plusieurs",
  ]
  static func isNumber(_ token: String) -> Bool {
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
  static let timesOfDay: Set<String> = [
    "matin", "matins", "soir", "soirs", "nuit", "nuits", "midi", "après-midi", "aube",
  ]
  static let statives: Set<String> = ["savoir", "pouvoir", "connaître", "croire", "penser"]
  /// "Maintenant", "aujourd'hui": a telegraphic answer about the present.
  static let presentMarkers: Set<String> = ["maintenant", "aujourd'hui", "actuellement", "désormais"]
  static let sequenceMarkers: Set<String> = ["après", "ensuite", "puis", "plus"]
  /// Verbs whose passé composé tells one happening, not a stretch of life ("j'ai travaillé à
  /// l'usine" is a stretch; "je suis tombée" happened once).
  static let eventVerbs: Set<String> = [
    "tomber", "attraper", "casser", "perdre", "trouver", "rencontrer", "gagner", "naître", "mourir", "tuer",
    "brûler", "renverser", "éclater", "glisser", "sauver", "offrir", "recevoir", "emballer", "caler",
    "emboutir", "marier", "accoucher", "blesser", "couper", "piquer", "mordre", "exploser", "heurter", "rater",
    "écraser", "gifler", "déraper", "embrasser", "baptiser", "enterrer", "frapper", "voler", "noyer", "acheter",
  ]
  /// Words in -é that are nouns, not participles, after "a" ("il y a côté").
  static let nounsInE: Set<String> = [
    "côté", "café", "année", "journée", "soirée", "matinée", "santé", "beauté", "liberté", "idée", "armée",
    "entrée", "musée", "lycée", "poupée", "purée", "société", "qualité", "moitié", "pitié", "amitié",
  ]
  /// What a speaker calls their own family without a possessive.
  static let familyNames: Set<String> = [
    "papa", "maman", "mémé", "pépé", "mamie", "papi", "papy", "mémère", "pépère", "tonton", "tata",
  ]
  static let imperfectOfEtre: Set<String> = ["étais", "était", "étions", "étiez", "étaient"]
  static let finiteTenses: Set<VerbTense> = [.present, .imperfect, .simplePast, .future, .conditional]
  /// Pairs naming a recent day or one occasion, as "previous next".
  static let recentPairs: Set<String> = [
    "autre jour", "semaine dernière", "année dernière", "an dernier", "mois dernier", "été dernier",
  ]
  /// What a recall may name without naming anything lived: "ça me rappelle mon enfance",
  /// "quelque chose", "le passé".
  static let recallsOfNothing: Set<String> = FrenchLexicon.articles.union(FrenchLexicon.possessives).union([
    "enfance", "jeunesse", "passé", "temps", "autrefois", "quelque", "chose", "choses", "souvenir", "souvenirs",
    "ça", "cela", "de", "du", "des", "d'", "bien", "beaucoup", "un", "peu", "vieux", "bon", "bons", "beaux",
    "jeune", "petit", "petite", "quand", "mais", "je", "ne", "sais", "plus", "quoi", "pas", "oui", "trop", "tout",
  ])
  static let formsOfAvoir: Set<String> = [
    "a", "avait", "ai", "as", "avons", "avez", "ont", "avaient", "aurait",
  ]
  static let skippedAfterAuxiliary: Set<String> = FrenchLexicon.negations.union([
    "ne", "n'", "y", "en", "bien", "toujours", "déjà", "jamais", "souvent", "beaucoup",
  ])
}
