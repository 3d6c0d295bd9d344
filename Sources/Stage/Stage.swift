internal import CSDL2
import Foundation
import SessionModel

/// The shared screen: draws each ``StageScene`` it is given and reports what players and the therapist do.
///
/// It owns SDL and must live on the main thread. It never decides anything: the session engine
/// chooses the scene, the Stage only draws it, with its own calm animations (a 300 ms fade between
/// scenes, a small bounce of the avatar whose pad was pressed).
@MainActor
public final class Stage {
  public let configuration: StageConfiguration
  /// The language the screens speak; the settings screen changes it without reopening the window.
  public var language: Language
  private let window: OpaquePointer
  private let renderer: OpaquePointer
  let canvas: Canvas
  private let gamepads = GamepadHub()
  /// One refresh period in nanoseconds; frames further apart than 1.5 of it count as dropped.
  private let refreshPeriod: UInt64

  private var lastScene: StageScene?
  private var sceneShownAt: UInt64 = 0
  private var lastPresentedAt: UInt64?
  private var frameNumber = 0
  private var droppedFrames = 0
  private var pressedAt: [PadID: UInt64] = [:]

  static let fadeDuration: UInt64 = 300_000_000
  static let bounceDuration: UInt64 = 450_000_000
  static let bounceHeight = 26.0

