import SessionModel

/// Opens what a ``DiffuserEndpoint`` names when it is a bought device or a device map: every
/// device, each asked who it is (so each must answer), cartridges checked against the map, then
/// one ``VendorBridgeTransport`` the client talks to as to a single diffuser.
enum LogicalDiffuser {
  static func open(_ endpoint: VendorEndpoint) async throws(DiffuserError) -> VendorBridgeTransport {
    let device = try await endpoint.open()
    let identity: VendorIdentity
    do {
      identity = try await device.identify()
    } catch {
      device.close()
      throw error
    }
    let channels = device.capabilities.channelCount
    return VendorBridgeTransport(
      devices: [device], routes: (1...channels).map { ChannelRoute(device: 0, channel: $0) },
      scentsByChannel: (0..<channels).map { index in identity.cartridges.map { "#\($0[index])" } ?? "" },
      model: identity.model, firmware: identity.firmware, keepAliveInterval: endpoint.keepAliveInterval,
      peer: endpoint.kind)
  }

  static func open(_ map: DeviceMap) async throws(DiffuserError) -> VendorBridgeTransport {
    var devices: [any VendorDevice] = []
    func fail(_ error: DiffuserError) -> DiffuserError {
      for device in devices { device.close() }
      return error
    }
    for member in map.devices {
      do throws(DiffuserError) {
        let device = try await member.endpoint.open()
        devices.append(device)
        let identity = try await device.identify()
        if let reported = identity.cartridges {
          for entry in map.entries where entry.device == member.name {
            guard let expected = entry.cartridge, reported.indices.contains(entry.channel - 1) else { continue }
            let found = reported[entry.channel - 1]
            guard found == expected else {
              throw .deviceMap(
                .init(
                  fr:
                    "\(map.file) : l'appareil \(member.name), canal \(entry.channel), contient la cartouche \(found) ; la carte y attend \(expected) (\(entry.scent)). Corrigez la carte ou changez la cartouche.",
                  en:
                    "\(map.file): device \(member.name), channel \(entry.channel), holds cartridge \(found); the map expects \(expected) (\(entry.scent)). Fix the map or swap the cartridge."
                ))
            }
          }
        }
      } catch .deviceMap(let text) {
        throw fail(.deviceMap(text))
      } catch {
        throw fail(
          .deviceMap(
            .init(
              fr:
                "\(map.file) : l'appareil \(member.name) (\(member.endpoint.kind)) ne répond pas : \(error.explanation.french)",
              en:
                "\(map.file): device \(member.name) (\(member.endpoint.kind)) does not answer: \(error.explanation.english)"
            )))
      }
    }
    let names = map.devices.map(\.name)
    var routes: [ChannelRoute?] = Array(repeating: nil, count: map.channelCount)
    var scents = Array(repeating: "", count: map.channelCount)
    for entry in map.entries {
      routes[entry.slot - 1] = ChannelRoute(device: names.firstIndex(of: entry.device)!, channel: entry.channel)
      scents[entry.slot - 1] = entry.scent
    }
    return VendorBridgeTransport(
      devices: devices, routes: routes, scentsByChannel: scents,
      model: "ConnectAge device map (\(devices.count) devices)",
      firmware: map.devices.map { "\($0.name)=\($0.endpoint.kind)" }.joined(separator: " "),
      keepAliveInterval: map.devices.map(\.endpoint.keepAliveInterval).min() ?? .seconds(5), peer: "devices")
  }
}
