import ScentKit
import SessionModel
import Testing

struct SafetyGovernorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let testDescription: String
    var limits = ScentSafetyLimits.standard
    /// (channel, start in ms, duration in ms)
    var history: [(Int, Int, Int)] = []
    var channel = 1
    var intensity = 50
    var duration = 3_000
    var at = 1_000_000
    let code: String?
    let french: String?
  }

  static let sharpDuty = ScentSafetyLimits(
    maximumPulseMilliseconds: 10_000, minimumIntervalMilliseconds: 10_000, maximumChannelDutyCycle: 0.4,
    dutyCycleWindowMilliseconds: 60_000)

  static let cases: [Case] = [
    Case(testDescription: "a release within every limit", code: nil, french: nil),
    Case(
      testDescription: "intensity above 100 %", intensity: 120, code: "intensity-out-of-range",
      french: "Diffusion refusée : intensité 120 % hors de 0 à 100 %."),
    Case(
      testDescription: "zero duration", duration: 0, code: "duration-not-positive",
      french: "Diffusion refusée : durée de 0 ms, elle doit être positive."),
    Case(
      testDescription: "pulse longer than the maximum", duration: 6_000, code: "pulse-too-long",
      french: "Diffusion refusée : 6000 ms dépasse la durée maximale de 5000 ms par diffusion."),
    Case(
      testDescription: "too soon after the previous release", history: [(2, 0, 5_000)], at: 20_000, code: "too-soon",
      french: "Diffusion refusée : trop tôt après la précédente (écart minimal 30000 ms) ; attendez encore 15000 ms."),
    Case(
      testDescription: "channel duty cycle", limits: sharpDuty,
      history: [(1, 0, 10_000), (1, 20_000, 10_000), (1, 40_000, 10_000)],
      duration: 10_000, at: 60_000, code: "duty-cycle",
      french: "Diffusion refusée : le canal 1 serait ouvert 30000 ms sur 60000 ms (maximum 24000 ms)."),
    Case(
      testDescription: "duty cycle counts only the same channel", limits: sharpDuty,
      history: [(2, 0, 10_000), (2, 20_000, 10_000), (2, 40_000, 10_000)], duration: 10_000, at: 60_000, code: nil,
      french: nil),
    Case(
      testDescription: "session release count", limits: ScentSafetyLimits(maximumReleasesPerSession: 2),
      history: [(1, 0, 1_000), (2, 100_000, 1_000)], code: "session-release-count",
      french: "Diffusion refusée : la séance a atteint son maximum de 2 diffusions."),
    Case(
      testDescription: "session release time",
      limits: ScentSafetyLimits(maximumTotalReleaseMillisecondsPerSession: 8_000),
      history: [(1, 0, 5_000)], duration: 4_000, code: "session-release-time",
      french: "Diffusion refusée : il reste 3000 ms de diffusion pour la séance, 4000 ms demandées."),
  ]

  @Test(arguments: cases)
  func eachLimitRefusesWithItsMessage(_ testCase: Case) throws {
    var governor = SafetyGovernor(limits: testCase.limits)
    for (channel, start, duration) in testCase.history {
      governor.record(
        channel: try #require(CartridgeSlot(rawValue: channel)), durationMilliseconds: duration,
        at: UInt64(start) * 1_000_000)
    }
    let refusal = governor.refusal(
      channel: try #require(CartridgeSlot(rawValue: testCase.channel)), intensity: testCase.intensity,
      durationMilliseconds: testCase.duration, at: UInt64(testCase.at) * 1_000_000)
    #expect(refusal?.code == testCase.code)
    #expect(refusal?.explanation.french == testCase.french)
    if let refusal {
      #expect(!refusal.explanation.english.isEmpty && refusal.explanation.english != refusal.explanation.french)
    }
  }

  @Test(arguments: cases)
  func aGovernorGivenTheHistoryOfAnInterruptedRunDecidesTheSame(_ testCase: Case) throws {
    let history = testCase.history.map { channel, start, duration in
      SafetyGovernor.PastRelease(
        channel: channel, startNanoseconds: UInt64(start) * 1_000_000, durationMilliseconds: duration)
    }
    let governor = SafetyGovernor(limits: testCase.limits, history: history)
    let refusal = governor.refusal(
      channel: try #require(CartridgeSlot(rawValue: testCase.channel)), intensity: testCase.intensity,
      durationMilliseconds: testCase.duration, at: UInt64(testCase.at) * 1_000_000)
    #expect(refusal?.code == testCase.code)
    #expect(governor.releaseCount == testCase.history.count)
  }

  @Test func forgettingARefusedReleaseGivesItsTimeBack() throws {
    var governor = SafetyGovernor(limits: .standard)
    let slot = try #require(CartridgeSlot(rawValue: 4))
    governor.record(channel: slot, durationMilliseconds: 2_000, at: 5)
    governor.forget(channel: slot, at: 5)
    #expect(governor.releaseCount == 0)
    #expect(governor.refusal(channel: slot, intensity: 50, durationMilliseconds: 2_000, at: 10) == nil)
  }
}
