import Testing

@testable import SpeechKit

/// One main-tier line and the figures rule set wc-fr-chat-1.0 must give for it.
struct WordCountCase: CustomTestStringConvertible, Sendable {
  let name: String
  let line: String
  let expected: [String: Int]

  var testDescription: String { name }
}

/// The figures of `WordCounts` by export name, so that cases list only what they are about.
func figure(_ name: String, in counts: WordCounts) -> Int {
  let value: Int? =
    switch name {
    case "words": counts.words
    case "words_split": counts.wordsSplit
    case "words_as_spoken": counts.wordsAsSpoken
    case "types": counts.types
    case "utterances": counts.utterances
    case "utterances_mlu": counts.utterancesMLU
    case "filled_pauses": counts.filledPauses
    case "discourse_markers": counts.discourseMarkers
    case "fragments": counts.fragments
    case "nonwords": counts.nonwords
    case "events": counts.events
    case "unintelligible_tokens": counts.unintelligibleTokens
    case "untranscribed_tokens": counts.untranscribedTokens
    case "omitted_words": counts.omittedWords
    case "repetitions": counts.repetitions
    case "retracings": counts.retracings
    case "retraced_words": counts.retracedWords
    case "word_errors": counts.wordErrors
    case "paraphasic_words": counts.paraphasicWords
    case "excluded_utterances": counts.excludedUtterances
    default: nil
    }
  guard let value else {
    Issue.record("unknown figure \(name)")
    return -1
  }
  return value
}

