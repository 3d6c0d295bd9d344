import SessionModel

/// The error code of a NAK: why the device refused a well-formed command.
public enum RejectionCode: UInt8, CaseIterable, Sendable {
  case unknownCommand = 0x01
  case malformedPayload = 0x02
  case channelOutOfRange = 0x03
  case intensityOutOfRange = 0x04
  case durationOutOfRange = 0x05
  case cartridgeEmpty = 0x06
  case cartridgeMissing = 0x07
  case busy = 0x08
  case unsupportedVersion = 0x09
  case deviceFault = 0x0A

  /// What a therapist reads when the device refuses.
  public var explanation: LocalizedText {
    switch self {
    case .unknownCommand:
      .init(
        fr: "Le diffuseur ne connaît pas cette commande : mettez son logiciel à jour.",
        en: "The diffuser does not know this command: update its firmware.")
    case .malformedPayload:
      .init(
        fr: "Le diffuseur a reçu une commande mal formée : redémarrez-le puis réessayez.",
        en: "The diffuser received a malformed command: restart it and try again.")
    case .channelOutOfRange:
      .init(
        fr: "Ce canal n'existe pas sur le diffuseur (canaux 1 à 30).",
        en: "This channel does not exist on the diffuser (channels 1 to 30).")
    case .intensityOutOfRange:
      .init(
        fr: "Intensité refusée par le diffuseur (0 à 100 %).", en: "Intensity refused by the diffuser (0 to 100 %).")
    case .durationOutOfRange:
      .init(fr: "Durée refusée par le diffuseur (1 ms à 10 s).", en: "Duration refused by the diffuser (1 ms to 10 s).")
    case .cartridgeEmpty:
      .init(
        fr: "La cartouche de ce canal est vide : remplacez-la.", en: "This channel's cartridge is empty: replace it.")
    case .cartridgeMissing:
      .init(fr: "Aucune cartouche dans ce canal : insérez-en une.", en: "No cartridge in this channel: insert one.")
    case .busy:
      .init(
        fr: "Le diffuseur est occupé : réessayez dans un instant.", en: "The diffuser is busy: try again in a moment.")
    case .unsupportedVersion:
      .init(
        fr: "Version de protocole non prise en charge : mettez le diffuseur à jour.",
        en: "Protocol version not supported: update the diffuser.")
    case .deviceFault:
      .init(
        fr: "Le diffuseur signale une panne : éteignez-le et rallumez-le.",
        en: "The diffuser reports a fault: switch it off and on again.")
    }
  }
}
