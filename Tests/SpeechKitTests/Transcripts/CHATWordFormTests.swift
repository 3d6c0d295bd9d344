import Testing

@testable import SpeechKit

/// What typed or recognised text becomes on a CHAT main tier; the whole files these make pass CLAN
/// `check` (ResearchTests' `CHATExportSourcesTests`).
@Suite struct CHATWordFormTests {
  @Test(arguments: [
    ("Tom & Jerry.", "Tom et Jerry ."),
    ("cinquante % des gens.", "cinquante pour cent des gens ."),
    ("50% des gens.", "50% des gens ."),
    ("oui -- enfin.", "oui enfin ."),
    ("plus > moins.", "plus moins ."),
    ("a=b #bien.", "ab bien ."),
    ("x@gmail, bon@o.", "x , bon@o ."),
    ("le café@s:eng.", "le café@s:eng ."),
    ("oui] le (rires il rit.", "oui le rires il rit ."),
    ("un p(e)tit chat.", "un p(e)tit chat ."),
    ("ok 😀 ❤️ merci.", "ok merci ."),
    ("a--b.", "a-b ."),
    ("il a dit {non}.", "il a dit non ."),
    ("&-euh le (.) café.", "&-euh le (.) café ."),
    ("<le café> [/] le café.", "<le café> [/] le café ."),
  ])
  func reservedCharactersAreDroppedOrSaid(_ typed: String, _ chat: String) throws {
    #expect(try PlainTextNormalizer().utterances(in: typed) == [chat])
  }

  @Test(arguments: [
    (" Bonjour,", "Bonjour"), ("café?", "café"), ("«Maman»", "Maman"), ("disait…", "disait"),
    ("aujourd'hui", "aujourd'hui"), ("peut-être.", "peut-être"),
  ])
  func aTimedWordLosesThePunctuationASRPrintsWithIt(_ spoken: String, _ word: String) {
    #expect(CHATWordForm.spokenWord(spoken) == word)
  }

  @Test func aTimedWordOfPunctuationAloneIsNoWord() {
    #expect(CHATWordForm.spokenWord(" ?") == nil)
    #expect(CHATWordForm.spokenWord("…") == nil)
  }
}
