import Foundation
import Testing

@testable import SpeechKit

@Suite struct TranscriptSourceTests {
  @Test(arguments: [
    (TranscriptFormat.asrJSON, TranscriptSource.asr), (.plainText, .typed), (.chat, .chat), (.textGrid, .chat),
    (.webVTT, .asr), (.srt, .asr),
  ])
  func eachFormatHasItsDefaultSource(_ format: TranscriptFormat, _ source: TranscriptSource) {
    #expect(Transcript(format: format, utterances: []).source == source)
    #expect(source.isReviewedByAPerson == (source != .asr))
  }

  @Test func aDraftCorrectedByAPersonSaysSo() throws {
    let reviewed = try ASRJSONReader.read(
      Data(#"{"transcript_source": "reviewed", "segments": [{"start": 0, "end": 1, "text": "oui"}]}"#.utf8))
    #expect(reviewed.source == .reviewed)
    let chat = Transcript(
      format: .chat, headers: [CHATHeader(name: "Comment", value: "transcript_source reviewed")], utterances: [])
    #expect(chat.source == .reviewed)
  }

  @Test func anUnknownSourceIsRefusedWithItsLine() throws {
    let error = #expect(throws: TranscriptReadError.self) {
      try ASRJSONReader.read(Data("{\n  \"transcript_source\": \"guess\", \"segments\": []}".utf8), file: "a.json")
    }
    #expect(error?.line == 2)
  }
}
