/// The small French lexicon behind idea density and memory detection: closed classes written
/// out, frequent verbs conjugated by rule, frequent adjectives inflected by rule.
///
/// Open-class words outside the lists are treated as nouns (no proposition), except adverbs in
/// `-ment`. docs/speech-measures.md justifies each list.
enum FrenchLexicon {
  // MARK: Closed classes

  /// Articles: not propositions (CPIDR rule 201).
  static let articles: Set<String> = ["le", "la", "les", "l'", "un", "une", "des", "du"]
  /// Possessive determiners: propositions (CPIDR counts PRP$), and first-person ones mark
  /// personal experience.
  static let possessives: Set<String> = [
    "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs",
  ]
  static let firstPersonPossessives: Set<String> = ["mon", "ma", "mes", "notre", "nos"]
  /// Demonstratives and quantifiers: propositions (CPIDR DT, EVAL det/qn).
  static let demonstrativesAndQuantifiers: Set<String> = [
    "ce", "cet", "cette", "ces", "chaque", "tout", "toute", "quelques", "plusieurs", "tous", "toutes", "aucun",
    "aucune", "certains", "certaines",
  ]
  static let prepositions: Set<String> = [
    "à", "de", "d'", "dans", "sur", "sous", "chez", "avec", "sans", "pour", "par", "en", "vers", "entre",
    "pendant", "après", "avant", "depuis", "contre", "devant", "derrière", "malgré", "selon", "parmi", "jusqu'",
    "jusque", "dès", "envers", "au", "aux", "près", "hors", "durant", "autour", "loin",
  ]
  static let coordinators: Set<String> = ["et", "ou", "mais", "donc", "or", "ni", "car", "puis", "ensuite"]
  static let subordinators: Set<String> = [
    "que", "qu'", "quand", "lorsque", "lorsqu'", "si", "s'", "comme", "puisque", "puisqu'", "quoique", "quoiqu'",
    "parce", "afin",
  ]
  /// Relative and interrogative pronouns: propositions (EVAL pro:rel, CPIDR WP/WDT).
  static let relatives: Set<String> = [
    "qui", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles", "pourquoi", "comment", "combien",
  ]
  /// Personal, demonstrative and indefinite pronouns: not propositions.
  static let pronouns: Set<String> = [
    "je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m'", "te", "t'", "se", "lui",
    "y", "moi", "toi", "soi", "eux", "ça", "cela", "ceci", "c'", "celui", "celle", "ceux", "celles", "quelqu'un",
    "chacun", "chacune", "quelque", "autre", "autres", "tout",
  ]
  static let subjectPronouns: Set<String> = [
    "je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ne", "n'", "c'", "ça",
  ]
  static let firstPerson: Set<String> = ["je", "j'", "me", "m'", "moi", "nous", "on"]
  /// Negation: `ne` carries no idea of its own; `pas`, `jamais`, `plus`, `rien`, `personne` do.
  static let negationParticles: Set<String> = ["ne", "n'"]
  static let negations: Set<String> = ["pas", "jamais", "plus", "rien", "personne", "guère", "point"]
  static let adverbs: Set<String> = [
    "très", "trop", "bien", "mal", "beaucoup", "peu", "assez", "toujours", "souvent", "parfois", "encore",
    "déjà", "aussi", "ici", "là", "là-bas", "là-haut", "dessus", "dessous", "maintenant", "hier", "demain",
    "aujourd'hui", "autrefois",
    "ensemble", "vite", "tard", "tôt", "longtemps", "surtout", "moins", "tellement", "même", "partout",
    "dehors", "dedans", "ailleurs", "presque", "plutôt", "ainsi", "pourtant", "cependant", "quelquefois", "tant",
    "bientôt", "enfin", "davantage", "autant", "juste", "exprès", "debout", "volontiers", "peut-être", "vraiment",
    "certainement", "naturellement", "évidemment", "seulement", "justement", "quand-même", "non", "oui",
  ]
  /// Yes/no and interjections carry no proposition (CPIDR UH).
  static let interjections: Set<String> = ["oui", "non", "ah", "oh", "ha", "bof", "pff", "ouais", "hé"]
  static let numbers: Set<String> = [
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
    "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "cents",
    "mille", "premier", "première", "deuxième", "troisième", "dernier", "dernière",
  ]
  /// Colour words that are nouns after an article ("des roses", "une orange").
  static let colourNouns: Set<String> = [
    "rose", "roses", "orange", "oranges", "marron", "marrons", "violette", "violettes",
  ]
  /// Nouns in `-ment` common in reminiscence; other `-ment` words after a determiner are nouns too.
  static let nounsInMent: Set<String> = [
    "moment", "moments", "appartement", "enterrement", "sentiment", "vêtement", "vêtements", "bâtiment",
    "gouvernement", "médicament", "médicaments", "logement", "changement", "événement", "évènement",
    "département", "traitement", "jugement", "monument", "élément", "aliment", "aliments", "régiment",
    "mouvement", "document", "enseignement", "comment", "jument", "froment", "ciment", "instrument",
    "commencement", "argument", "compliment", "testament", "serment", "rassemblement", "équipement",
  ]

