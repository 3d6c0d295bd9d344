import Foundation
import SessionModel

/// One line of a home screen and what Enter, left and right do there.
enum HomeRow: Hashable, Sendable {
  case study, group, session, begin, animation, review, settings
  case diffuserChoice, puffChannel, puff, retryDiffuser
  case microphoneChoice
  case screen, disk, registration
  /// On to the next check (or the session), accepting what the check found missing.
  case proceed(HomeModel.DeviceCheck)
  case summaryReview, finish
  case language, defaultDiffuser, defaultMicrophone, defaultScreen, searchDiffusers, save, cancel
}

extension HomeModel {
  var rows: [HomeRow] {
    switch screen {
    case .home:
      var rows: [HomeRow] = []
      if study != nil { rows += [.study, .group, .session, .begin] }
      if catalogue.animation != nil { rows.append(.animation) }
      return rows + [.review, .settings]
    case .check(let check):
      switch check {
      case .diffuser:
        if case .found = diffuserReport { return [.diffuserChoice, .puffChannel, .puff, .proceed(check)] }
        return [.diffuserChoice, .retryDiffuser, .proceed(check)]
      case .microphone: return [.microphoneChoice, .proceed(check)]
      case .pads: return [.proceed(check)]
      case .screenAndDisk: return (isAnimation ? [.screen] : [.screen, .disk, .registration]) + [.proceed(check)]
      }
    case .session: return []
    case .summary: return [.summaryReview, .finish]
    case .settings:
      return [.language, .defaultDiffuser, .defaultMicrophone, .defaultScreen, .searchDiffusers, .save, .cancel]
    }
  }

  // MARK: Enter

  mutating func activate(_ row: HomeRow) -> [HomeEffect] {
    switch row {
    case .study, .group, .session, .puffChannel, .language, .defaultDiffuser, .defaultMicrophone, .defaultScreen,
      .diffuserChoice, .microphoneChoice:
      return adjust(row, by: 1)
    case .begin:
      isAnimation = false
      notice = nil
      return enter(checks[0])
    case .animation:
      isAnimation = true
      notice = nil
      return enter(checks[0])
    case .review, .summaryReview:
      return [.openReview]
    case .settings:
      draft = settings
      show(.settings)
      return []
    case .puff:
      puff = nil
      return [.puff(diffuser, channel: puffChannel)]
    case .retryDiffuser:
      return enter(.diffuser)
    case .screen:
      let fullscreen = !(screenSize?.isFullscreen ?? settings.fullscreen)
      return [.setFullscreen(fullscreen), .measureScreenAndDisk]
    case .disk, .registration:
      return []
    case .proceed(let check):
      return leave(check, accepting: problems(of: check))
    case .finish:
      show(.home)
      isAnimation = false
      pickNextSession()
      return []
    case .searchDiffusers:
      guard diffuserSearch != .searching else { return [] }
      diffuserSearch = .searching
      let hosts = knownDiffusers.compactMap { $0.hasPrefix("aromashooter:") ? String($0.dropFirst(13)) : nil }
      return [.searchDiffusers(aromaShooters: hosts)]
    case .save:
      settings = draft
      diffuser = settings.diffuserChoice
      show(.home)
      return [.saveSettings(settings)]
    case .cancel:
      draft = settings
      show(.home)
      return []
    }
  }

  // MARK: Left and right

  mutating func adjust(_ row: HomeRow, by step: Int) -> [HomeEffect] {
    func cycled<T: Equatable>(_ options: [T], from current: T) -> T {
      guard !options.isEmpty else { return current }
      let index = options.firstIndex(of: current) ?? -step
      return options[((index + step) % options.count + options.count) % options.count]
    }
    switch row {
    case .study:
      let count = catalogue.clinicalStudies.count
      guard count > 1 else { return [] }
      studyIndex = ((studyIndex + step) % count + count) % count
      groupIndex = 0
      pickNextSession()
    case .group:
      let count = study?.groups.count ?? 0
      guard count > 1 else { return [] }
      groupIndex = ((groupIndex + step) % count + count) % count
      pickNextSession()
    case .session:
      let numbers = group?.sessions.map(\.number) ?? []
      sessionNumber = cycled(numbers, from: sessionNumber)
    case .puffChannel:
      guard case .found(_, let channels, _, _) = diffuserReport, channels > 0 else { return [] }
      puffChannel = cycled(Array(1...channels), from: puffChannel)
    case .diffuserChoice:
      diffuser = cycled(knownDiffusers.map(Self.choice), from: diffuser)
      return enter(.diffuser)
    case .microphoneChoice:
      settings.microphone = cycled([nil] + microphones, from: settings.microphone)
      return [.stopListening] + enter(.microphone)
    case .language:
      draft.language = cycled(Language.allCases, from: draft.language)
    case .defaultDiffuser:
      draft.diffuser = cycled(knownDiffusers, from: draft.diffuser)
    case .defaultMicrophone:
      draft.microphone = cycled([nil] + microphones, from: draft.microphone)
    case .defaultScreen:
      draft.fullscreen.toggle()
    case .begin, .animation, .review, .settings, .puff, .retryDiffuser, .screen, .disk, .registration, .proceed,
      .summaryReview, .finish, .save, .cancel, .searchDiffusers:
      break
    }
    return []
  }

  static func choice(_ text: String) -> DiffuserChoice {
    InstallationSettings(diffuser: text).diffuserChoice
  }

  // MARK: What each check found missing

  /// The shortfalls a check found; empty when it passed. Continuing accepts them, and the session logs each.
  func problems(of check: DeviceCheck) -> Set<AcceptedDegradation> {
    switch check {
    case .diffuser:
      let plansScents = isAnimation || plannedSession?.plansScents == true
      switch diffuserReport {
      case nil: return plansScents ? [.unreachableDiffuser] : []
      case .noDiffuser: return plansScents ? [.noDiffuser] : []
      case .unreachable: return plansScents ? [.unreachableDiffuser] : []
      case .found(_, _, let empty, _): return empty.isEmpty ? [] : [.emptyCartridges]
      }
    case .microphone:
      if !microphoneOpened { return [.noMicrophone] }
      switch hearing.verdict {
      case .good: return []
      case .waiting, .tooQuiet: return [.quietMicrophone]
      case .clipping: return [.clippingMicrophone]
      }
    case .pads:
      return litPads.isEmpty ? [.noPads] : []
    case .screenAndDisk:
      guard !isAnimation else { return [] }
      var problems: Set<AcceptedDegradation> = []
      if let needed = plannedSession?.neededBytes, let availableBytes, availableBytes < needed {
        problems.insert(.lowDiskSpace)
      }
      if group?.registeredMembers == nil { problems.insert(.unregisteredGroup) }
      return problems
    }
  }
}
