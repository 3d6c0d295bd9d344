import SessionModel

/// Why the safety governor refused a release. Nothing was sent to the device.
public enum SafetyRefusal: Hashable, Sendable {
  case channelNotOnDevice(channel: Int, channelCount: Int)
  case intensityOutOfRange(requested: Int)
  case durationNotPositive(requestedMilliseconds: Int)
  case pulseTooLong(requestedMilliseconds: Int, maximumMilliseconds: Int)
  case tooSoonAfterPreviousRelease(waitMilliseconds: Int, minimumIntervalMilliseconds: Int)
  case channelDutyCycleExceeded(channel: Int, openMilliseconds: Int, allowedMilliseconds: Int, windowMilliseconds: Int)
  case sessionReleaseCountReached(maximum: Int)
  case sessionReleaseTimeExhausted(remainingMilliseconds: Int, requestedMilliseconds: Int)

  /// A stable name for logs and the event payload.
  public var code: String {
    switch self {
    case .channelNotOnDevice: "channel-not-on-device"
    case .intensityOutOfRange: "intensity-out-of-range"
    case .durationNotPositive: "duration-not-positive"
    case .pulseTooLong: "pulse-too-long"
    case .tooSoonAfterPreviousRelease: "too-soon"
    case .channelDutyCycleExceeded: "duty-cycle"
    case .sessionReleaseCountReached: "session-release-count"
    case .sessionReleaseTimeExhausted: "session-release-time"
    }
  }

  public var explanation: LocalizedText {
    switch self {
    case .channelNotOnDevice(let channel, let count):
      .init(
        fr: "Diffusion refusée : le canal \(channel) n'existe pas sur ce diffuseur (canaux 1 à \(count)).",
        en: "Release refused: channel \(channel) does not exist on this diffuser (channels 1 to \(count)).")
    case .intensityOutOfRange(let requested):
      .init(
        fr: "Diffusion refusée : intensité \(requested) % hors de 0 à 100 %.",
        en: "Release refused: intensity \(requested) % is outside 0 to 100 %.")
    case .durationNotPositive(let requested):
      .init(
        fr: "Diffusion refusée : durée de \(requested) ms, elle doit être positive.",
        en: "Release refused: duration of \(requested) ms, it must be positive.")
    case .pulseTooLong(let requested, let maximum):
      .init(
        fr: "Diffusion refusée : \(requested) ms dépasse la durée maximale de \(maximum) ms par diffusion.",
        en: "Release refused: \(requested) ms exceeds the maximum of \(maximum) ms per release.")
    case .tooSoonAfterPreviousRelease(let wait, let minimum):
      .init(
        fr:
          "Diffusion refusée : trop tôt après la précédente (écart minimal \(minimum) ms) ; attendez encore \(wait) ms.",
        en: "Release refused: too soon after the previous one (minimum gap \(minimum) ms); wait another \(wait) ms.")
    case .channelDutyCycleExceeded(let channel, let open, let allowed, let window):
      .init(
        fr:
          "Diffusion refusée : le canal \(channel) serait ouvert \(open) ms sur \(window) ms (maximum \(allowed) ms).",
        en: "Release refused: channel \(channel) would be open \(open) ms out of \(window) ms (maximum \(allowed) ms).")
    case .sessionReleaseCountReached(let maximum):
      .init(
        fr: "Diffusion refusée : la séance a atteint son maximum de \(maximum) diffusions.",
        en: "Release refused: the session has reached its maximum of \(maximum) releases.")
    case .sessionReleaseTimeExhausted(let remaining, let requested):
      .init(
        fr: "Diffusion refusée : il reste \(remaining) ms de diffusion pour la séance, \(requested) ms demandées.",
        en: "Release refused: \(remaining) ms of release time remain in the session, \(requested) ms requested.")
    }
  }
}