  // MARK: Verbs

  /// Frequent regular -er verbs (first group), infinitives.
  static let firstGroupVerbs: [String] = """
    aimer adorer aider ajouter allumer amener amuser appeler apporter arrêter arriver attraper baigner \
    balader bavarder bercer bouger briller brûler cacher casser causer chanter chauffer chercher commencer \
    compter continuer coucher couper coûter crier cuisiner danser déjeuner demander dépêcher désirer \
    dessiner détester deviner dîner discuter donner écouter emmener emporter enlever entrer envoyer espérer \
    essayer étonner éviter expliquer fermer fêter fumer gagner garder gâter goûter grimper habiller habiter \
    ignorer inviter jardiner jeter jouer laisser laver lever louer manger manquer marcher marier mélanger \
    mener monter montrer nager neiger noter occuper oublier pardonner parler partager passer patiner payer \
    pêcher peigner penser peser piquer planter pleurer plonger porter poser pousser préférer préparer \
    présenter prêter promener proposer quitter raconter ramasser ranger rappeler raser recommencer regarder \
    remarquer remercier rencontrer rentrer renverser réparer repasser respirer rester retourner retrouver \
    réveiller rêver rigoler rouler sauter sembler semer serrer siffler soigner sonner souffler souhaiter \
    sucrer tâcher taper téléphoner terminer tirer tomber toucher tourner traîner travailler traverser \
    tricoter tromper trouver tuer user vendanger verser visiter voler voyager accompagner acheter adresser \
    allonger arroser baptiser bricoler brosser calmer camper changer charger chasser coiffer coller \
    consoler cracher creuser cultiver décorer découper dégoûter déménager démarrer dépenser déposer \
    embrasser enterrer épouser fabriquer faucher fleurer frotter griller hurler inquiéter labourer mâcher \
    moissonner mouiller nettoyer pétrir plaisanter presser profiter récolter réchauffer regretter remplacer \
    renifler respecter ressembler retirer saler sécher skier stationner surveiller tailler tenter trembler \
    tremper trier vider zapper écraser éclater égoutter emballer étaler frapper hésiter imaginer installer \
    intéresser lancer mériter mesurer mijoter oser parfumer embaumer humer évoquer baisser chatouiller \
    cogner dorer enrouler fréquenter grignoter klaxonner ramoner récupérer réciter rincer ronfler savourer \
    tartiner bêcher biner greffer traiter tisser repriser broder piler hacher éplucher touiller remuer \
    fouetter caresser chuchoter étudier caler glisser accoucher blesser exploser sauver heurter rater gifler \
    déraper
    """.split(whereSeparator: \.isWhitespace).map(String.init)

