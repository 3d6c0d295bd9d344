import Foundation
import SessionModel

/// What asking the diffuser found.
public enum DiffuserReport: Hashable, Sendable {
  /// The session uses no diffuser.
  case noDiffuser
  case found(model: String, channels: Int, emptyOrMissing: [Int], lowest: Int?)
  case unreachable(LocalizedText)
}

/// What a test puff did.
public enum PuffResult: Hashable, Sendable {
  case released(channel: Int, milliseconds: Int)
  case failed(channel: Int, LocalizedText)
}

/// What the microphone heard over the last moment.
public struct MicrophoneLevel: Hashable, Sendable {
  /// Root mean square and peak, each 0…1 of full scale.
  public var rms: Double
  public var peak: Double

  public init(rms: Double, peak: Double) {
    self.rms = rms
    self.peak = peak
  }

  /// The level of 16-bit samples.
  public init(samples: [Int16]) {
    guard !samples.isEmpty else {
      self.init(rms: 0, peak: 0)
      return
    }
    var sum = 0.0
    var peak = 0
    for sample in samples {
      let value = Double(sample) / 32_768
      sum += value * value
      peak = max(peak, abs(Int(sample)))
    }
    self.init(rms: (sum / Double(samples.count)).squareRoot(), peak: Double(peak) / 32_768)
  }

  /// dBFS mapped to 0…1 for the meter: −60 dB and below at 0, 0 dB at 1.
  public static func meterPosition(_ amplitude: Double) -> Double {
    guard amplitude > 0 else { return 0 }
    return min(1, max(0, (20 * log10(amplitude) + 60) / 60))
  }

  /// Speech nearer than this is too quiet for the voice detector (−40 dBFS RMS).
  public static let quietBelow = 0.01
  /// A sample this close to full scale is clipped.
  public static let clipsAt = 0.98
}

/// The microphone's verdict over the whole check, from every level heard since it opened.
public struct MicrophoneHearing: Hashable, Sendable {
  public var loudestRMS = 0.0
  public var clippedMoments = 0
  public var moments = 0
  public var last = MicrophoneLevel(rms: 0, peak: 0)

  public init() {}

  public mutating func add(_ level: MicrophoneLevel) {
    last = level
    moments += 1
    loudestRMS = max(loudestRMS, level.rms)
    if level.peak >= MicrophoneLevel.clipsAt { clippedMoments += 1 }
  }

  public enum Verdict: Hashable, Sendable {
    case waiting, good, tooQuiet, clipping
  }

  /// Clipping wins over all; too quiet only once a few seconds were heard (about 20 moments).
  public var verdict: Verdict {
    if clippedMoments > 0 { return .clipping }
    if loudestRMS >= MicrophoneLevel.quietBelow * 3 { return .good }
    return moments >= 20 ? .tooQuiet : .waiting
  }
}

/// What a session left for its summary screen.
public struct SessionReport: Hashable, Sendable {
  public var session: String
  public var players: Int
  /// Who spoke (pseudonymous codes, or seats without one) and how many answers each.
  public var speakers: [String: Int]
  public var recordedAnswers: Int
  public var measuredAnswers: Int
  public var releasedScents: Int
  /// What went wrong or was missing, in the therapist's words.
  public var incidents: [LocalizedText]

  public init(
    session: String, players: Int, speakers: [String: Int], recordedAnswers: Int, measuredAnswers: Int,
    releasedScents: Int, incidents: [LocalizedText]
  ) {
    self.session = session
    self.players = players
    self.speakers = speakers
    self.recordedAnswers = recordedAnswers
    self.measuredAnswers = measuredAnswers
    self.releasedScents = releasedScents
    self.incidents = incidents
  }
}
