/// How the client talks to the device: timeouts, heartbeat, reconnection.
public struct DiffuserConfiguration: Sendable {
  /// How long to wait for an ACK, NAK or answer.
  public var commandTimeout: Duration = .seconds(2)
  /// The device stops everything after 3 s without a frame; one heartbeat a second keeps it alive.
  public var heartbeatInterval: Duration = .seconds(1)
  /// Delays between reconnection attempts; the last one repeats.
  public var reconnectBackoff: [Duration] = [
    .milliseconds(50), .milliseconds(200), .milliseconds(500), .seconds(1), .seconds(2),
  ]
  /// After this many timeouts in a row the link is treated as dead and rebuilt.
  public var timeoutsBeforeReconnect = 2
  /// Fan boost on every release (the booster carries the scent to the table).
  public var fanBoost = true

  public init() {}
}