  /// Regular -ir verbs (second group).
  static let secondGroupVerbs: [String] = [
    "finir", "choisir", "grandir", "grossir", "maigrir", "réussir", "remplir", "nourrir", "rôtir", "fleurir",
    "guérir", "rougir", "vieillir", "applaudir", "bâtir", "réfléchir", "obéir", "punir", "rajeunir", "saisir",
    "unir", "réunir", "jaunir", "blanchir", "mûrir", "ralentir", "frémir", "atterrir", "garnir", "salir", "emboutir",
  ]

  /// Regular -re verbs (vendre type).
  static let thirdGroupRegularVerbs: [String] = [
    "vendre", "attendre", "entendre", "descendre", "répondre", "rendre", "perdre", "tondre", "fondre",
    "mordre", "pendre", "étendre", "défendre", "dépendre", "tendre", "confondre", "correspondre", "répandre",
  ]

  /// Irregular verbs: infinitive | present (6 persons) | imperfect stem | simple past forms |
  /// past participle | future stem | other forms (subjunctive, imperative…).
  static let irregularVerbs: [String] = [
    "être|suis es est sommes êtes sont|ét|fus fut fûmes furent fûtes|été|ser|sois soit soyons soient étant",
    "avoir|ai as a avons avez ont|av|eus eut eûmes eurent|eu|aur|aie ait ayons aient ayant",
    "aller|vais vas va allons allez vont|all|allai alla allâmes allèrent|allé|ir|aille aillent",
    "faire|fais fait faisons faites font|fais|fis fit fîmes firent|fait|fer|fasse fassent",
    "dire|dis dit disons dites disent|dis|dis dit dîmes dirent|dit|dir|dise disent",
    "pouvoir|peux peut pouvons pouvez peuvent|pouv|pus put pûmes purent|pu|pourr|puisse puissent",
    "vouloir|veux veut voulons voulez veulent|voul|voulus voulut voulurent|voulu|voudr|veuille veuillent",
    "savoir|sais sait savons savez savent|sav|sus sut surent|su|saur|sache sachent",
    "voir|vois voit voyons voyez voient|voy|vis vit vîmes virent|vu|verr|voie voient",
    "venir|viens vient venons venez viennent|ven|vins vint vînmes vinrent|venu|viendr|vienne viennent",
    "revenir|reviens revient revenons revenez reviennent|reven|revins revint revinrent|revenu|reviendr|",
    "devenir|deviens devient devenons devenez deviennent|deven|devins devint devinrent|devenu|deviendr|",
    "souvenir|souviens souvient souvenons souvenez souviennent|souven|souvins souvint|souvenu|souviendr|",
    "tenir|tiens tient tenons tenez tiennent|ten|tins tint tinrent|tenu|tiendr|",
    "prendre|prends prend prenons prenez prennent|pren|pris prit prîmes prirent|pris|prendr|prenne prennent",
    "apprendre|apprends apprend apprenons apprenez apprennent|appren|appris apprit apprirent|appris|apprendr|",
    "comprendre|comprends comprend comprenons comprenez comprennent|compren|compris comprit comprirent|compris|comprendr|",
    "mettre|mets met mettons mettez mettent|mett|mis mit mîmes mirent|mis|mettr|",
    "devoir|dois doit devons devez doivent|dev|dus dut durent|dû|devr|doive doivent due dus dues",
    "falloir|faut faut faut faut faut faut|fall|fallut fallut|fallu|faudr|faille",
    "pleuvoir|pleut pleut pleut pleut pleuvent pleuvent|pleuv|plut plut|plu|pleuvr|",
    "sentir|sens sent sentons sentez sentent|sent|sentis sentit sentirent|senti|sentir|",
    "ressentir|ressens ressent ressentons ressentez ressentent|ressent|ressentis ressentit|ressenti|ressentir|",
    "partir|pars part partons partez partent|part|partis partit partirent|parti|partir|",
    "sortir|sors sort sortons sortez sortent|sort|sortis sortit sortirent|sorti|sortir|",
    "dormir|dors dort dormons dormez dorment|dorm|dormis dormit dormirent|dormi|dormir|",
    "servir|sers sert servons servez servent|serv|servis servit servirent|servi|servir|",
    "courir|cours court courons courez courent|cour|courus courut coururent|couru|courr|",
    "mourir|meurs meurt mourons mourez meurent|mour|mourus mourut moururent|mort|mourr|",
    "naître|nais naît naissons naissez naissent|naiss|naquis naquit naquirent|né|naîtr|",
    "vivre|vis vit vivons vivez vivent|viv|vécus vécut vécurent|vécu|vivr|",
    "boire|bois boit buvons buvez boivent|buv|bus but burent|bu|boir|",
    "lire|lis lit lisons lisez lisent|lis|lus lut lurent|lu|lir|",
    "écrire|écris écrit écrivons écrivez écrivent|écriv|écrivis écrivit écrivirent|écrit|écrir|",
    "croire|crois croit croyons croyez croient|croy|crus crut crurent|cru|croir|",
    "connaître|connais connaît connaissons connaissez connaissent|connaiss|connus connut connurent|connu|connaîtr|",
    "reconnaître|reconnais reconnaît reconnaissons reconnaissez reconnaissent|reconnaiss|reconnus reconnut|reconnu|reconnaîtr|",
    "plaire|plais plaît plaisons plaisez plaisent|plais|plus plut plurent|plu|plair|",
    "rire|ris rit rions riez rient|ri|ris rit rirent|ri|rir|",
    "suivre|suis suit suivons suivez suivent|suiv|suivis suivit suivirent|suivi|suivr|",
    "recevoir|reçois reçoit recevons recevez reçoivent|recev|reçus reçut reçurent|reçu|recevr|",
    "ouvrir|ouvre ouvres ouvrons ouvrez ouvrent|ouvr|ouvris ouvrit ouvrirent|ouvert|ouvrir|",
    "offrir|offre offres offrons offrez offrent|offr|offris offrit offrirent|offert|offrir|",
    "couvrir|couvre couvres couvrons couvrez couvrent|couvr|couvris couvrit|couvert|couvrir|",
    "découvrir|découvre découvres découvrons découvrez découvrent|découvr|découvris découvrit|découvert|découvrir|",
    "souffrir|souffre souffres souffrons souffrez souffrent|souffr|souffris souffrit|souffert|souffrir|",
    "cueillir|cueille cueilles cueillons cueillez cueillent|cueill|cueillis cueillit cueillirent|cueilli|cueiller|",
    "conduire|conduis conduit conduisons conduisez conduisent|conduis|conduisis conduisit|conduit|conduir|",
    "construire|construis construit construisons construisez construisent|construis|construisit|construit|construir|",
    "cuire|cuis cuit cuisons cuisez cuisent|cuis|cuisit|cuit|cuir|",
    "peindre|peins peint peignons peignez peignent|peign|peignis peignit|peint|peindr|",
    "craindre|crains craint craignons craignez craignent|craign|craignit|craint|craindr|",
    "battre|bats bat battons battez battent|batt|battis battit|battu|battr|",
    "coudre|couds coud cousons cousez cousent|cous|cousit|cousu|coudr|",
    "traire|trais trait trayons trayez traient|tray||trait|trair|",
    "asseoir|assieds assied asseyons asseyez asseyent|assey|assis assit|assis|assiér|",
    "valoir|vaux vaut valons valez valent|val|valut|valu|vaudr|",
  ]