struct FrenchWordCounterTests {
  static let chatCases: [WordCountCase] =
    [
      WordCountCase(
        name: "worked example of docs/speech-measures.md (verbatim)",
        line: "&-euh <le café> [/] le café de ma mère (.) j'ai senti l'odeur xxx .",
        expected: [
          "words": 8, "words_split": 10, "retraced_words": 2, "repetitions": 1, "filled_pauses": 1,
          "unintelligible_tokens": 1, "utterances": 1, "utterances_mlu": 0,
        ]),
      WordCountCase(
        name: "rule 3: yyy and www are untranscribed, not words", line: "yyy le chat www .",
        expected: ["words": 2, "untranscribed_tokens": 2, "utterances_mlu": 0]),
      WordCountCase(
        name: "rule 3: xxx with @s is still unintelligible", line: "xxx@s:eng oui .",
        expected: ["words": 1, "unintelligible_tokens": 1]),
      WordCountCase(
        name: "rule 4 and 13: every CHAT filler is a filled pause",
        line: "&-euh &-heu &-hum &-hm &-mm &-mmh &-eh oui .",
        expected: ["words": 1, "filled_pauses": 7]),
      WordCountCase(name: "rule 4: &+ fragment", line: "&+ca café .", expected: ["words": 1, "fragments": 1]),
      WordCountCase(name: "rule 4: &~ nonword", line: "&~gaga .", expected: ["words": 0, "nonwords": 1]),
      WordCountCase(name: "rule 4: &= event", line: "&=rit c'est drôle .", expected: ["words": 2, "events": 1]),
      WordCountCase(name: "rule 4: &* interposed speech", line: "&*INV:oui je sais .", expected: ["words": 2]),
      WordCountCase(name: "rule 5: 0 omitted word", line: "0je sais .", expected: ["words": 1, "omitted_words": 1]),
      WordCountCase(
        name: "rule 6: bare [/] retraces the preceding word only", line: "le [/] le café .",
        expected: ["words": 2, "retraced_words": 1, "repetitions": 1, "retracings": 0]),
      WordCountCase(
        name: "rule 6: <…> [//] retracing", line: "<le chat> [//] le chien .",
        expected: ["words": 2, "retraced_words": 2, "retracings": 1, "repetitions": 0]),
      WordCountCase(
        name: "rule 6: [///] multiple retracing", line: "<j'ai> [///] on a mangé .",
        expected: ["words": 3, "retraced_words": 1, "retracings": 1]),
      WordCountCase(
        name: "rule 6: [/-] reformulation", line: "le chat [/-] la chienne .",
        expected: ["words": 3, "retraced_words": 1, "retracings": 1]),
      WordCountCase(
        name: "rule 6: [/?] uncertain retracing counts in neither tally", line: "le [/?] la maison .",
        expected: ["words": 2, "retraced_words": 1, "repetitions": 0, "retracings": 0]),
      WordCountCase(
        name: "rule 6: nested scopes", line: "<le <petit> [/] petit chat> [//] le chien .",
        expected: ["words": 2, "retraced_words": 4, "repetitions": 1, "retracings": 1]),
      WordCountCase(
        name: "rule 7: [: target] counts the target", line: "chais [: je sais] pas .",
        expected: ["words": 3, "words_as_spoken": 2]),
      WordCountCase(name: "rule 8: shortening p(e)tit", line: "un p(e)tit café .", expected: ["words": 3, "types": 3]),
      WordCountCase(name: "rule 8: shortening parc(e) que", line: "parc(e) que .", expected: ["words": 2]),
      WordCountCase(
        name: "rule 9: + and _ compounds are one word", line: "grand+mère pomme_de_terre .", expected: ["words": 2]),
      WordCountCase(
        name: "rule 9: hyphenated words are one word", line: "peut-être est-ce dis-moi .",
        expected: ["words": 3, "words_split": 3]),
      WordCountCase(
        name: "rule 10: form-marked words count, @n and @u are paraphasic", line: "bidule@n truc@o ok@s:eng machin@u .",
        expected: ["words": 4, "paraphasic_words": 2]),
      WordCountCase(
        name: "rule 10: [* p…] marks a paraphasia and a word error", line: "le chien [* p:n] .",
        expected: ["words": 2, "paraphasic_words": 1, "word_errors": 1]),
      WordCountCase(
        name: "rule 10: [* s…] is a word error, not paraphasic", line: "le chat [* s:r] .",
        expected: ["words": 2, "paraphasic_words": 0, "word_errors": 1]),
      WordCountCase(
        name: "rule 11: prosodic marks stripped and case folded for types", line: "Café café: ca:fé .",
        expected: ["words": 3, "types": 1]),
      WordCountCase(
        name: "rule 12: elisions are one word, two when split",
        line: "j'ai l'odeur d'une qu'il s'il c'est n'a m'a t'as .",
        expected: ["words": 9, "words_split": 18]),
      WordCountCase(
        name: "rule 12: jusqu' lorsqu' puisqu' quoiqu'", line: "jusqu'à lorsqu'il puisqu'on quoiqu'il .",
        expected: ["words": 4, "words_split": 8]),
      WordCountCase(
        name: "rule 12: lexicalised forms never split",
        line: "aujourd'hui quelqu'un quelqu'une presqu'île prud'homme prud'hommes entr'ouvert .",
        expected: ["words": 7, "words_split": 7]),
      WordCountCase(
        name: "rule 12: multi-clitic token splits fully", line: "qu'l'on .", expected: ["words": 1, "words_split": 3]),
      WordCountCase(
        name: "rule 12: a clitic before a lexicalised word", line: "d'aujourd'hui .",
        expected: ["words": 1, "words_split": 2]),
      WordCountCase(
        name: "rule 13: lexical discourse markers are words and markers",
        line: "ben bah beh bon voilà hein quoi alors enfin bref genre disons .",
        expected: ["words": 12, "discourse_markers": 12]),
      WordCountCase(
        name: "rule 13: two-word discourse markers", line: "en fait tu vois tu sais vous voyez .",
        expected: ["words": 8, "discourse_markers": 4]),
      WordCountCase(
        name: "rule 14: colloquial reductions with parentheses", line: "j(e) sais t(u) as (il) y a p(e)t(it) .",
        expected: ["words": 8, "words_split": 8]),
      WordCountCase(name: "rule 15: numbers in letters", line: "mille neuf cent cinquante .", expected: ["words": 4]),
      WordCountCase(
        name: "rule 1: [+ exc] excludes the utterance", line: "le café de ma mère . [+ exc]",
        expected: ["words": 0, "utterances": 0, "excluded_utterances": 1]),
      WordCountCase(
        name: "rule 1: [+ bch] stays in word counts", line: "mh oui . [+ bch]", expected: ["words": 2, "utterances": 1]),
      WordCountCase(
        name: "rule 16: [+ mlue] leaves MLU only", line: "le chat dort . [+ mlue]",
        expected: ["words": 3, "utterances": 1, "utterances_mlu": 0]),
      WordCountCase(name: "rule 2: pauses are not words", line: "(.) (..) (...) (1.5) oui .", expected: ["words": 1]),
      WordCountCase(
        name: "rule 2: separators are not words", line: "oui , non ; peut-être „ bon .", expected: ["words": 4]),
      WordCountCase(
        name: "rule 2: media bullets are not words", line: "bonjour . \u{15}100_200\u{15}", expected: ["words": 1]),
      WordCountCase(
        name: "rule 2: annotations [= …] [% …] [?] [!] are not words", line: "le chat [= le sien] [% rit] [?] [!] .",
        expected: ["words": 2]),
    ]
    + ["+...", "+..?", "+/.", "+//.", "+/?", "+!?", "+\"/.", "?", "!"].map { terminator in
      WordCountCase(
        name: "rule 2: terminator \(terminator)", line: "oui \(terminator)", expected: ["words": 1, "utterances": 1])
    }

