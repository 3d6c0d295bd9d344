import SessionModel

#if canImport(Glibc)
  import Glibc
#endif

/// Everything that can go wrong between the host and the diffuser, each explained with what to do.
public enum DiffuserError: Error, Hashable, Sendable {
  /// errno 97: the kernel has no Bluetooth support at all.
  case bluetoothUnsupported
  /// errno 19: Bluetooth works but no adapter is plugged in.
  case noAdapter
  /// The adapter exists but is switched off (errno 100, or HCI flags).
  case adapterDown
  /// The adapter refused to scan (EIO/EBUSY from an HCI command): another program scans or holds it.
  case adapterBusy
  /// errno 111, 112, 113 (and 110 from connect): the diffuser is off, out of range or not listening.
  case deviceUnreachable(errno: Int32)
  /// errno 1 or 13.
  case permissionDenied
  /// No answer to a command within the timeout.
  case timeout(MessageType)
  /// There was no link: the command was not sent.
  case disconnected
  /// The link dropped after the command was sent, before its answer: the device may have carried it out.
  case answerLost(MessageType)
  /// The device answered with a NAK.
  case rejected(RejectionCode)
  /// The safety governor refused the release; nothing was sent.
  case refused(SafetyRefusal)
  case invalidAddress(String)
  /// The Bluetooth device answers but offers no diffuser service (GATT): wrong address.
  case notADiffuser(String)
  /// The device answered something this host cannot make sense of.
  case protocolViolation(String)
  /// The client was shut down.
  case closed
  case system(call: String, errno: Int32)
  /// A device map that cannot be read or does not match the devices plugged in.
  case deviceMap(LocalizedText)

  /// Maps the errno of a failed socket or HCI call to the case a therapist can act on.
  public static func from(errno code: Int32, call: String) -> DiffuserError {
    switch code {
    case EAFNOSUPPORT: .bluetoothUnsupported
    case ENODEV: .noAdapter
    case ENETDOWN: .adapterDown
    case ECONNREFUSED, EHOSTDOWN, EHOSTUNREACH, ETIMEDOUT, ENOENT: .deviceUnreachable(errno: code)
    case EACCES, EPERM: .permissionDenied
    case EPIPE, ECONNRESET: .disconnected
    default: .system(call: call, errno: code)
    }
  }

  /// A short, stable name for logs: never an address, a path or a message.
  public var code: String {
    switch self {
    case .bluetoothUnsupported: "bluetooth-unsupported"
    case .noAdapter: "no-adapter"
    case .adapterDown: "adapter-down"
    case .adapterBusy: "adapter-busy"
    case .deviceUnreachable(let code): "device-unreachable-errno-\(code)"
    case .permissionDenied: "permission-denied"
    case .timeout: "timeout"
    case .disconnected: "disconnected"
    case .answerLost: "answer-lost"
    case .rejected(let code): "rejected-\(code)"
    case .refused(let refusal): refusal.code
    case .invalidAddress: "invalid-address"
    case .notADiffuser: "not-a-diffuser"
    case .protocolViolation: "protocol-violation"
    case .closed: "closed"
    case .system(let call, let code): "system-\(call)-errno-\(code)"
    case .deviceMap: "device-map"
    }
  }

