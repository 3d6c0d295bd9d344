internal import CSDL2
import SessionModel

/// The microphone, as 16 kHz mono 16-bit samples; the session runner writes them to WAV.
@MainActor
public final class AudioCapture {
  public static let sampleRate = 16_000
  private let device: SDL_AudioDeviceID
  public private(set) var isCapturing = false

  /// Opens the capture device (paused). `deviceName` nil takes the system's default microphone.
  public init(deviceName: String? = nil) throws(StageError) {
    device = try AudioDevice.open(
      isCapture: true, sampleRate: Self.sampleRate, name: deviceName,
      failure: .init(
        fr: "Impossible d'ouvrir le micro. Vérifiez qu'il est branché.",
        en: "Could not open the microphone. Check that it is plugged in."))
  }

  isolated deinit { AudioDevice.close(device) }

  /// The microphones SDL's audio driver lists, by the names ``init(deviceName:)`` takes; empty when
  /// sound is unavailable.
  public static func deviceNames() -> [String] {
    guard SDL_InitSubSystem(SDL_INIT_AUDIO) == 0 else { return [] }
    defer { SDL_QuitSubSystem(SDL_INIT_AUDIO) }
    return (0..<max(0, SDL_GetNumAudioDevices(1))).compactMap {
      SDL_GetAudioDeviceName($0, 1).map { String(cString: $0) }
    }
  }

  public func start() {
    SDL_PauseAudioDevice(device, 0)
    isCapturing = true
  }

  public func stop() {
    SDL_PauseAudioDevice(device, 1)
    isCapturing = false
  }

  /// The samples captured since the last call.
  public func readAvailable() -> [Int16] {
    var samples: [Int16] = []
    var chunk = [Int16](repeating: 0, count: 4096)
    while true {
      let bytes = chunk.withUnsafeMutableBytes { SDL_DequeueAudio(device, $0.baseAddress, UInt32($0.count)) }
      guard bytes > 0 else { break }
      samples += chunk.prefix(Int(bytes) / 2)
    }
    return samples
  }
}
