import Foundation
import SessionModel

/// Several bought diffusers as one logical diffuser: which device and channel holds the scent of
/// each logical slot. Read from a small text file of the installation's settings:
///
///     # slot scent device channel [cartridge N]
///     device A scentrealm-serial:/dev/ttyUSB0
///     device B aromashooter:192.168.1.20
///     1 pomme A 3 cartridge 101
///     2 citron B 1
///
/// Five 6-channel devices make the 30 slots of a protocol. Where a device can say which cartridge
/// sits in which channel, `cartridge` is the vendor's number, checked at every connection.
public struct DeviceMap: Hashable, Sendable {
  public struct Device: Hashable, Sendable {
    public var name: String
    public var endpoint: VendorEndpoint
  }

  public struct Entry: Hashable, Sendable {
    public var slot: Int
    public var scent: String
    public var device: String
    public var channel: Int
    public var cartridge: Int?
  }

  /// The file it came from, for messages.
  public var file: String
  public var devices: [Device]
  /// By slot.
  public var entries: [Entry]

  public static func load(path: String) throws(DiffuserError) -> DeviceMap {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw .deviceMap(
        .init(
          fr: "\(path) : carte des diffuseurs illisible ; vérifiez le chemin.",
          en: "\(path): the device map cannot be read; check the path."))
    }
    return try DeviceMap(parsing: text, file: path)
  }

  public init(parsing text: String, file: String) throws(DiffuserError) {
    self.file = file
    var devices: [Device] = []
    var entries: [Entry] = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = index + 1
      let words = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        .split(whereSeparator: \.isWhitespace).map(String.init)
      guard !words.isEmpty else { continue }
      func problem(_ french: String, _ english: String) -> DiffuserError {
        .deviceMap(.init(fr: "\(file), ligne \(line) : \(french)", en: "\(file), line \(line): \(english)"))
      }
      if words[0] == "device" {
        guard words.count == 3 else {
          throw problem(
            "attendu « device NOM ADRESSE », par exemple device A aromashooter:192.168.1.20.",
            "expected 'device NAME ADDRESS', e.g. device A aromashooter:192.168.1.20.")
        }
        guard !devices.contains(where: { $0.name == words[1] }) else {
          throw problem("l'appareil \(words[1]) est déclaré deux fois.", "device \(words[1]) is declared twice.")
        }
        let endpoint: VendorEndpoint?
        do { endpoint = try VendorEndpoint(parsing: words[2]) } catch { endpoint = nil }
        guard let endpoint else {
          throw problem(
            "« \(words[2]) » n'est pas une adresse d'appareil (scentrealm-serial:, scentrealm-ble:, aromashooter:).",
            "'\(words[2])' is not a device address (scentrealm-serial:, scentrealm-ble:, aromashooter:).")
        }
        devices.append(Device(name: words[1], endpoint: endpoint))
        continue
      }
      guard words.count == 4 || (words.count == 6 && words[4] == "cartridge"), let slot = Int(words[0]),
        let channel = Int(words[3])
      else {
        throw problem(
          "attendu « EMPLACEMENT PARFUM APPAREIL CANAL [cartridge N] », par exemple 1 pomme A 3.",
          "expected 'SLOT SCENT DEVICE CHANNEL [cartridge N]', e.g. 1 pomme A 3.")
      }
      guard (1...64).contains(slot), !entries.contains(where: { $0.slot == slot }) else {
        throw problem(
          "emplacement \(slot) hors de 1 à 64 ou déjà attribué.", "slot \(slot) is outside 1 to 64 or already mapped.")
      }
      guard let device = devices.first(where: { $0.name == words[2] }) else {
        throw problem(
          "l'appareil \(words[2]) n'est pas déclaré : ajoutez une ligne « device \(words[2]) ADRESSE » plus haut.",
          "device \(words[2]) is not declared: add a line 'device \(words[2]) ADDRESS' above.")
      }
      guard (1...device.endpoint.capabilities.channelCount).contains(channel) else {
        throw problem(
          "l'appareil \(device.name) n'a pas de canal \(channel) (1 à \(device.endpoint.capabilities.channelCount)).",
          "device \(device.name) has no channel \(channel) (1 to \(device.endpoint.capabilities.channelCount)).")
      }
      guard !entries.contains(where: { $0.device == device.name && $0.channel == channel }) else {
        throw problem(
          "le canal \(channel) de l'appareil \(device.name) est déjà attribué.",
          "channel \(channel) of device \(device.name) is already mapped.")
      }
      var cartridge: Int?
      if words.count == 6 {
        guard let number = Int(words[5]), (0...4095).contains(number) else {
          throw problem(
            "numéro de cartouche « \(words[5]) » invalide (0 à 4095).",
            "invalid cartridge number '\(words[5])' (0 to 4095).")
        }
        guard device.endpoint.capabilities.reportsCartridges else {
          throw problem(
            "l'appareil \(device.name) ne sait pas dire quelle cartouche il contient : retirez « cartridge \(number) ».",
            "device \(device.name) cannot tell which cartridge it holds: remove 'cartridge \(number)'.")
        }
        cartridge = number
      }
      entries.append(Entry(slot: slot, scent: words[1], device: device.name, channel: channel, cartridge: cartridge))
    }
    guard !entries.isEmpty else {
      throw .deviceMap(
        .init(
          fr: "\(file) : aucun parfum n'est attribué ; ajoutez des lignes « 1 pomme A 3 ».",
          en: "\(file): no scent is mapped; add lines such as '1 pomme A 3'."))
    }
    self.devices = devices
    self.entries = entries.sorted { $0.slot < $1.slot }
  }

  /// One logical channel per slot up to the highest one mapped.
  public var channelCount: Int { entries.map(\.slot).max() ?? 0 }

  /// The strictest of the devices: the fewest intensity steps, the shortest pulse.
  public var capabilities: DeviceCapabilities {
    let members = devices.map(\.endpoint.capabilities)
    return DeviceCapabilities(
      channelCount: channelCount,
      maximumPulseMilliseconds: members.map(\.maximumPulseMilliseconds).min() ?? 0,
      intensitySteps: members.map(\.intensitySteps).min() ?? 0,
      reportsCartridges: members.allSatisfy(\.reportsCartridges))
  }

  /// What is wrong between this map and the scents a protocol uses: a scent whose slot is not
  /// mapped, or mapped to another scent. Empty when the session can start.
  public func problems(for scents: [Scent]) -> [LocalizedText] {
    scents.compactMap { scent in
      guard let entry = entries.first(where: { $0.slot == scent.slot.rawValue }) else {
        return .init(
          fr: "\(file) : le parfum \(scent.id) (emplacement \(scent.slot.rawValue)) n'est attribué à aucun appareil.",
          en: "\(file): scent \(scent.id) (slot \(scent.slot.rawValue)) is not mapped to any device.")
      }
      guard entry.scent == scent.id.rawValue else {
        return .init(
          fr: "\(file) : l'emplacement \(entry.slot) contient \(entry.scent), le protocole y attend \(scent.id).",
          en: "\(file): slot \(entry.slot) holds \(entry.scent), the protocol expects \(scent.id) there.")
      }
      return nil
    }
  }
}
