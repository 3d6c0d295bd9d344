import Foundation
import Testing

@testable import SpeechKit

struct MemoryCodingTests {
  let automatic = [EvokedMemory(specificity: .general, text: "quand j'étais petite on allait chez ma grand-mère")]

  @Test func keepsTheAutomaticCodingWhenTheTherapistCorrectsIt() throws {
    var coding = MemoryCoding(automatic: automatic)
    #expect(coding.effective == automatic)
    #expect(!coding.isConfirmed)
    let corrected = automatic + [EvokedMemory(specificity: .specific, text: "le jour de mon mariage")]
    let date = Date(timeIntervalSince1970: 1_780_000_000)
    try coding.confirm(corrected, coder: "ORT-02", at: date)
    #expect(coding.automatic == automatic)
    #expect(coding.effective == corrected)
    #expect(coding.coder == "ORT-02")
    #expect(coding.codedAt == date)
  }

  @Test(arguments: ["Marie Dupont", "", "dr.martin@chu.fr", "UN-CODE-BIEN-TROP-LONG"])
  func refusesCoderNamesInsteadOfCodes(_ coder: String) {
    var coding = MemoryCoding(automatic: automatic)
    #expect(throws: MemoryCoding.InvalidCoder.self) { try coding.confirm([], coder: coder, at: Date()) }
    #expect(coding.confirmed == nil)
  }

  @Test func encodesBothCodingsWithTheirProvenance() throws {
    var coding = MemoryCoding(automatic: automatic)
    try coding.confirm([], coder: "NP1", at: Date(timeIntervalSince1970: 0))
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(coding), as: UTF8.self)
    #expect(json.contains("\"coder\":\"NP1\""))
    #expect(json.contains("\"confirmed\":[]"))
    #expect(json.contains("\"method\":\"mem-fr-rules-1.5\""))
    #expect(try JSONDecoder().decode(MemoryCoding.self, from: encoder.encode(coding)) == coding)
  }
}
