import Foundation
import SessionModel

extension HomeModel {
  /// The scene the Stage shows for the screen the model is on.
  public var scene: StageScene {
    StageScene(content: .console(view))
  }

  public var view: ConsoleView {
    let rows = self.rows
    let lines = rows.map(line)
    let selected = rows.isEmpty ? nil : min(selectedRow, rows.count - 1)
    switch screen {
    case .home:
      return ConsoleView(
        title: HomeWords.homeTitle, subtitle: nextSessionLine, rows: lines, selectedRow: selected, verdict: notice,
        keys: HomeWords.homeKeys)
    case .check(let check):
      let index = (checks.firstIndex(of: check) ?? 0) + 1
      return ConsoleView(
        title: HomeWords.title(of: check), subtitle: HomeWords.step(index, of: checks.count, start: start),
        rows: lines, selectedRow: selected, verdict: verdict(of: check),
        meter: check == .microphone && microphoneOpened
          ? LevelMeter(
            level: MicrophoneLevel.meterPosition(hearing.last.rms),
            peak: MicrophoneLevel.meterPosition(hearing.last.peak),
            quietBelow: MicrophoneLevel.meterPosition(MicrophoneLevel.quietBelow),
            clipsAt: MicrophoneLevel.meterPosition(MicrophoneLevel.clipsAt)) : nil,
        seats: check == .pads
          ? PlayerNumber.all.map { SeatLight(number: $0, isLit: $0.rawValue <= litPads.count) } : [],
        keys: HomeWords.checkKeys)
    case .session:
      return ConsoleView(title: HomeWords.sessionRunning, keys: LocalizedText(fr: "", en: ""))
    case .summary(let report):
      return ConsoleView(
        title: HomeWords.sessionOver, subtitle: LocalizedText(fr: report.session, en: report.session),
        rows: HomeWords.summaryLines(report) + lines, selectedRow: selected.map { $0 + 5 },
        verdict: HomeWords.afterSession(report), keys: HomeWords.summaryKeys)
    case .settings:
      return ConsoleView(
        title: HomeWords.settingsTitle, subtitle: HomeWords.settingsWhere, rows: lines, selectedRow: selected,
        verdict: diffuserSearch.flatMap(HomeWords.searchVerdict), keys: HomeWords.checkKeys)
    }
  }

  /// The row the therapist may click: summary lines come first and are not choices.
  var firstChoiceRow: Int {
    if case .summary = screen { return 5 }
    return 0
  }

  private var nextSessionLine: LocalizedText? {
    guard let group, let next = group.nextSession else {
      return study == nil ? HomeWords.noStudy : nil
    }
    return HomeWords.nextSession(next, group: group.name)
  }

