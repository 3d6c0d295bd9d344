internal import CSDL2
import SessionModel

/// A gamepad made in software through SDL's virtual joysticks, for tests and the tour.
///
/// Each has its own product id, hence its own GUID, like distinct real pads; ``reattach()``
/// plugs the same "physical" pad back in.
@MainActor
public final class VirtualGamepad {
  public let productID: UInt16
  public let name: String
  private var joystick: OpaquePointer?

  public init(productID: UInt16, name: String? = nil) throws(StageError) {
    self.productID = productID
    self.name = name ?? "ConnectAge Virtual Pad \(productID)"
    guard SDL_InitSubSystem(SDL_INIT_JOYSTICK | SDL_INIT_GAMECONTROLLER) == 0 else {
      throw SDLFailure.error(.init(fr: "Les manettes ne sont pas disponibles.", en: "Gamepads are not available."))
    }
    try reattach()
  }

  isolated deinit {
    detach()
    SDL_QuitSubSystem(SDL_INIT_JOYSTICK | SDL_INIT_GAMECONTROLLER)
  }

  public var isAttached: Bool { joystick != nil }

  /// Plugs the pad in (again). Does nothing when it is already attached.
  public func reattach() throws(StageError) {
    guard joystick == nil else { return }
    var description = SDL_VirtualJoystickDesc()
    description.version = UInt16(SDL_VIRTUAL_JOYSTICK_DESC_VERSION)
    description.type = UInt16(SDL_JOYSTICK_TYPE_GAMECONTROLLER.rawValue)
    description.naxes = UInt16(SDL_CONTROLLER_AXIS_MAX.rawValue)
    description.nbuttons = UInt16(SDL_CONTROLLER_BUTTON_MISC1.rawValue)
    description.vendor_id = 0x1209
    description.product_id = productID
    let deviceIndex = name.withCString { cName -> Int32 in
      description.name = cName
      return SDL_JoystickAttachVirtualEx(&description)
    }
    guard deviceIndex >= 0, let opened = SDL_JoystickOpen(deviceIndex) else {
      throw SDLFailure.error(
        .init(fr: "Impossible de créer une manette virtuelle.", en: "Could not create a virtual gamepad."))
    }
    joystick = opened
  }

  /// Unplugs the pad, as pulling its cable would.
  public func detach() {
    guard let joystick else { return }
    let instance = SDL_JoystickInstanceID(joystick)
    SDL_JoystickClose(joystick)
    self.joystick = nil
    for index in 0..<SDL_NumJoysticks() where SDL_JoystickGetDeviceInstanceID(index) == instance {
      SDL_JoystickDetachVirtual(index)
      return
    }
  }

  public func press(_ button: PadButton) { set(button, pressed: true) }

  public func release(_ button: PadButton) { set(button, pressed: false) }

  /// Moves the left stick; -1…1 on each axis, y down.
  public func moveStick(x: Double, y: Double) {
    guard let joystick else { return }
    SDL_JoystickSetVirtualAxis(joystick, Int32(SDL_CONTROLLER_AXIS_LEFTX.rawValue), Self.axisValue(x))
    SDL_JoystickSetVirtualAxis(joystick, Int32(SDL_CONTROLLER_AXIS_LEFTY.rawValue), Self.axisValue(y))
  }

  private func set(_ button: PadButton, pressed: Bool) {
    guard let joystick else { return }
    SDL_JoystickSetVirtualButton(
      joystick, Int32(GamepadHub.sdlButton(button).rawValue), UInt8(pressed ? SDL_PRESSED : SDL_RELEASED))
  }

  private static func axisValue(_ position: Double) -> Int16 {
    Int16((max(-1, min(1, position)) * 32767).rounded())
  }
}
