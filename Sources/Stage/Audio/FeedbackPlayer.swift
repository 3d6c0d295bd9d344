internal import CSDL2
import Foundation
import SessionModel

/// Plays the feedback sounds: `Assets/sounds/<name>.wav` when present, else a generated chime.
@MainActor
public final class FeedbackPlayer {
  nonisolated static let sampleRate = 48_000
  private let device: SDL_AudioDeviceID
  private var sounds: [FeedbackSound: [Int16]] = [:]

  public init(assetsRoot: URL = StageConfiguration.bundledAssets, deviceName: String? = nil) throws(StageError) {
    device = try AudioDevice.open(
      isCapture: false, sampleRate: Self.sampleRate, name: deviceName,
      failure: .init(fr: "Impossible d'ouvrir la sortie son.", en: "Could not open the sound output."))
    for sound in FeedbackSound.allCases {
      let file = assetsRoot.appendingPathComponent("sounds/\(sound.rawValue).wav")
      sounds[sound] = Self.loadWAV(file) ?? Chime.samples(for: sound, sampleRate: Self.sampleRate)
    }
    SDL_PauseAudioDevice(device, 0)
  }

  isolated deinit { AudioDevice.close(device) }

  /// Queues the sound; a new sound waits for the one playing, so nothing ever piles up into noise.
  public func play(_ sound: FeedbackSound) {
    guard let samples = sounds[sound] else { return }
    // More than half a second queued means presses outpace the sounds: skip this one.
    guard SDL_GetQueuedAudioSize(device) < UInt32(Self.sampleRate) else { return }
    samples.withUnsafeBytes { _ = SDL_QueueAudio(device, $0.baseAddress, UInt32($0.count)) }
  }

  /// The samples of a sound as the player holds them, at 48 kHz mono.
  func samples(of sound: FeedbackSound) -> [Int16] { sounds[sound] ?? [] }

  /// A WAV file converted to the device's format, or nil when it is missing or unreadable.
  nonisolated static func loadWAV(_ url: URL) -> [Int16]? {
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    var spec = SDL_AudioSpec()
    var buffer: UnsafeMutablePointer<UInt8>?
    var length: UInt32 = 0
    guard CSDL2_LoadWAV(url.path, &spec, &buffer, &length) != nil, let buffer else { return nil }
    defer { SDL_FreeWAV(buffer) }
    var converter = SDL_AudioCVT()
    guard
      SDL_BuildAudioCVT(&converter, spec.format, spec.channels, spec.freq, CSDL2_AUDIO_S16SYS, 1, Int32(sampleRate))
        >= 0
    else { return nil }
    // The converter works in place in a buffer large enough for its longest intermediate step.
    var bytes = [UInt8](repeating: 0, count: Int(length) * Int(max(1, converter.len_mult)))
    bytes.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(start: buffer, count: Int(length))) }
    converter.len = Int32(length)
    let converted = bytes.withUnsafeMutableBytes { raw -> Int32 in
      converter.buf = raw.baseAddress?.assumingMemoryBound(to: UInt8.self)
      return SDL_ConvertAudio(&converter)
    }
    guard converted == 0 else { return nil }
    let count = Int(converter.len_cvt) / 2
    let samples = bytes.withUnsafeBytes { Array($0.bindMemory(to: Int16.self).prefix(count)) }
    return samples.isEmpty ? nil : samples
  }
}
