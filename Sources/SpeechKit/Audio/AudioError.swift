import SessionModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a WAV file could not be read or written, with the file it concerns.
///
/// The message names the file, says what is wrong and what to do, in French first.
public struct AudioError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Reason: Equatable, Sendable {
    /// The system's error number (errno) from opening the file.
    case cannotOpen(errorNumber: Int32)
    case cannotWrite(String)
    case notRIFF
    case notWAVE
    case truncatedHeader
    case missingFormatChunk
    case missingDataChunk
    case unsupportedEncoding(formatTag: UInt16)
    case unsupportedBitDepth(Int, floatingPoint: Bool)
    case invalidChannelCount(Int)
    case invalidSampleRate(Int)
    case invalidBlockAlign(Int)
    case truncatedData(declaredBytes: Int, presentBytes: Int)
  }

  /// The file's path as given by the caller.
  public let file: String
  public let reason: Reason

  public init(file: String, reason: Reason) {
    self.file = file
    self.reason = reason
  }

  public var message: LocalizedText {
    let name = file
    switch reason {
    case .cannotOpen(let number):
      let detail = Self.openFailure(number)
      return LocalizedText(
        fr: "« \(name) » ne peut pas être ouvert (\(detail.french)) : vérifiez le chemin et les droits.",
        en: "'\(name)' cannot be opened (\(detail.english)): check the path and permissions.")
    case .cannotWrite(let detail):
      return LocalizedText(
        fr: "« \(name) » ne peut pas être écrit (\(detail)) : vérifiez l'espace disque et les droits.",
        en: "'\(name)' cannot be written (\(detail)): check the disk space and permissions.")
    case .notRIFF:
      return LocalizedText(
        fr: "« \(name) » n'est pas un fichier WAV : l'en-tête RIFF manque. Enregistrez-le au format WAV.",
        en: "'\(name)' is not a WAV file: the RIFF header is missing. Save it as WAV.")
    case .notWAVE:
      return LocalizedText(
        fr: "« \(name) » est un fichier RIFF mais pas WAVE. Enregistrez-le au format WAV.",
        en: "'\(name)' is a RIFF file but not WAVE. Save it as WAV.")
    case .truncatedHeader:
      return LocalizedText(
        fr: "« \(name) » est tronqué : l'en-tête WAV est incomplet. Le fichier est endommagé ; réenregistrez-le.",
        en: "'\(name)' is truncated: the WAV header is incomplete. The file is damaged; record it again.")
    case .missingFormatChunk:
      return LocalizedText(
        fr: "« \(name) » est endommagé : le bloc « fmt » manque avant les données.",
        en: "'\(name)' is damaged: the 'fmt' chunk is missing before the data.")
    case .missingDataChunk:
      return LocalizedText(
        fr: "« \(name) » est endommagé : le bloc « data » manque.",
        en: "'\(name)' is damaged: the 'data' chunk is missing.")
    case .unsupportedEncoding(let tag):
      return LocalizedText(
        fr:
          "« \(name) » utilise un codage non pris en charge (format \(tag)) : convertissez-le en WAV PCM ou flottant 32 bits.",
        en: "'\(name)' uses an unsupported encoding (format \(tag)): convert it to PCM or 32-bit float WAV.")
    case .unsupportedBitDepth(let bits, let floatingPoint):
      let kind = floatingPoint ? "flottant" : "PCM"
      let kindEN = floatingPoint ? "float" : "PCM"
      return LocalizedText(
        fr:
          "« \(name) » utilise \(bits) bits par échantillon en \(kind), non pris en charge : utilisez 8, 16, 24 ou 32 bits PCM, ou 32 bits flottant.",
        en:
          "'\(name)' uses \(bits)-bit \(kindEN) samples, which is not supported: use 8, 16, 24 or 32-bit PCM, or 32-bit float."
      )
    case .invalidChannelCount(let count):
      return LocalizedText(
        fr: "« \(name) » annonce \(count) canaux : il en faut entre 1 et 8.",
        en: "'\(name)' declares \(count) channels: between 1 and 8 are needed.")
    case .invalidSampleRate(let rate):
      return LocalizedText(
        fr: "« \(name) » annonce une fréquence d'échantillonnage de \(rate) Hz : il faut entre 1000 et 384000 Hz.",
        en: "'\(name)' declares a sample rate of \(rate) Hz: it must be between 1000 and 384000 Hz.")
    case .invalidBlockAlign(let align):
      return LocalizedText(
        fr: "« \(name) » est endommagé : la taille de trame (\(align) octets) ne correspond pas au format.",
        en: "'\(name)' is damaged: the frame size (\(align) bytes) does not match the format.")
    case .truncatedData(let declared, let present):
      return LocalizedText(
        fr:
          "« \(name) » est tronqué : \(declared) octets de son annoncés, \(present) présents. Si la séance a été interrompue, lancez « connectage db recover » pour réparer ses enregistrements ; sinon réenregistrez.",
        en:
          "'\(name)' is truncated: \(declared) bytes of sound declared, \(present) present. If its session was interrupted, run 'connectage db recover' to repair its recordings; otherwise record again."
      )
    }
  }

  public var description: String { message.english }

  /// The usual reasons a file does not open, in both languages; the system's words otherwise.
  private static func openFailure(_ number: Int32) -> LocalizedText {
    switch number {
    case ENOENT: LocalizedText(fr: "fichier introuvable", en: "no such file")
    case EACCES, EPERM: LocalizedText(fr: "accès refusé", en: "permission denied")
    case EISDIR: LocalizedText(fr: "c'est un dossier", en: "it is a directory")
    default:
      LocalizedText(fr: String(cString: strerror(number)), en: String(cString: strerror(number)))
    }
  }
}
