import Foundation
import SpeechKit
import Testing

@Suite struct WAVReaderErrorTests {
  struct BadFile: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: @Sendable () -> [UInt8]
    let french: String
    var testDescription: String { name }
  }

  /// A valid 16-bit mono file with four samples.
  static func valid() -> [UInt8] {
    var bytes = Array("RIFF".utf8) + le32(36 + 8) + Array("WAVEfmt ".utf8) + le32(16)
    bytes += le16(1) + le16(1) + le32(16_000) + le32(32_000) + le16(2) + le16(16)
    bytes += Array("data".utf8) + le32(8) + [1, 0, 2, 0, 3, 0, 4, 0]
    return bytes
  }

  static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
  static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }

  static func replacing(_ range: Range<Int>, with bytes: [UInt8]) -> [UInt8] {
    var file = valid()
    file.replaceSubrange(range, with: bytes)
    return file
  }

  static let cases: [BadFile] = [
    .init(
      name: "empty file", bytes: { [] },
      french: "« f.wav » n'est pas un fichier WAV : l'en-tête RIFF manque. Enregistrez-le au format WAV."),
    .init(
      name: "a text file", bytes: { Array("bonjour tout le monde".utf8) },
      french: "« f.wav » n'est pas un fichier WAV : l'en-tête RIFF manque. Enregistrez-le au format WAV."),
    .init(
      name: "cut inside the RIFF header", bytes: { Array(valid().prefix(7)) },
      french: "« f.wav » est tronqué : l'en-tête WAV est incomplet. Le fichier est endommagé ; réenregistrez-le."),
    .init(
      name: "RIFF but not WAVE", bytes: { replacing(8..<12, with: Array("AVI ".utf8)) },
      french: "« f.wav » est un fichier RIFF mais pas WAVE. Enregistrez-le au format WAV."),
    .init(
      name: "cut inside the fmt chunk", bytes: { Array(valid().prefix(30)) },
      french: "« f.wav » est tronqué : l'en-tête WAV est incomplet. Le fichier est endommagé ; réenregistrez-le."),
    .init(
      name: "no data chunk", bytes: { Array(valid().prefix(36)) },
      french: "« f.wav » est endommagé : le bloc « data » manque."),
    .init(
      name: "data before fmt", bytes: { Array("RIFF".utf8) + le32(12) + Array("WAVEdata".utf8) + le32(0) },
      french: "« f.wav » est endommagé : le bloc « fmt » manque avant les données."),
    .init(
      name: "compressed (ADPCM)", bytes: { replacing(20..<22, with: le16(2)) },
      french:
        "« f.wav » utilise un codage non pris en charge (format 2) : convertissez-le en WAV PCM ou flottant 32 bits."),
    .init(
      name: "12-bit PCM", bytes: { replacing(34..<36, with: le16(12)) },
      french:
        "« f.wav » utilise 12 bits par échantillon en PCM, non pris en charge : utilisez 8, 16, 24 ou 32 bits PCM, ou 32 bits flottant."
    ),
    .init(
      name: "16-bit float", bytes: { replacing(20..<22, with: le16(3)) },
      french:
        "« f.wav » utilise 16 bits par échantillon en flottant, non pris en charge : utilisez 8, 16, 24 ou 32 bits PCM, ou 32 bits flottant."
    ),
    .init(
      name: "zero channels", bytes: { replacing(22..<24, with: le16(0)) },
      french: "« f.wav » annonce 0 canaux : il en faut entre 1 et 8."),
    .init(
      name: "sample rate 0", bytes: { replacing(24..<28, with: le32(0)) },
      french: "« f.wav » annonce une fréquence d'échantillonnage de 0 Hz : il faut entre 1000 et 384000 Hz."),
    .init(
      name: "wrong frame size", bytes: { replacing(32..<34, with: le16(3)) },
      french: "« f.wav » est endommagé : la taille de trame (3 octets) ne correspond pas au format."),
    .init(
      name: "data cut short", bytes: { Array(valid().prefix(48)) },
      french:
        "« f.wav » est tronqué : 8 octets de son annoncés, 4 présents. Si la séance a été interrompue, lancez « connectage db recover » pour réparer ses enregistrements ; sinon réenregistrez."
    ),
  ]

  @Test("a damaged file is refused with a message naming it", arguments: cases)
  func damagedFileIsRefused(_ badFile: BadFile) throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("f.wav")
    try Data(badFile.bytes()).write(to: url)
    let error = #expect(throws: AudioError.self) { try WAVFile.read(url) }
    #expect(error?.message.french == badFile.french.replacingOccurrences(of: "f.wav", with: url.path))
  }

  @Test func missingFileNamesThePath() {
    let error = #expect(throws: AudioError.self) { try WAVFile.read(URL(fileURLWithPath: "/nonexistent/answer.wav")) }
    #expect(
      error?.message.french
        == "« /nonexistent/answer.wav » ne peut pas être ouvert (fichier introuvable) : vérifiez le chemin et les droits."
    )
    #expect(
      error?.message.english
        == "'/nonexistent/answer.wav' cannot be opened (no such file): check the path and permissions.")
  }

  @Test func aDirectoryIsNotAFile() throws {
    let directory = try TemporaryDirectory()
    let error = #expect(throws: AudioError.self) { try WAVFile.read(directory.url) }
    #expect(
      error?.message.french
        == "« \(directory.url.path) » ne peut pas être ouvert (c'est un dossier) : vérifiez le chemin et les droits.")
  }

  @Test func theValidFixtureReads() throws {
    let reader = try WAVReader(bytes: Self.valid())
    #expect(try reader.readAllMono() == [1, 2, 3, 4].map { Float($0) / 32_768 })
  }
}
