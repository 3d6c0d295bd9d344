/// What a search for diffusers found (ScentKit's `DiffuserDiscovery` makes it; the home screen's
/// settings show it): each device ConnectAge can drive, and why Bluetooth could not be searched.
public struct DiffuserSearch: Hashable, Sendable {
  public struct Found: Hashable, Sendable {
    /// What `--diffuser` and the settings take: `scentrealm-serial:/dev/ttyUSB0`, `aromashooter:HOST`, `ble:…`.
    public var endpoint: String
    /// The kind of device, as its maker names it.
    public var model: String

    public init(endpoint: String, model: String) {
      self.endpoint = endpoint
      self.model = model
    }
  }

  public var found: [Found]
  /// Why Bluetooth could not be searched (no kernel support, no adapter up); nil when it was.
  public var bluetoothProblem: LocalizedText?

  public init(found: [Found], bluetoothProblem: LocalizedText? = nil) {
    self.found = found
    self.bluetoothProblem = bluetoothProblem
  }
}