  /// Every known verb form, built once from the lists above.
  static var verbForms: [String: VerbForm] { verbTables.forms }

  /// Every spelling that can be a past participle, whatever its preferred reading ("fait", "dit").
  static var pastParticiples: Set<String> { verbTables.participles }

  private static let verbTables: (forms: [String: VerbForm], participles: Set<String>) = {
    var forms: [String: VerbForm] = [:]
    var pastParticipleForms = Set<String>()
    // An ambiguous spelling takes its most frequent reading in speech: "vis" is "je vis" (vivre)
    // before "je vis" (voir, passé simple), "fait" a present before a participle.
    let priority: [VerbTense] = [
      .present, .imperfect, .pastParticiple, .infinitive, .future, .conditional, .presentParticiple, .simplePast,
    ]
    func add(_ form: String, _ infinitive: String, _ tense: VerbTense) {
      guard !form.isEmpty else { return }
      if tense == .pastParticiple { pastParticipleForms.insert(form) }
      if let existing = forms[form],
        priority.firstIndex(of: existing.tense)! <= priority.firstIndex(of: tense)!
      {
        return
      }
      forms[form] = VerbForm(infinitive: infinitive, tense: tense)
    }
    let imperfect = ["ais", "ait", "ions", "iez", "aient"]
    let future = ["ai", "as", "a", "ons", "ez", "ont"]
    let conditional = ["ais", "ait", "ions", "iez", "aient"]
    func participles(_ stem: String, _ infinitive: String) {
      for suffix in ["", "e", "s", "es"] where !(stem.hasSuffix("s") && suffix == "s") {
        add(stem + suffix, infinitive, .pastParticiple)
      }
    }
    // Irregular verbs first, so that "été", "fait", "suis" get their irregular reading.
    for entry in irregularVerbs {
      let fields = entry.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 7 else { continue }
      let infinitive = fields[0]
      add(infinitive, infinitive, .infinitive)
      for form in fields[1].split(separator: " ") { add(String(form), infinitive, .present) }
      for ending in imperfect where !fields[2].isEmpty { add(fields[2] + ending, infinitive, .imperfect) }
      participles(fields[4], infinitive)
      for form in fields[3].split(separator: " ") { add(String(form), infinitive, .simplePast) }
      for ending in future where !fields[5].isEmpty { add(fields[5] + ending, infinitive, .future) }
      for ending in conditional where !fields[5].isEmpty { add(fields[5] + ending, infinitive, .conditional) }
      for form in fields[6].split(separator: " ") { add(String(form), infinitive, .present) }
      if !fields[2].isEmpty { add(fields[2] + "ant", infinitive, .presentParticiple) }
    }
    for infinitive in firstGroupVerbs {
      let stem = String(infinitive.dropLast(2))
      // Before a or o, "g" keeps its sound with an "e" (mangeait) and "c" becomes "ç" (commençait).
      let softStem =
        stem.hasSuffix("g") ? stem + "e" : stem.hasSuffix("c") ? String(stem.dropLast()) + "ç" : stem
      add(infinitive, infinitive, .infinitive)
      for ending in ["e", "es", "ent", "ez"] { add(stem + ending, infinitive, .present) }
      add(softStem + "ons", infinitive, .present)
      for ending in ["ais", "ait", "aient"] { add(softStem + ending, infinitive, .imperfect) }
      for ending in ["ions", "iez"] { add(stem + ending, infinitive, .imperfect) }
      participles(stem + "é", infinitive)
      for ending in ["ai", "as", "a", "âmes", "âtes"] { add(softStem + ending, infinitive, .simplePast) }
      add(stem + "èrent", infinitive, .simplePast)
      for ending in future { add(stem + "er" + ending, infinitive, .future) }
      for ending in conditional { add(stem + "er" + ending, infinitive, .conditional) }
      add(softStem + "ant", infinitive, .presentParticiple)
      // Stem-changing verbs (lever → lève, appeler → appelle, jeter → jette).
      for changed in stemChanges(of: stem) {
        for ending in ["e", "es", "ent"] { add(changed + ending, infinitive, .present) }
        for ending in future { add(changed + "er" + ending, infinitive, .future) }
        for ending in conditional { add(changed + "er" + ending, infinitive, .conditional) }
      }
    }
    for infinitive in secondGroupVerbs {
      let stem = String(infinitive.dropLast(2))
      add(infinitive, infinitive, .infinitive)
      for ending in ["is", "it", "issons", "issez", "issent"] { add(stem + ending, infinitive, .present) }
      for ending in imperfect { add(stem + "iss" + ending, infinitive, .imperfect) }
      participles(stem + "i", infinitive)
      for ending in ["îmes", "îtes", "irent"] { add(stem + ending, infinitive, .simplePast) }
      for ending in future { add(stem + "ir" + ending, infinitive, .future) }
      for ending in conditional { add(stem + "ir" + ending, infinitive, .conditional) }
      add(stem + "issant", infinitive, .presentParticiple)
    }
    for infinitive in thirdGroupRegularVerbs {
      let stem = String(infinitive.dropLast(2))
      add(infinitive, infinitive, .infinitive)
      for ending in ["s", "", "ons", "ez", "ent"] { add(stem + ending, infinitive, .present) }
      for ending in imperfect { add(stem + ending, infinitive, .imperfect) }
      participles(stem + "u", infinitive)
      for ending in ["is", "it", "îmes", "irent"] { add(stem + ending, infinitive, .simplePast) }
      for ending in future { add(stem + "r" + ending, infinitive, .future) }
      for ending in conditional { add(stem + "r" + ending, infinitive, .conditional) }
      add(stem + "ant", infinitive, .presentParticiple)
    }
    return (forms, pastParticipleForms)
  }()

