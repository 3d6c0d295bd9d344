import Testing

@testable import SpeechKit

struct MemoryDetectorTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let text: String
    let expected: [MemorySpecificity]
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    Case(text: "Je vois une tasse de café sur une table. Il y a des croissants.", expected: []),
    Case(text: "Quand j'étais petite, on allait chez ma grand-mère à la campagne.", expected: [.general]),
    Case(text: "Le jour de mon mariage en 1962, il pleuvait.", expected: [.specific]),
    Case(text: "Autrefois les paysans fauchaient le blé à la main.", expected: []),
    Case(text: "Je ne me souviens plus.", expected: []),
    Case(text: "C'est une belle image. J'aime les pommes.", expected: []),
    Case(
      text: "Ma mère faisait des confitures tous les étés. Une autre fois, à Noël, j'ai reçu une poupée.",
      expected: [.general, .specific]),
    Case(text: "Un jour, j'ai vu la mer pour la première fois.", expected: [.specific]),
    // A recall naming nothing lived is not a memory (measures reference C.4, rule set 1.1).
    Case(text: "Ça me rappelle mon enfance.", expected: []),
    Case(text: "Ça me rappelle le jardin de ma grand-mère.", expected: [.general]),
    // Telegraphic: a bare past participle after a first person or a kin word.
    Case(text: "Maman. Escalier. Tombé. Pleuré.", expected: [.specific]),
    Case(text: "Maman… cuisine… tarte. Dimanche. A fait tarte. Moi mangé.", expected: [.general]),
    Case(text: "Moi… école… punie. Pleuré.", expected: [.specific]),
    Case(text: "Tombé. Pleuré.", expected: []),
    // What never happened, what cannot be placed, what the speaker did not live.
    Case(text: "Je n'ai jamais aimé le fromage.", expected: []),
    Case(text: "Je crois que je suis déjà venue ici, mais je ne sais plus quand.", expected: []),
    Case(text: "Mon grand-père a fait la guerre de 14, il était dans les tranchées.", expected: []),
    Case(text: "En 1910, mon père a fait son service, et moi je l'ai su bien plus tard.", expected: [.specific]),
    Case(text: "Mes grands-parents ont acheté la ferme en 1935, avant ma naissance.", expected: []),
    Case(text: "Je n'étais pas encore née quand papa est parti à l'armée.", expected: []),
    Case(text: "Papa réparait les vélos dans la cour.", expected: [.general]),
    // A scene told before the speaker enters it belongs to the memory.
    Case(text: "Le soir de Noël 1975, la neige est tombée et les enfants ont fait un bonhomme.", expected: [.specific]),
    // Rule set 1.3: answers without a finite verb, one occasion inside a habit, moving on,
    // verbs that happen once, what did not happen, a recall of a person alone.
    Case(text: "Plage. Tous les étés. Et… une fois… guêpe. Piqué. Pleuré.", expected: [.general, .specific]),
    Case(text: "Usine. Hiver. Marcher… froid.", expected: [.general]),
    Case(text: "Baptême. Mon fils. 1958. Église… soleil.", expected: [.specific]),
    Case(text: "Thé. Tous les soirs. Avec ma sœur. Maintenant.", expected: []),
    Case(text: "Moi… enfance.", expected: []),
    Case(text: "Ma sœur est tombée de l'échelle. Je l'ai relevée.", expected: [.specific]),
    Case(text: "J'aurais voulu être institutrice.", expected: []),
    Case(text: "Si j'avais su, je serais restée à la ferme.", expected: []),
    Case(text: "Ça me rappelle mon oncle.", expected: []),
    Case(
      text: "À la ferme, on rentrait le foin en août. Et une année, la grange a brûlé.",
      expected: [.general, .specific]),
    Case(
      text: "Au lycée on apprenait le latin. Et plus tard, à la poste, on triait le courrier.",
      expected: [.general, .general]),
    Case(
      text: "Le jour de mon certificat, j'ai pleuré. Le lendemain, j'ai bousillé le vélo de mon frère.",
      expected: [.specific, .specific]),
    // Rule set 1.4: fragments with a story's time, a stretch of time, one occasion after a
    // background told in the imperfect, a frame with a verb, spoken negation, the présent de
    // narration, words the lexicon lacks.
    Case(
      text: "Mine… vingt ans. Poussière. Et… coup de grisou. Un jour… noir. Peur.", expected: [.general, .specific]),
    Case(text: "Cuisine… maman… toujours… soupe. Bonne odeur.", expected: [.general]),
    Case(text: "Fleurs. Jolies couleurs. Toujours belles.", expected: []),
    Case(text: "Au régiment, j'ai fait mon service à Oran, dix-huit mois.", expected: [.general]),
    Case(
      text: "À l'usine on commençait à six heures. Une nuit, la chaudière a explosé.", expected: [.general, .specific]),
    Case(text: "Mon oncle nous emmenait à la pêche. J'avais sept ans.", expected: [.general]),
    Case(text: "Le cinéma, euh, je l'ai jamais aimé.", expected: []),
    Case(text: "Un jour, je rentre de l'école et je vois ma mère qui pleure.", expected: [.specific]),
    Case(text: "Une fois par semaine, je vais à la piscine.", expected: []),
    Case(text: "Mon père le rabotait tous les soirs dans l'atelier.", expected: [.general]),
    Case(text: "Quand j'étais petite, je suis tombée dans la mare.", expected: [.specific]),
    Case(text: "Mon mari voulait m'emmener à Venise.", expected: []),
    Case(text: "Ça me rappelle la Bretagne, tout ça.", expected: []),
    // Rule set 1.5: another occasion, the same occasion, a period's habits, a verbless frame, a
    // dated period, knowing.
    Case(
      text: "Le jour de mon baptême, il a neigé. Et le jour où on a déménagé, j'ai perdu le chat.",
      expected: [.specific, .specific]),
    Case(text: "J'ai passé mon certificat en 1950. Il pleuvait ce matin-là.", expected: [.specific]),
    Case(
      text: "Pendant des années j'ai joué à l'harmonie. Le samedi on répétait, et le dimanche on défilait.",
      expected: [.general]),
    Case(text: "Mon premier bal, en 1952. J'arrive avec ma sœur et je vois ce garçon.", expected: [.specific]),
    Case(text: "En 1944, j'ai eu la rougeole, deux mois au lit.", expected: [.general]),
    Case(text: "Mon père savait réparer les montres.", expected: []),
    Case(text: "Été. Plage. Moi… château de sable. Chaque été.", expected: [.general]),
    // One occasion: yesterday, a birthday, a frame before the clause.
    Case(text: "Je suis allée voir mon médecin hier.", expected: [.specific]),
    Case(text: "Mon premier vélo, je l'ai eu pour mes dix ans.", expected: [.specific]),
    Case(text: "Un jour de marché, j'ai perdu mon porte-monnaie.", expected: [.specific]),
  ]

  @Test(arguments: cases)
  func findsMemoriesAndTheirSpecificity(_ example: Case) throws {
    let transcript = try PlainTextReader.read(text: example.text)
    #expect(MemoryDetector().detect(in: transcript, speaker: "PAR").map(\.specificity) == example.expected)
  }

  @Test func keepsCuesTextAndOnset() throws {
    let transcript = try CHATReader.read(GoldenFile.data("session.cha"))
    let memories = MemoryDetector().detect(in: transcript, speaker: "PAR")
    #expect(memories.count == 1)
    #expect(memories.first?.text == "quand j'étais petite on allait chez ma grand-mère à la campagne")
    #expect(memories.first?.cues == ["enfance", "campagne", "chez grand-mère", "grand-mère"])
    #expect(memories.first?.start == 113)
  }

  @Test func ignoresOtherSpeakersAndBackchannels() throws {
    let transcript = try CHATReader.read(
      text: "*INV:\tquand j'étais petit on allait à la mer .\n*PAR:\tj'ai vu la mer . [+ bch]\n*PAR:\tc'est joli .\n")
    #expect(MemoryDetector().detect(in: transcript, speaker: "PAR").isEmpty)
    #expect(MemoryDetector().detect(in: transcript, speaker: "INV").count == 1)
  }
}
