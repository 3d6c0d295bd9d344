import SessionModel
import Yams

extension ProtocolReader {
  private typealias Bounds = ScentSafetyLimits.HardBounds

  /// Safety limits start from ``ScentSafetyLimits/standard``; a file may only tighten them.
  func readSafety(_ node: Node?) -> ScentSafetyLimits? {
    var limits = ScentSafetyLimits.standard
    guard let node else { return limits }
    guard
      let entry = MappingReader(
        node,
        keys: [
          "maximum_pulse_ms", "minimum_interval_ms", "purge_ms", "maximum_channel_duty_cycle",
          "duty_cycle_window_ms", "maximum_releases_per_session", "maximum_total_release_ms_per_session",
          "lead_time_ms",
        ], problems: problems, what: LocalizedText(fr: "« scent_safety »", en: "'scent_safety'"))
    else { return nil }
    var failed = false
    func bounded(_ key: String, bound: Int, accepts: (Int) -> Bool, tighter: LocalizedText, _ assign: (Int) -> Void) {
      guard let found = entry.value(key) else { return }
      guard let value = values.integer(found, key: key, in: Int.min...Int.max) else { return failed = true }
      guard accepts(value) else {
        problems.report(
          ProblemText.safetyLooserThanBound(key, value: "\(value)", bound: "\(bound)", tighter: tighter), at: found)
        return failed = true
      }
      assign(value)
    }
    func atMost(_ key: String, _ bound: Int, _ assign: (Int) -> Void) {
      bounded(
        key, bound: bound, accepts: { (1...bound).contains($0) },
        tighter: LocalizedText(fr: "choisissez entre 1 et \(bound)", en: "choose between 1 and \(bound)"), assign)
    }
    func atLeast(_ key: String, _ bound: Int, _ assign: (Int) -> Void) {
      bounded(
        key, bound: bound, accepts: { $0 >= bound },
        tighter: LocalizedText(fr: "choisissez au moins \(bound)", en: "choose at least \(bound)"), assign)
    }
    atMost("maximum_pulse_ms", Bounds.maximumPulseMilliseconds) { limits.maximumPulseMilliseconds = $0 }
    atLeast("minimum_interval_ms", Bounds.minimumIntervalMilliseconds) { limits.minimumIntervalMilliseconds = $0 }
    atMost("maximum_releases_per_session", Bounds.maximumReleasesPerSession) {
      limits.maximumReleasesPerSession = $0
    }
    atMost("maximum_total_release_ms_per_session", Bounds.maximumTotalReleaseMillisecondsPerSession) {
      limits.maximumTotalReleaseMillisecondsPerSession = $0
    }
    atMost("duty_cycle_window_ms", 600_000) { limits.dutyCycleWindowMilliseconds = $0 }
    if let found = entry.value("lead_time_ms") {
      if let value = values.integer(found, key: "lead_time_ms", in: 0...Bounds.maximumLeadTimeMilliseconds) {
        limits.leadTimeMilliseconds = value
      } else {
        failed = true
      }
    }
    if let found = entry.value("maximum_channel_duty_cycle") {
      if let value = values.decimal(found, key: "maximum_channel_duty_cycle", in: 0...1) {
        if value <= 0 || value > Bounds.maximumChannelDutyCycle {
          problems.report(
            ProblemText.safetyLooserThanBound(
              "maximum_channel_duty_cycle", value: found.scalar?.string ?? "",
              bound: "\(Bounds.maximumChannelDutyCycle)",
              tighter: LocalizedText(
                fr: "choisissez une part entre 0.05 et \(Bounds.maximumChannelDutyCycle)",
                en: "choose a share between 0.05 and \(Bounds.maximumChannelDutyCycle)")),
            at: found)
          failed = true
        } else {
          limits.maximumChannelDutyCycle = value
        }
      } else {
        failed = true
      }
    }
    if let found = entry.value("purge_ms") {
      if let value = values.integer(found, key: "purge_ms", in: 0...Bounds.maximumPulseMilliseconds * 6) {
        if value >= limits.minimumIntervalMilliseconds {
          problems.report(
            ProblemText.purgeLongerThanInterval(value, interval: limits.minimumIntervalMilliseconds), at: found)
          failed = true
        } else {
          limits.purgeMilliseconds = value
        }
      } else {
        failed = true
      }
    }
    return failed ? nil : limits
  }

  func readPresentation(_ node: Node?, safety: ScentSafetyLimits?) -> PresentationSettings? {
    var settings = PresentationSettings()
    guard let node else { return settings }
    guard
      let entry = MappingReader(
        node, keys: ["image_seconds", "scent_pulse_ms"], problems: problems,
        what: LocalizedText(fr: "« presentation »", en: "'presentation'"))
    else { return nil }
    var failed = false
    if let found = entry.value("image_seconds") {
      if let value = values.integer(found, key: "image_seconds", in: PresentationSettings.imageSecondsRange) {
        settings.imageSeconds = value
      } else {
        failed = true
      }
    }
    if let found = entry.value("scent_pulse_ms") {
      if let value = values.integer(found, key: "scent_pulse_ms", in: 500...Bounds.maximumPulseMilliseconds) {
        if let safety, value > safety.maximumPulseMilliseconds {
          problems.report(ProblemText.pulseLongerThanLimit(value, limit: safety.maximumPulseMilliseconds), at: found)
          failed = true
        } else {
          settings.scentPulseMilliseconds = value
        }
      } else {
        failed = true
      }
    } else if let safety, settings.scentPulseMilliseconds > safety.maximumPulseMilliseconds {
      settings.scentPulseMilliseconds = safety.maximumPulseMilliseconds
    }
    return failed ? nil : settings
  }

  /// What a session built from these settings would release, against the session limits.
  func checkSessionShape(
    conditions: [Condition], trials: Int, pool: Int, counterbalancing: CounterbalancingSettings?,
    presentation: PresentationSettings?, safety: ScentSafetyLimits?, trialsNode: Node?
  ) {
    if trials > pool {
      problems.report(ProblemText.trialsExceedPool(trials, pool: pool), at: trialsNode)
    }
    if let counterbalancing, conditions.count == 1, trials > counterbalancing.maximumSameConditionInARow {
      problems.report(
        ProblemText.runTooShort(counterbalancing.maximumSameConditionInARow, conditions: 1), at: trialsNode)
    }
    guard let presentation, let safety else { return }
    let releases = SessionPlanner.maximumScentTrials(conditions: conditions, trialsPerSession: trials)
    if releases > safety.maximumReleasesPerSession {
      problems.report(ProblemText.tooManyReleases(releases, limit: safety.maximumReleasesPerSession), at: trialsNode)
    } else if releases * presentation.scentPulseMilliseconds > safety.maximumTotalReleaseMillisecondsPerSession {
      problems.report(
        ProblemText.tooMuchReleaseTime(
          releases * presentation.scentPulseMilliseconds, limit: safety.maximumTotalReleaseMillisecondsPerSession),
        at: trialsNode)
    }
  }
}