  /// Verbs whose complement is introduced by "de", so that "du" after them is a preposition
  /// ("je me souviens du marché") rather than a partitive article ("il faisait du café").
  static let verbsTakingDe: Set<String> = [
    "souvenir", "parler", "venir", "revenir", "sortir", "rêver", "profiter", "occuper", "manquer", "jouer",
    "partir", "sentir", "rappeler", "revenir", "discuter", "raconter",
  ]

  private static func stemChanges(of stem: String) -> [String] {
    var changed: [String] = []
    if stem.hasSuffix("l") || stem.hasSuffix("t"), let last = stem.last {
      changed.append(stem + String(last))
    }
    if let index = stem.lastIndex(of: "e"), stem.distance(from: index, to: stem.endIndex) <= 3 {
      var copy = stem
      copy.replaceSubrange(index...index, with: "è")
      changed.append(copy)
    }
    if let index = stem.lastIndex(of: "é"), stem.distance(from: index, to: stem.endIndex) <= 3 {
      var copy = stem
      copy.replaceSubrange(index...index, with: "è")
      changed.append(copy)
    }
    if stem.hasSuffix("y") { changed.append(String(stem.dropLast()) + "i") }
    return changed
  }

  // MARK: Adjectives

  static let adjectiveLemmas: [String] = """
    petit grand gros bon mauvais beau joli vieux jeune nouveau long court haut bas chaud froid doux dur \
    blanc noir rouge bleu vert jaune rose gris brun marron orange violet clair foncé sombre frais sec \
    mouillé propre sale plein vide lourd léger large étroit rond carré fort faible riche pauvre heureux \
    malheureux content triste gentil méchant sage drôle amusant agréable désagréable bizarre étrange \
    simple facile difficile important premier dernier seul entier meilleur pire cher lent rapide calme \
    tranquille bruyant fier timide gai joyeux sérieux honnête sucré salé amer acide épicé délicieux bon \
    parfumé odorant fleuri naturel familial ancien moderne vrai faux pareil différent même autre certain \
    fatigué malade vivant mort ravi surpris inquiet célèbre magnifique superbe merveilleux formidable \
    extraordinaire terrible horrible affreux énorme immense minuscule gentil aimable adorable charmant \
    mignon propre fraîche tendre croustillant chaud tiède glacé brûlant rouge frisé lisse épais fin \
    mince maigre rustique paysan campagnard parisien breton normand français anglais italien espagnol \
    allemand belge suisse marié veuf enceinte pressé occupé libre bien-aimé cher précieux rare commun \
    typique spécial particulier public privé national régional local sauvage domestique sucré grillé
    """.split(whereSeparator: \.isWhitespace).map(String.init)