  @Test(arguments: chatCases)
  func countsOneCHATLine(_ example: WordCountCase) {
    let transcript = Transcript(format: .chat, utterances: [Utterance(speaker: "PAR", text: example.line)])
    let counts = FrenchWordCounter().count(transcript, speaker: "PAR")
    expectFigures(of: example, in: counts)
    #expect(counts.ruleset == "wc-fr-chat-1.0")
  }

  /// Rule set (1b) of the measures reference, `wc-fr-plain-1.0`: a typed answer counted literally.
  static let plainCases: [WordCountCase] = [
    WordCountCase(
      name: "1b.6: nothing is retraced, le le café is 3 words", line: "le le café",
      expected: ["words": 3, "repetitions": 0, "retraced_words": 0]),
    WordCountCase(name: "1b.6: oui oui is 2 words", line: "oui oui", expected: ["words": 2, "repetitions": 0]),
    WordCountCase(
      name: "1b.6: a self-correction counts whole, its cut word is a fragment", line: "la pelouge pe- la pelouse",
      expected: ["words": 4, "fragments": 1, "retracings": 0]),
    WordCountCase(
      name: "1b.6: a repeated group counts twice", line: "le café le café de ma mère",
      expected: ["words": 7, "repetitions": 0, "retraced_words": 0]),
    WordCountCase(
      name: "1b.3: spoken euh is a filled pause", line: "euh le le café de ma mère",
      expected: ["words": 6, "filled_pauses": 1, "repetitions": 0]),
    WordCountCase(
      name: "1b.1: ( ) and [ ] are notes", line: "(rires) le café [montre l'image] (montre la tasse) chaud",
      expected: ["words": 3, "events": 0]),
    WordCountCase(
      name: "1b.1: ... and … are pauses", line: "le café... de ma… mère", expected: ["words": 5, "utterances": 3]),
    WordCountCase(
      name: "1b.2: an apostrophe or inner hyphen keeps a token whole",
      line: "aujourd'hui peut-être, dis-moi « oui » !", expected: ["words": 4, "words_split": 4]),
    WordCountCase(
      name: "1b.3: heu, hum, hm, mm, mmh and lengthened euuuh, hmmm are fillers",
      line: "heu hum hm mm mmh euuuh hmmm oui", expected: ["words": 1, "filled_pauses": 7]),
    WordCountCase(
      name: "1b.3: eu (the participle) is a word", line: "j'ai eu peur", expected: ["words": 3, "filled_pauses": 0]),
    WordCountCase(
      name: "1b.4: ben, bah, bon, voilà, quoi are words and markers", line: "bah ben bon voilà c'est ça quoi",
      expected: ["words": 7, "discourse_markers": 5, "filled_pauses": 0]),
    WordCountCase(name: "1b.4: eh bien is lexical", line: "eh bien oui", expected: ["words": 3, "filled_pauses": 0]),
    WordCountCase(
      name: "1b.5: a word ending in - is a fragment", line: "pa- lapi- le lapin",
      expected: ["words": 2, "fragments": 2]),
    WordCountCase(
      name: "1b.5: xxx is unintelligible", line: "le xxx café", expected: ["words": 2, "unintelligible_tokens": 1]),
    WordCountCase(
      name: "1b.7: digits are one word each", line: "en 1962 j'avais 20 ans", expected: ["words": 5, "types": 5]),
    WordCountCase(
      name: "1b.7: j'suis is 1 word, 2 split; typographic apostrophe too", line: "j'suis là, j’ai senti l’odeur",
      expected: ["words": 5, "words_split": 8]),
    WordCountCase(
      name: "1b.7: types are lower-cased and ’ is read as '", line: "Café café l’eau l'eau",
      expected: ["words": 4, "types": 2]),
    WordCountCase(
      name: "punctuation makes utterances", line: "Oui. Le café de ma mère, le matin… C'est bon !",
      expected: ["words": 10, "utterances": 3]),
  ]