  public var explanation: LocalizedText {
    switch self {
    case .bluetoothUnsupported:
      .init(
        fr: "Le noyau de cet ordinateur ne prend pas en charge le Bluetooth (errno 97). "
          + "Utilisez un ordinateur avec Bluetooth, ou le simulateur : connectage diffuser simulate.",
        en: "This computer's kernel has no Bluetooth support (errno 97). "
          + "Use a computer with Bluetooth, or the simulator: connectage diffuser simulate.")
    case .noAdapter:
      .init(
        fr: "Aucun adaptateur Bluetooth trouvé (errno 19). Branchez un adaptateur Bluetooth USB puis réessayez.",
        en: "No Bluetooth adapter found (errno 19). Plug in a USB Bluetooth adapter and try again.")
    case .adapterDown:
      .init(
        fr: "L'adaptateur Bluetooth est éteint. Activez le Bluetooth (bluetoothctl power on) puis réessayez.",
        en: "The Bluetooth adapter is switched off. Turn Bluetooth on (bluetoothctl power on) and try again.")
    case .adapterBusy:
      .init(
        fr:
          "L'adaptateur Bluetooth refuse de chercher : une autre application l'utilise peut-être. Fermez-la (ou débranchez et rebranchez l'adaptateur) puis réessayez.",
        en:
          "The Bluetooth adapter refuses to scan: another application may be using it. Close it (or unplug and replug the adapter) and try again."
      )
    case .deviceUnreachable(let code):
      .init(
        fr:
          "Le diffuseur ne répond pas (errno \(code)) : vérifiez qu'il est allumé, chargé et à moins de 5 mètres, puis réessayez.",
        en:
          "The diffuser does not answer (errno \(code)): check that it is on, charged and within 5 metres, then try again."
      )
    case .permissionDenied:
      .init(
        fr: "Accès au Bluetooth refusé. Ajoutez votre compte au groupe « bluetooth » ou demandez à l'administrateur.",
        en: "Bluetooth access denied. Add your account to the 'bluetooth' group or ask the administrator.")
    case .timeout(let type):
      .init(
        fr: "Le diffuseur n'a pas répondu à temps (commande \(type)). Rapprochez-le de l'ordinateur ou redémarrez-le.",
        en: "The diffuser did not answer in time (command \(type)). Move it closer to the computer or restart it.")
    case .disconnected:
      .init(
        fr: "La liaison avec le diffuseur a été coupée. Vérifiez qu'il est allumé ; la reconnexion est automatique.",
        en: "The link to the diffuser was lost. Check that it is on; it reconnects automatically.")
    case .answerLost(let type):
      .init(
        fr:
          "La liaison avec le diffuseur a été coupée avant sa réponse (commande \(type)) : il l'a peut-être exécutée. La reconnexion est automatique.",
        en:
          "The link to the diffuser was lost before its answer (command \(type)): it may have carried it out. It reconnects automatically."
      )
    case .rejected(let code): code.explanation
    case .refused(let refusal): refusal.explanation
    case .invalidAddress(let text):
      .init(
        fr:
          "Adresse de diffuseur invalide : « \(text) ». Exemple attendu : AA:BB:CC:DD:EE:FF, ble:AA:BB:CC:DD:EE:FF, scentrealm-serial:/dev/ttyUSB0, aromashooter:hôte, devices:/chemin/carte.conf, unix:/chemin ou tcp:hôte:port.",
        en:
          "Invalid diffuser address: '\(text)'. Expected for example AA:BB:CC:DD:EE:FF, ble:AA:BB:CC:DD:EE:FF, scentrealm-serial:/dev/ttyUSB0, aromashooter:host, devices:/path/map.conf, unix:/path or tcp:host:port."
      )
    case .notADiffuser(let detail):
      .init(
        fr:
          "Cet appareil Bluetooth n'est pas un diffuseur ConnectAge (\(detail)). Vérifiez l'adresse avec connectage diffuser scan.",
        en:
          "This Bluetooth device is not a ConnectAge diffuser (\(detail)). Check the address with connectage diffuser scan."
      )
    case .protocolViolation(let detail):
      .init(
        fr: "Le diffuseur a envoyé une réponse incompréhensible (\(detail)). Mettez-le à jour ou redémarrez-le.",
        en: "The diffuser sent an answer that makes no sense (\(detail)). Update or restart it.")
    case .closed:
      .init(fr: "La connexion au diffuseur est fermée.", en: "The connection to the diffuser is closed.")
    case .system(let call, let code):
      .init(
        fr:
          "Erreur système \(code) (\(String(cString: strerror(code)))) pendant \(call). Redémarrez l'ordinateur si cela se répète.",
        en:
          "System error \(code) (\(String(cString: strerror(code)))) during \(call). Restart the computer if it happens again."
      )
    case .deviceMap(let text): text
    }
  }
}