  private func line(_ row: HomeRow) -> ConsoleRow {
    switch row {
    case .study:
      return ConsoleRow(
        label: HomeWords.study, value: study?.title, isAdjustable: catalogue.clinicalStudies.count > 1)
    case .group:
      guard let group else { return ConsoleRow(label: HomeWords.group) }
      return ConsoleRow(
        label: HomeWords.group, value: HomeWords.groupValue(group),
        tone: group.registeredMembers == nil ? .warning : .neutral, isAdjustable: (study?.groups.count ?? 0) > 1)
    case .session:
      guard let session = plannedSession else { return ConsoleRow(label: HomeWords.session) }
      return ConsoleRow(
        label: HomeWords.session, value: HomeWords.sessionValue(session, isNext: session == group?.nextSession),
        tone: session.state == .planned ? .neutral : session.state == .held ? .good : .warning, isAdjustable: true)
    case .begin:
      if case .interrupted(let trial, let trials) = plannedSession?.state {
        return ConsoleRow(label: HomeWords.resume(trial: trial, of: trials), tone: .warning)
      }
      return ConsoleRow(label: HomeWords.begin)
    case .animation: return ConsoleRow(label: HomeWords.animation)
    case .review, .summaryReview: return ConsoleRow(label: HomeWords.review)
    case .settings: return ConsoleRow(label: HomeWords.settingsTitle)
    case .diffuserChoice:
      return ConsoleRow(label: HomeWords.diffuser, value: HomeWords.diffuserName(diffuser), isAdjustable: true)
    case .puffChannel:
      return ConsoleRow(
        label: HomeWords.testChannel, value: LocalizedText(fr: "\(puffChannel)", en: "\(puffChannel)"),
        isAdjustable: true)
    case .puff:
      return ConsoleRow(
        label: HomeWords.testPuff, value: puff.map(HomeWords.puffShortValue), tone: puff.map(HomeWords.tone) ?? .neutral
      )
    case .retryDiffuser: return ConsoleRow(label: HomeWords.retry)
    case .microphoneChoice:
      return ConsoleRow(
        label: HomeWords.microphone, value: HomeWords.microphoneName(settings.microphone), isAdjustable: true)
    case .screen:
      return ConsoleRow(label: HomeWords.screen, value: screenSize.map(HomeWords.screenValue))
    case .disk:
      let needed = plannedSession?.neededBytes ?? 0
      return ConsoleRow(
        label: HomeWords.disk, value: availableBytes.map { HomeWords.diskValue(available: $0, needed: needed) },
        tone: problems(of: .screenAndDisk).contains(.lowDiskSpace) ? .problem : availableBytes == nil ? .neutral : .good
      )
    case .registration:
      guard let group else { return ConsoleRow(label: HomeWords.group) }
      return ConsoleRow(
        label: HomeWords.group, value: HomeWords.groupValue(group),
        tone: group.registeredMembers == nil ? .problem : .good)
    case .proceed(let check):
      let isLast = checks.last == check
      let missing = AcceptedDegradation.allCases.filter(problems(of: check).contains)
      if missing.isEmpty {
        return ConsoleRow(
          label: isLast ? (isAnimation ? HomeWords.beginAnimation : HomeWords.begin) : HomeWords.proceed, tone: .good)
      }
      return ConsoleRow(label: HomeWords.proceedWithout(missing), tone: .warning)
    case .finish: return ConsoleRow(label: HomeWords.finish)
    case .language:
      return ConsoleRow(label: HomeWords.language, value: HomeWords.languageName(draft.language), isAdjustable: true)
    case .defaultDiffuser:
      return ConsoleRow(
        label: HomeWords.diffuser, value: HomeWords.diffuserName(Self.choice(draft.diffuser)), isAdjustable: true)
    case .defaultMicrophone:
      return ConsoleRow(
        label: HomeWords.microphone, value: HomeWords.microphoneName(draft.microphone), isAdjustable: true)
    case .defaultScreen:
      return ConsoleRow(
        label: HomeWords.screen, value: draft.fullscreen ? HomeWords.fullscreen : HomeWords.window,
        isAdjustable: true)
    case .searchDiffusers:
      return ConsoleRow(
        label: HomeWords.searchDiffusers, value: diffuserSearch.map(HomeWords.searchValue),
        tone: diffuserSearch.map(HomeWords.searchTone) ?? .neutral)
    case .save: return ConsoleRow(label: HomeWords.save)
    case .cancel: return ConsoleRow(label: HomeWords.cancel)
    }
  }

  func verdict(of check: DeviceCheck) -> ConsoleVerdict {
    switch check {
    case .diffuser:
      var verdict = HomeWords.diffuserVerdict(
        diffuserReport, plansScents: isAnimation || plannedSession?.plansScents == true)
      if let puff {
        let line = HomeWords.puffValue(puff)
        verdict.advice = LocalizedText(
          fr: [verdict.advice?.french, line.french].compactMap { $0 }.joined(separator: " "),
          en: [verdict.advice?.english, line.english].compactMap { $0 }.joined(separator: " "))
      }
      return verdict
    case .microphone:
      if let microphoneFailure { return HomeWords.noMicrophone(microphoneFailure) }
      guard microphoneOpened else { return ConsoleVerdict(tone: .neutral, headline: HomeWords.opening) }
      return HomeWords.microphoneVerdict(hearing.verdict)
    case .pads:
      return HomeWords.padsVerdict(lit: litPads.count, expected: isAnimation ? nil : group?.registeredMembers)
    case .screenAndDisk:
      let missing = AcceptedDegradation.allCases.filter(problems(of: check).contains)
      return HomeWords.readyVerdict(missing: missing, isFullscreen: screenSize?.isFullscreen)
    }
  }
}