  @Test(arguments: plainCases)
  func countsPlainText(_ example: WordCountCase) throws {
    let transcript = try PlainTextReader.read(text: example.line)
    let measures = TranscriptMeasures.measure(transcript, speaker: "PAR")
    #expect(measures.ruleset == "wc-fr-plain-1.0")
    #expect(measures.wordCounts.ruleset == "wc-fr-plain-1.0")
    expectFigures(of: example, in: measures.wordCounts)
  }

  /// The same typed answer read as CHAT keeps CLAN's count: the CHAT path is unchanged.
  @Test func theCHATRuleSetStillRetracesCodedRepetitions() {
    let coded = Transcript(format: .chat, utterances: [Utterance(speaker: "PAR", text: "le [/] le café en 1962 .")])
    let counts = TranscriptMeasures.measure(coded, speaker: "PAR").wordCounts
    #expect(counts.ruleset == "wc-fr-chat-1.0")
    #expect(counts.words == 7)
    #expect(counts.retracedWords == 1)
  }

  private func expectFigures(of example: WordCountCase, in counts: WordCounts) {
    for (name, value) in example.expected {
      #expect(figure(name, in: counts) == value, "\(name)")
    }
  }

  @Test func averagesMLUOverUtterancesWithoutUnintelligibleWords() {
    let transcript = Transcript(
      format: .chat,
      utterances: [
        Utterance(speaker: "PAR", text: "le chat dort ."), Utterance(speaker: "INV", text: "et alors ?"),
        Utterance(speaker: "PAR", text: "il mange xxx ."), Utterance(speaker: "PAR", text: "oui ."),
      ])
    let counts = FrenchWordCounter().count(transcript, speaker: "PAR")
    #expect(counts.utterances == 3)
    #expect(counts.utterancesMLU == 2)
    #expect(counts.mluWords == 2.0)
    #expect(counts.words == 6)
    #expect(counts.ttr == 1.0)
    #expect(FrenchWordCounter().count(transcript, speaker: "INV").words == 2)
  }

  @Test func reportsRatesPer100WordsAndWordErrorPercentage() {
    let transcript = Transcript(
      format: .chat, utterances: [Utterance(speaker: "PAR", text: "&-euh le chien [* s:r] xxx dort .")])
    let counts = FrenchWordCounter().count(transcript, speaker: "PAR")
    #expect(counts.filledPausesPer100Words == 100.0 / 3)
    // EVAL's denominator keeps xxx: le, chien, xxx, dort.
    #expect(counts.pctWordErrors == 25)
  }
}