  static let irregularAdjectiveForms: Set<String> = [
    "belle", "bel", "beaux", "belles", "vieille", "vieil", "vieilles", "nouvelle", "nouvel", "nouveaux",
    "nouvelles", "blanche", "blanches", "fraîche", "fraîches", "sèche", "sèches", "douce", "douces", "longue",
    "longues", "grosse", "grosses", "bonne", "bonnes", "gentille", "gentilles", "folle", "fou", "fous",
    "molle", "mou", "fausse", "fausses", "rousse", "roux", "publique", "grecque", "grec", "chère", "chères",
    "dernière", "dernières", "première", "premières", "entière", "entières", "légère", "légères", "fière",
    "fières", "amère", "amères", "inquiète", "inquiètes", "épaisse", "épaisses", "basse", "basses",
    "grasse", "gras", "meilleure", "meilleures", "parisienne", "parisiennes", "bretonne", "bretonnes",
    "italienne", "italiennes", "ancienne", "anciennes", "paysanne", "mignonne", "mignonnes", "violette",
    "muette", "muet", "sotte", "sot", "heureuse", "heureuses", "joyeuse", "joyeuses", "sérieuse", "sérieuses",
    "délicieuse", "délicieuses", "merveilleuse", "précieuse", "malheureuse", "naturelle", "naturelles",
    "spéciale", "spéciaux", "nationale", "nationaux", "régionale", "régionaux", "locale", "locaux",
    "familiale", "familiaux", "particulière", "particulières", "veuve", "vive", "vif", "neuve", "neuf",
  ]

