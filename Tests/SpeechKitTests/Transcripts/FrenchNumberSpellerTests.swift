import SpeechKit
import Testing

@Suite struct FrenchNumberSpellerTests {
  /// Traditional French spelling (Grevisse, before the 1990 reform), as CHAT corpora write numbers.
  @Test(arguments: [
    (0, "zéro"), (1, "un"), (7, "sept"), (10, "dix"), (11, "onze"), (16, "seize"), (17, "dix-sept"),
    (19, "dix-neuf"), (20, "vingt"), (21, "vingt et un"), (22, "vingt-deux"), (31, "trente et un"),
    (45, "quarante-cinq"), (61, "soixante et un"), (70, "soixante-dix"), (71, "soixante et onze"),
    (72, "soixante-douze"), (79, "soixante-dix-neuf"), (80, "quatre-vingts"), (81, "quatre-vingt-un"),
    (88, "quatre-vingt-huit"), (90, "quatre-vingt-dix"), (91, "quatre-vingt-onze"), (99, "quatre-vingt-dix-neuf"),
    (100, "cent"), (101, "cent un"), (180, "cent quatre-vingts"), (200, "deux cents"), (201, "deux cent un"),
    (280, "deux cent quatre-vingts"), (999, "neuf cent quatre-vingt-dix-neuf"), (1000, "mille"),
    (1001, "mille un"), (1958, "mille neuf cent cinquante-huit"), (1962, "mille neuf cent soixante-deux"),
    (2000, "deux mille"), (2026, "deux mille vingt-six"), (21_000, "vingt et un mille"),
    (80_000, "quatre-vingt mille"), (200_000, "deux cent mille"), (300_080, "trois cent mille quatre-vingts"),
    (1_000_000, "un million"), (2_000_000, "deux millions"), (200_000_000, "deux cents millions"),
    (80_000_000, "quatre-vingts millions"), (1_200_000, "un million deux cent mille"),
    (3_000_000_000, "trois milliards"), (-5, "moins cinq"),
  ])
  func cardinals(_ number: Int, _ words: String) {
    #expect(FrenchNumberSpeller.cardinal(number) == words)
  }

  @Test(arguments: [
    (1, false, "premier"), (1, true, "première"), (2, false, "deuxième"), (4, false, "quatrième"),
    (5, false, "cinquième"), (9, false, "neuvième"), (11, false, "onzième"), (21, false, "vingt et unième"),
    (80, false, "quatre-vingtième"), (100, false, "centième"), (200, false, "deux centième"),
    (1000, false, "millième"),
  ])
  func ordinals(_ number: Int, _ feminine: Bool, _ words: String) {
    #expect(FrenchNumberSpeller.ordinal(number, feminine: feminine) == words)
  }

  /// What the CHAT writer does to a main tier: digits in words become words; bullets, timed pauses,
  /// annotations and the omitted-word prefix keep theirs.
  @Test(arguments: [
    ("En 1958 , je faisais les foins .", "En mille neuf cent cinquante-huit , je faisais les foins ."),
    ("le 1er mai et la 2e fois .", "le premier mai et la deuxième fois ."),
    ("la 1re fois .", "la première fois ."),
    ("à 14h30 .", "à quatorze heures trente ."),
    ("à 14:30 .", "à quatorze heures trente ."),
    ("vers 9h ou 1h05 .", "vers neuf heures ou une heure cinq ."),
    ("à 21h31 .", "à vingt et une heures trente et une ."),
    ("à 12h00 .", "à douze heures ."),
    ("100h de travail .", "cent h de travail ."),
    ("le score 3:75 .", "le score trois : soixante-quinze ."),
    ("1,5 litre .", "un virgule cinq litre ."),
    ("<en 1944> [//] en 1945 .", "<en mille neuf cent quarante-quatre> [//] en mille neuf cent quarante-cinq ."),
    ("deux [: 2] ans .", "deux [: deux] ans ."),
    ("j'ai (1.5) attendu . \u{15}1200_4600\u{15}", "j'ai (1.5) attendu . \u{15}1200_4600\u{15}"),
    ("0est parti . [+ exc]", "0est parti . [+ exc]"),
    ("sans chiffre .", "sans chiffre ."),
    (
      "50% moins cher , 10 000 francs et 1 200 000 habitants .",
      "cinquante pour cent moins cher , dix mille francs et un million deux cent mille habitants ."
    ),
    ("vingt % .", "vingt pour cent ."),
    (
      "au n°12 , il faisait 30° , 1° ou 20°C .",
      "au numéro douze , il faisait trente degrés , un degré ou vingt degrés C ."
    ),
  ])
  func mainTiers(_ text: String, _ written: String) {
    #expect(FrenchNumberSpeller.spellingOutDigits(inCHAT: text) == written)
  }

  /// A number counts as the words CHAT writes it with, so a typed answer and its CHAT export agree.
  @Test func numbersCountAsTheirWords() {
    let counter = FrenchWordCounter()
    let typed = Transcript(format: .plainText, utterances: [Utterance(speaker: "PAR", text: "En 1958 , le 2e foin .")])
    var written = typed
    written.utterances[0].text = FrenchNumberSpeller.spellingOutDigits(inCHAT: typed.utterances[0].text)
    let counts = counter.count(typed, speaker: "PAR")
    #expect(counts.words == 8)
    #expect(counts == counter.count(written, speaker: "PAR"))
  }
}
