import Foundation
import Testing

@testable import SpeechKit

/// Plain text, ASR JSON, WebVTT and SRT imports: all end as CHAT-notation utterances.
struct ImportTests {
  @Test func readsPlainTextWithSpeakerPrefixes() throws {
    let transcript = try PlainTextReader.read(GoldenFile.data("notes.txt"), file: "notes.txt")
    #expect(transcript.format == .plainText)
    #expect(
      transcript.utterances.map { "\($0.speaker): \($0.text)" } == [
        "INV: Qu'est-ce que ça vous évoque ?",
        "PAR: &-euh +...",
        "PAR: le le café de ma mère , le matin .",
        "PAR: On le buvait chez ma grand-mère .",
      ])
    #expect(transcript.utterances.map(\.line) == [1, 2, 2, 3])
  }

  struct Normalisation: CustomTestStringConvertible, Sendable {
    let typed: String
    let chat: [String]
    var testDescription: String { typed }
  }

  static let normalisations: [Normalisation] = [
    Normalisation(typed: "euh le le café", chat: ["&-euh le [/] le café ."]),
    Normalisation(typed: "le café le café de ma mère", chat: ["<le café> [/] le café de ma mère ."]),
    Normalisation(typed: "le euh le café", chat: ["le [/] &-euh le café ."]),
    Normalisation(typed: "Bon. Voilà…", chat: ["Bon .", "Voilà +..."]),
    Normalisation(typed: "c'est quoi?", chat: ["c'est quoi ?"]),
    Normalisation(typed: "j’ai « senti » l' odeur", chat: ["j'ai senti l'odeur ."]),
    Normalisation(typed: "caf- café", chat: ["&+caf café ."]),
    Normalisation(typed: "nous nous sommes mariés", chat: ["nous nous sommes mariés ."]),
    Normalisation(typed: "&-euh <le café> [/] le café .", chat: ["&-euh <le café> [/] le café ."]),
    Normalisation(typed: "chais [: je sais] pas", chat: ["chais [: je sais] pas ."]),
    // A decimal comma is kept for the writer to spell (`un virgule cinq`), not read as `15`.
    Normalisation(typed: "Il avait 1,5 an, pas 15.", chat: ["Il avait 1,5 an , pas 15 ."]),
  ]

  @Test(arguments: normalisations)
  func normalisesTypedTextToCHAT(_ example: Normalisation) throws {
    let normalizer = PlainTextNormalizer()
    let chat = try normalizer.utterances(in: example.typed)
    #expect(chat == example.chat)
    // Normalising CHAT notation again changes nothing.
    #expect(try chat.flatMap { try normalizer.utterances(in: $0) } == chat)
  }

  static let literalNormalisations: [Normalisation] = [
    Normalisation(typed: "euh le le café", chat: ["&-euh le le café ."]),
    Normalisation(typed: "oui oui", chat: ["oui oui ."]),
    Normalisation(typed: "(rires) le café [montre l'image]", chat: ["le café ."]),
    Normalisation(typed: "eh bien, hmmm", chat: ["eh bien , &-hmmm ."]),
    Normalisation(typed: "la pelouge pe- la pelouse", chat: ["la pelouge &+pe la pelouse ."]),
  ]

  /// The literal rule set `wc-fr-plain-1.0` marks nothing as retraced and drops typed notes.
  @Test(arguments: literalNormalisations)
  func normalisesTypedTextLiterally(_ example: Normalisation) throws {
    let normalizer = PlainTextNormalizer(rules: .plainFrench1)
    let chat = try normalizer.utterances(in: example.typed)
    #expect(chat == example.chat)
    #expect(try chat.flatMap { try normalizer.utterances(in: $0) } == chat)
  }

  @Test func refusesAnUnclosedBracketInPlainText() {
    do {
      _ = try PlainTextReader.read(text: "PAR: oui\nPAR: chais [: je sais pas", file: "notes.txt")
      Issue.record("accepted")
    } catch {
      #expect(error.description == "notes.txt:2:12: crochet « [ » non fermé")
    }
  }

  @Test func readsWhisperSegmentsWithWordTimes() throws {
    let transcript = try ASRJSONReader.read(GoldenFile.data("whisper.json"), file: "whisper.json")
    #expect(transcript.format == .asrJSON)
    #expect(transcript.utterances.map(\.speaker) == ["PAR", "SPEAKER_01"])
    #expect(transcript.utterances[0].text == "&-euh le [/] le café de ma mère .")
    #expect(transcript.utterances[0].start == 0.5)
    #expect(transcript.utterances[0].end == 3.2)
    // Words as `%wor` holds them: the punctuation Whisper prints with them is not spoken.
    #expect(transcript.utterances[0].words.map(\.text) == ["Euh", "le", "le", "café", "de", "ma", "mère"])
    #expect(transcript.utterances[1].text == "Bah , le matin , quoi .")
    // A word without an end time has no timing to give.
    #expect(transcript.utterances[1].words.count == 3)
    let counts = FrenchWordCounter().count(transcript, speaker: "PAR")
    #expect(counts.words == 5)
    #expect(counts.filledPauses == 1)
    #expect(counts.repetitions == 1)
  }

  @Test func readsTopLevelWhisperXWords() throws {
    let transcript = try ASRJSONReader.read(GoldenFile.data("whisperx-words.json"))
    #expect(transcript.utterances.map(\.text) == ["j'ai senti l'odeur .", "&-euh voilà ."])
    #expect(transcript.utterances.map(\.start) == [0.2, 2.0])
    #expect(transcript.utterances.map(\.end) == [1.5, 3.0])
  }

  @Test func namesLineAndColumnOfMalformedJSON() {
    do {
      _ = try ASRJSONReader.read(
        Data("{\n  \"words\": [\n    {\"word\": \"oui\" \"start\": 1}\n  ]\n}".utf8), file: "asr.json")
      Issue.record("accepted")
    } catch {
      #expect(error.description == "asr.json:3:20: JSON mal formé ; vérifiez virgules, guillemets et accolades")
    }
  }

  @Test func explainsJSONWithTheWrongShape() {
    do {
      _ = try ASRJSONReader.read(Data("{\"segments\": [{\"start\": \"zéro\"}]}".utf8), file: "asr.json")
      Issue.record("accepted")
    } catch {
      #expect(
        error.description
          == "asr.json:1:1: valeur inattendue en .segments[0].start : « start »/« end » sont des nombres, « word »/« text » du texte"
      )
    }
    do {
      _ = try ASRJSONReader.read(Data("{\"text\": \"bonjour\"}".utf8), file: "asr.json")
      Issue.record("accepted")
    } catch {
      #expect(
        error.description
          == "asr.json:1:1: ni « segments » ni « words » : ce n'est pas une sortie ASR avec temps des mots")
    }
  }

  /// WhisperX gives a segment its majority speaker and each word its own: the end of the
  /// therapist's prompt and the patient's first words in one segment are two speakers' words.
  @Test(arguments: [
    """
    {"segments": [{"start": 1.0, "end": 4.0, "speaker": "SPEAKER_01", "text": "ça vous rappelle ? Le café de ma mère.",
      "words": [{"word": "ça", "start": 1.0, "end": 1.2, "speaker": "SPEAKER_00"},
                {"word": "vous", "start": 1.2, "end": 1.4, "speaker": "SPEAKER_00"},
                {"word": "rappelle?", "start": 1.4, "end": 1.9, "speaker": "SPEAKER_00"},
                {"word": "Le", "start": 2.5, "end": 2.6, "speaker": "SPEAKER_01"},
                {"word": "café", "start": 2.6, "end": 3.0, "speaker": "SPEAKER_01"},
                {"word": "de", "start": 3.0, "end": 3.1},
                {"word": "ma", "start": 3.1, "end": 3.3, "speaker": "SPEAKER_01"},
                {"word": "mère.", "start": 3.3, "end": 4.0, "speaker": "SPEAKER_01"}]}]}
    """,
    """
    {"words": [{"word": "ça", "start": 1.0, "end": 1.2},
               {"word": "vous", "start": 1.2, "end": 1.4, "speaker": "SPEAKER_00"},
               {"word": "rappelle", "start": 1.4, "end": 1.9},
               {"word": "Le", "start": 2.5, "end": 2.6, "speaker": "SPEAKER_01"},
               {"word": "café", "start": 2.6, "end": 3.0, "speaker": "SPEAKER_01"},
               {"word": "de", "start": 3.0, "end": 3.1},
               {"word": "ma", "start": 3.1, "end": 3.3, "speaker": "SPEAKER_01"},
               {"word": "mère.", "start": 3.3, "end": 4.0, "speaker": "SPEAKER_01"}]}
    """,
  ])
  func diarizedWordsAreFiledUnderTheirOwnSpeaker(_ json: String) throws {
    let transcript = try ASRJSONReader.read(Data(json.utf8), file: "whisperx.json")
    #expect(transcript.utterances.map(\.speaker) == ["SPEAKER_00", "SPEAKER_01"])
    #expect(
      transcript.utterances.map { $0.words.map(\.text) } == [
        ["ça", "vous", "rappelle"], ["Le", "café", "de", "ma", "mère"],
      ])
    #expect(transcript.utterances.last?.start == 2.5)
    #expect(FrenchWordCounter().count(transcript, speaker: "SPEAKER_01").words == 5)
  }

  @Test func readsWebVTTCuesWithVoices() throws {
    let transcript = try SubtitleReader.read(GoldenFile.data("answers.vtt"))
    #expect(transcript.format == .webVTT)
    #expect(transcript.utterances.map(\.speaker) == ["INV", "PAR", "PAR"])
    // One utterance per sentence, each with its cue's times: CHAT ends an utterance at `+...`.
    #expect(
      transcript.utterances.map(\.text) == [
        "Qu'est-ce que ça vous évoque ?", "&-euh , le café de ma mère +...", "le matin .",
      ])
    #expect(transcript.utterances.map(\.start) == [1, 4, 4])
    #expect(transcript.utterances.map(\.end) == [3.5, 7.25, 7.25])
  }

  @Test func readsSubtitleCuesInTheOrderTheyStart() throws {
    let transcript = try SubtitleReader.read(
      text: "WEBVTT\n\n00:00:04.000 --> 00:00:05.000\nEt le café.\n\n00:00:01.000 --> 00:00:02.000\nLe pain.\n")
    #expect(transcript.utterances.map(\.text) == ["Le pain .", "Et le café ."])
    #expect(transcript.utterances.map(\.line) == [7, 4])
  }

  @Test func readsSRTCues() throws {
    let transcript = try SubtitleReader.read(GoldenFile.data("answers.srt"))
    #expect(transcript.format == .srt)
    #expect(transcript.utterances.map(\.speaker) == ["INV", "PAR"])
    #expect(transcript.utterances[1].text == "&-euh , le café de ma mère .")
    #expect(transcript.utterances[1].start == 4)
  }

  @Test func refusesABadSubtitleTime() {
    do {
      _ = try SubtitleReader.read(text: "1\n00:00:01,000 --> 00:00:0x,000\noui\n", file: "a.srt")
      Issue.record("accepted")
    } catch {
      #expect(
        error.description
          == "a.srt:2:18: temps de fin « 00:00:0x,000 » invalide : attendu hh:mm:ss,mmm ou mm:ss.mmm, après le début")
    }
    do {
      _ = try SubtitleReader.read(text: "1\noui\n", file: "a.srt")
      Issue.record("accepted")
    } catch {
      #expect(error.description == "a.srt:2:1: ligne de temps « début --> fin » attendue")
    }
  }

  struct Detection: CustomTestStringConvertible, Sendable {
    let file: String
    let format: TranscriptFormat
    var testDescription: String { file }
  }

  @Test(arguments: [
    Detection(file: "session.cha", format: .chat), Detection(file: "short.TextGrid", format: .textGrid),
    Detection(file: "session.TextGrid", format: .textGrid), Detection(file: "whisper.json", format: .asrJSON),
    Detection(file: "answers.vtt", format: .webVTT), Detection(file: "answers.srt", format: .srt),
    Detection(file: "notes.txt", format: .plainText),
  ])
  func detectsTheFormatOfEveryGolden(_ example: Detection) throws {
    let transcript = try TranscriptReader.read(url: GoldenFile.url(example.file))
    #expect(transcript.format == example.format)
    #expect(!transcript.utterances.isEmpty)
  }

  @Test func detectsContentOverExtension() {
    #expect(TranscriptReader.format(of: Data("@UTF8\n@Begin\n".utf8), pathExtension: "txt") == .chat)
    #expect(
      TranscriptReader.format(of: Data("1\n00:00:01,000 --> 00:00:02,000\noui\n".utf8), pathExtension: "txt") == .srt)
    #expect(TranscriptReader.format(of: Data("le café".utf8), pathExtension: "") == .plainText)
  }

  @Test func reportsAMissingFile() {
    do {
      _ = try TranscriptReader.read(url: URL(fileURLWithPath: "/nonexistent/answer.cha"))
      Issue.record("accepted")
    } catch {
      #expect(
        error.description
          == "/nonexistent/answer.cha:1:1: impossible de lire le fichier ; vérifiez le chemin et les droits")
    }
  }
}
