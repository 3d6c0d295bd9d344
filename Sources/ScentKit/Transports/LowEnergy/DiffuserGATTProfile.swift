/// The diffuser's GATT service: one characteristic the host writes frames to, one the device
/// notifies frames on. The frames are those of docs/wire-protocol.md, as a byte stream cut
/// into pieces of at most MTU − 3 bytes.
public enum DiffuserGATTProfile {
  /// Primary service `5c3e0001-c0a9-4e5a-9d1f-2b7a3f8e6d10`.
  public static let service = BluetoothUUID("5c3e0001-c0a9-4e5a-9d1f-2b7a3f8e6d10")!
  /// Command characteristic (write without response): host → device frames.
  public static let command = BluetoothUUID("5c3e0002-c0a9-4e5a-9d1f-2b7a3f8e6d10")!
  /// Event characteristic (notify): device → host frames.
  public static let event = BluetoothUUID("5c3e0003-c0a9-4e5a-9d1f-2b7a3f8e6d10")!
}
