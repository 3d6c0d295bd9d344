/// A frame-carrying GATT service: one characteristic the host writes, one the device notifies.
/// ConnectAge's own diffuser and the Nordic UART service of Scentrealm players have this shape.
public struct GATTProfile: Hashable, Sendable {
  public var service: BluetoothUUID
  /// Host → device (write without response).
  public var command: BluetoothUUID
  /// Device → host (notify).
  public var event: BluetoothUUID

  public init(service: BluetoothUUID, command: BluetoothUUID, event: BluetoothUUID) {
    self.service = service
    self.command = command
    self.event = event
  }

  public static let connectAge = GATTProfile(
    service: DiffuserGATTProfile.service, command: DiffuserGATTProfile.command, event: DiffuserGATTProfile.event)

  /// Nordic UART service, as Scentrealm players offer it (`6e400001-…`, write `…02`, notify `…03`).
  public static let nordicUART = GATTProfile(
    service: BluetoothUUID("6e400001-b5a3-f393-e0a9-e50e24dcca9e")!,
    command: BluetoothUUID("6e400002-b5a3-f393-e0a9-e50e24dcca9e")!,
    event: BluetoothUUID("6e400003-b5a3-f393-e0a9-e50e24dcca9e")!)
}
