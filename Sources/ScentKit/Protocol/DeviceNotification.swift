/// Something the device reports without being asked.
public enum DeviceNotification: Hashable, Sendable {
  case releaseEnded(channel: UInt8, reason: ReleaseEndReason)
  case fault(channel: UInt8, code: FaultCode)
}

/// Why a channel closed.
public enum ReleaseEndReason: UInt8, CaseIterable, Sendable, CustomStringConvertible {
  case completed = 1
  case stopped = 2
  /// The device's own 10 s cap cut the release short.
  case capped = 3
  /// No frame from the host for the watchdog period: the device stopped everything.
  case watchdog = 4
  case cartridgeEmpty = 5

  public var description: String {
    switch self {
    case .completed: "completed"
    case .stopped: "stopped"
    case .capped: "capped"
    case .watchdog: "watchdog"
    case .cartridgeEmpty: "cartridge-empty"
    }
  }
}

/// A fault the device reports for a channel (0 = the device as a whole).
public enum FaultCode: UInt8, CaseIterable, Sendable, CustomStringConvertible {
  case cartridgeEmpty = 1
  case cartridgeMissing = 2
  case fanFailure = 3
  case watchdogTripped = 4

  public var description: String {
    switch self {
    case .cartridgeEmpty: "cartridge-empty"
    case .cartridgeMissing: "cartridge-missing"
    case .fanFailure: "fan-failure"
    case .watchdogTripped: "watchdog-tripped"
    }
  }
}