  static let adjectives: Set<String> = {
    var forms = irregularAdjectiveForms
    for lemma in adjectiveLemmas {
      forms.insert(lemma)
      let feminine = lemma.hasSuffix("e") ? lemma : lemma + "e"
      forms.insert(feminine)
      forms.insert(lemma.hasSuffix("s") || lemma.hasSuffix("x") ? lemma : lemma + "s")
      forms.insert(feminine + "s")
      if lemma.hasSuffix("eux") { forms.insert(String(lemma.dropLast()) + "se") }
    }
    return forms
  }()

  // MARK: Memory cues

  static let kinship: Set<String> = [
    "mère", "père", "maman", "papa", "grand-mère", "grand-père", "grands-parents", "mémé", "pépé", "mamie",
    "papi", "papy", "mémère", "pépère", "frère", "frères", "sœur", "soeur", "sœurs", "soeurs", "oncle", "tante",
    "cousin", "cousine", "cousins", "cousines", "mari", "femme", "époux", "épouse", "fils", "fille", "filles",
    "enfants", "enfant", "parents", "voisin", "voisine", "voisins", "ami", "amie", "amis", "amies", "copain",
    "copine", "copains", "copines", "fiancé", "fiancée", "belle-mère", "beau-père", "petit-fils",
    "petite-fille", "petits-enfants", "marraine", "parrain", "nounou", "institutrice", "instituteur", "patron",
  ]

  static let placeNouns: Set<String> = [
    "campagne", "mer", "ferme", "maison", "jardin", "cuisine", "village", "ville", "école", "église", "plage",
    "montagne", "marché", "café", "restaurant", "bal", "usine", "bureau", "champ", "champs", "forêt", "bois",
    "rivière", "lac", "gare", "hôpital", "boulangerie", "épicerie", "cave", "grenier", "cour", "prairie",
    "verger", "potager", "moulin", "port", "colonie", "pension", "couvent", "caserne", "atelier", "magasin",
    "boutique", "salle", "chambre", "vigne", "vignes", "étable", "écurie", "fête", "foire", "lycée", "collège",
    "poste", "mairie", "mine", "cinéma", "théâtre", "lavoir", "bateau", "train", "pensionnat", "hôtel",
  ]
}