  public init(configuration: StageConfiguration) throws(StageError) {
    self.configuration = configuration
    language = configuration.language
    Self.setHints(for: configuration)
    guard SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_JOYSTICK | SDL_INIT_GAMECONTROLLER) == 0 else {
      throw SDLFailure.error(.init(fr: "Impossible d'ouvrir l'affichage.", en: "Could not open the display."))
    }
    if let mappings = configuration.padMappingsFile, CSDL2_GameControllerAddMappingsFromFile(mappings.path) < 0 {
      SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_JOYSTICK | SDL_INIT_GAMECONTROLLER)
      throw SDLFailure.error(
        .init(
          fr:
            "Le fichier de correspondances des manettes \(mappings.path) est illisible : vérifiez son format (SDL_GameControllerDB).",
          en: "The gamepad mappings file \(mappings.path) cannot be read: check its format (SDL_GameControllerDB)."))
    }
    var flags = SDL_WINDOW_SHOWN.rawValue
    if configuration.isFullscreen && !configuration.isHeadless { flags |= SDL_WINDOW_FULLSCREEN_DESKTOP.rawValue }
    if !configuration.isFullscreen { flags |= SDL_WINDOW_RESIZABLE.rawValue }
    guard
      let window = SDL_CreateWindow(
        configuration.windowTitle, CSDL2_WINDOWPOS_CENTERED, CSDL2_WINDOWPOS_CENTERED, Int32(configuration.width),
        Int32(configuration.height), flags)
    else {
      SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_JOYSTICK | SDL_INIT_GAMECONTROLLER)
      throw SDLFailure.error(.init(fr: "Impossible d'ouvrir la fenêtre.", en: "Could not open the window."))
    }
    let vsync = configuration.usesVSync ? SDL_RENDERER_PRESENTVSYNC.rawValue : 0
    let accelerated =
      configuration.usesSoftwareRenderer
      ? nil : SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED.rawValue | vsync)
    // Without a GPU the software renderer still draws every scene.
    guard let renderer = accelerated ?? SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE.rawValue | vsync) else {
      SDL_DestroyWindow(window)
      SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_JOYSTICK | SDL_INIT_GAMECONTROLLER)
      throw SDLFailure.error(.init(fr: "Impossible de dessiner dans la fenêtre.", en: "Could not draw in the window."))
    }
    SDL_RenderSetLogicalSize(renderer, Int32(Rect.designWidth), Int32(Rect.designHeight))
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND)
    let fonts: FontCache
    do {
      fonts = try FontCache(fontsFolder: Self.fontsFolder(for: configuration.assetsRoot))
    } catch {
      SDL_DestroyRenderer(renderer)
      SDL_DestroyWindow(window)
      SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_JOYSTICK | SDL_INIT_GAMECONTROLLER)
      throw error
    }
    self.window = window
    self.renderer = renderer
    canvas = Canvas(
      renderer: renderer, fonts: fonts, images: ImageCache(root: configuration.assetsRoot, renderer: renderer))
    var mode = SDL_DisplayMode()
    let hertz = SDL_GetWindowDisplayMode(window, &mode) == 0 && mode.refresh_rate > 0 ? UInt64(mode.refresh_rate) : 60
    refreshPeriod = 1_000_000_000 / hertz
    StopSignals.shared.watch()
  }

  isolated deinit {
    StopSignals.shared.release()
    canvas.texts.releaseTextures()
    canvas.images.releaseTextures()
    canvas.shapes.releaseTextures()
    gamepads.closeAll()
    SDL_DestroyRenderer(renderer)
    SDL_DestroyWindow(window)
    SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_JOYSTICK | SDL_INIT_GAMECONTROLLER)
  }

  /// The assets folder's own fonts, else the ones bundled with the program, so that an
  /// assets folder holding only pictures still works.
  static func fontsFolder(for assetsRoot: URL) -> URL {
    let own = assetsRoot.appendingPathComponent("fonts")
    let hasAndika = ["Andika-Regular.ttf", "Andika-Bold.ttf"].allSatisfy {
      FileManager.default.fileExists(atPath: own.appendingPathComponent($0).path)
    }
    return hasAndika ? own : StageConfiguration.bundledAssets.appendingPathComponent("fonts")
  }

  /// Hints must be set before SDL starts; the environment still overrides them.
  private static func setHints(for configuration: StageConfiguration) {
    // Without this SDL drops pad input whenever the window lacks focus, which it always does offscreen.
    SDL_SetHint(SDL_HINT_JOYSTICK_ALLOW_BACKGROUND_EVENTS, "1")
    // SDL would turn SIGINT and SIGTERM into a closed window, which a session takes for the
    // therapist's end; StopSignals reports them as what they are.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1")
    if configuration.isHeadless { SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen") }
    if configuration.usesSoftwareRenderer {
      SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software")
      // SDL 2.26 otherwise uploads the software frame through OpenGL at every present: ten times slower.
      SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0")
    }
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear")
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0")
  }

  /// The window's size in pixels.
  public var pixelSize: (width: Int, height: Int) {
    var width: Int32 = 0
    var height: Int32 = 0
    SDL_GetRendererOutputSize(renderer, &width, &height)
    return (Int(width), Int(height))
  }

  /// The screen the window is on, in pixels, and whether the window fills it.
  public var display: (width: Int, height: Int, isFullscreen: Bool) {
    var mode = SDL_DisplayMode()
    let index = max(0, SDL_GetWindowDisplayIndex(window))
    let found = SDL_GetCurrentDisplayMode(index, &mode) == 0
    let flags = SDL_GetWindowFlags(window)
    let fullscreen = flags & SDL_WINDOW_FULLSCREEN_DESKTOP.rawValue == SDL_WINDOW_FULLSCREEN_DESKTOP.rawValue
    return (found ? Int(mode.w) : pixelSize.width, found ? Int(mode.h) : pixelSize.height, fullscreen)
  }

  /// Fills the screen or goes back to a window; false when the system refused.
  @discardableResult
  public func setFullscreen(_ fullscreen: Bool) -> Bool {
    SDL_SetWindowFullscreen(window, fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP.rawValue : 0) == 0
  }

  /// Gamepads plugged in right now.
  public var connectedPadCount: Int { gamepads.connectedCount }

  // MARK: Input

  /// Everything that happened since the last call, oldest first.
  public func pollEvents() -> [StageEvent] {
    var events: [StageEvent] = []
    if let signal = StopSignals.shared.take() {
      events.append(.stopRequested(signal: signal, at: MonotonicClock.nanoseconds()))
    }
    var event = SDL_Event()
    while SDL_PollEvent(&event) != 0 {
      let now = MonotonicClock.nanoseconds()
      switch SDL_EventType(rawValue: event.type) {
      case SDL_QUIT:
        events.append(.quitRequested(at: now))
      case SDL_KEYDOWN:
        if let key = KeyboardMap.navigation(keycode: event.key.keysym.sym) {
          events.append(.navigate(key, at: now))
          continue
        }
        guard event.key.repeat == 0,
          let action = KeyboardMap.action(
            keycode: event.key.keysym.sym, scancode: Int(event.key.keysym.scancode.rawValue))
        else { continue }
        events.append(.operator(action, at: now))
      case SDL_MOUSEBUTTONDOWN:
        // The renderer's logical size already turned the click into design units.
        guard event.button.button == UInt8(SDL_BUTTON_LEFT), case .console(let view) = lastScene?.content,
          let row = ConsoleLayout(view).row(atX: Double(event.button.x), y: Double(event.button.y))
        else { continue }
        events.append(.pointed(row: row, at: now))
      default:
        for input in gamepads.handle(event) {
          if case .pressed(let pad, _) = input { pressedAt[pad] = now }
          events.append(.pad(input, at: now))
        }
      }
    }
    return events
  }

  /// Pushes the key for `action` into SDL's queue, read back by ``pollEvents()`` like a real one:
  /// how scripted runs (the tour, the home screen's tests) press keys.
  public func pushSyntheticKey(_ action: OperatorAction) { KeyboardMap.key(for: action).push() }

  public func pushSyntheticKey(_ key: NavigationKey) { KeyboardMap.key(for: key).push() }

  // MARK: Output

  /// Draws the scene and shows it; returns when it reached the screen.
  @discardableResult
  public func present(_ scene: StageScene) -> FrameReport {
    let now = MonotonicClock.nanoseconds()
    if lastScene.map({ Self.isSameScreen($0, scene) }) != true { sceneShownAt = now }
    lastScene = scene
    draw(scene, at: now)
    SDL_RenderPresent(renderer)
    let presentedAt = MonotonicClock.nanoseconds()
    if let previous = lastPresentedAt, presentedAt - previous > refreshPeriod * 3 / 2 { droppedFrames += 1 }
    lastPresentedAt = presentedAt
    frameNumber += 1
    return FrameReport(frameNumber: frameNumber, presentedAt: presentedAt, droppedFrames: droppedFrames)
  }

  /// Saves the last scene as PNG; it is drawn again and read back before any present,
  /// since SDL leaves the back buffer undefined after one.
  public func saveScreenshot(to url: URL) throws(StageError) {
    let image = renderPixels(of: lastScene ?? StageScene(content: .pause))
    try image.writePNG(to: url)
  }

  /// The frame as drawn for `scene`, read back without presenting it.
  func renderPixels(of scene: StageScene) -> PixelImage {
    draw(scene, at: MonotonicClock.nanoseconds())
    var viewport = SDL_Rect()
    SDL_RenderGetViewport(renderer, &viewport)
    let (width, height) = pixelSize
    var pixels = [UInt32](repeating: 0, count: width * height)
    var area = SDL_Rect(x: 0, y: 0, w: Int32(width), h: Int32(height))
    SDL_RenderSetLogicalSize(renderer, 0, 0)
    pixels.withUnsafeMutableBytes {
      _ = SDL_RenderReadPixels(renderer, &area, SDL_PIXELFORMAT_ARGB8888.rawValue, $0.baseAddress, Int32(width * 4))
    }
    SDL_RenderSetLogicalSize(renderer, Int32(Rect.designWidth), Int32(Rect.designHeight))
    return PixelImage(width: width, height: height, argb: pixels)
  }

  /// The text of the last frame drawn, for layout checks.
  var lastTextRuns: [TextRun] { canvas.textRuns }

  private func draw(_ scene: StageScene, at now: UInt64) {
    canvas.beginFrame()
    let animates = configuration.animates
    let pressedAt = pressedAt
    let renderer = SceneRenderer(
      canvas: canvas, language: language, now: now, players: scene.players,
      lift: { pad in
        guard animates, let pad, let pressed = pressedAt[pad], now >= pressed, now - pressed < Self.bounceDuration
        else { return 0 }
        return Self.bounceHeight * sin(Double(now - pressed) / Double(Self.bounceDuration) * .pi)
      })
    renderer.draw(scene)
    if animates, now - sceneShownAt < Self.fadeDuration {
      let remaining = 1 - Double(now - sceneShownAt) / Double(Self.fadeDuration)
      canvas.fill(.screen, Palette.background, alpha: UInt8(255 * remaining))
    }
  }

  /// A new screen fades in; a change within the same screen (a cursor moving, a card turning) does not.
  static func isSameScreen(_ old: StageScene, _ new: StageScene) -> Bool {
    // Switched over the old screen alone, so that a new kind of scene must say what keeps it the same.
    switch old.content {
    case .lobby:
      if case .lobby = new.content { return true }
    case .join:
      if case .join = new.content { return true }
    case .stimulus(let a):
      if case .stimulus(let b) = new.content { return a.stimulus == b.stimulus }
    case .whichScent:
      if case .whichScent = new.content { return true }
    case .memoryPairs:
      if case .memoryPairs = new.content { return true }
    case .thenAndNow(let a):
      if case .thenAndNow(let b) = new.content { return a.picture == b.picture }
    case .rightOrder(let a):
      // A picture placed stays on the same screen; the next process fades in.
      if case .rightOrder(let b) = new.content { return a.title == b.title }
    case .evocation(let a):
      if case .evocation(let b) = new.content { return a.image == b.image }
    case .pause:
      if case .pause = new.content { return true }
    case .thankYou:
      if case .thankYou = new.content { return true }
    case .console(let a):
      // Moving through the rows or a meter moving stays on the screen; another title fades in.
      if case .console(let b) = new.content { return a.title == b.title }
    }
    return false
  }
}
