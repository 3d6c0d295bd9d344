internal import CSDL2
import SessionModel

/// Every gamepad SDL sees, each with a ``PadID`` that survives unplugging: a pad that comes back
/// is matched on its serial number, else its USB port, else as the pad of its model unplugged
/// last (``PadIdentity``).
@MainActor
final class GamepadHub {
  private struct Pad {
    var id: PadID
    var identity: PadIdentity
    var instance: Int32?
    var controller: OpaquePointer?
    var unpluggedOrder = 0
    /// Left X, left Y, right X, right Y.
    var axes = [StickAxisFilter](repeating: StickAxisFilter(), count: 4)
  }

  private var pads: [Pad] = []
  private var unplugCount = 0

  /// Closes every controller; called before SDL shuts down, which would free them under our feet.
  func closeAll() {
    for index in pads.indices {
      if let controller = pads[index].controller { SDL_GameControllerClose(controller) }
      pads[index].controller = nil
      pads[index].instance = nil
    }
  }

  var connectedCount: Int { pads.filter { $0.instance != nil }.count }

  func handle(_ event: SDL_Event) -> [PadInput] {
    switch SDL_EventType(rawValue: event.type) {
    case SDL_CONTROLLERDEVICEADDED: return added(deviceIndex: event.cdevice.which)
    case SDL_CONTROLLERDEVICEREMOVED: return removed(instance: event.cdevice.which)
    case SDL_CONTROLLERBUTTONDOWN, SDL_CONTROLLERBUTTONUP:
      guard let index = index(of: event.cbutton.which), let button = Self.button(Int32(event.cbutton.button)) else {
        return []
      }
      let pad = pads[index].id
      return [event.type == SDL_CONTROLLERBUTTONDOWN.rawValue ? .pressed(pad, button) : .released(pad, button)]
    case SDL_CONTROLLERAXISMOTION:
      guard let index = index(of: event.caxis.which), Int(event.caxis.axis) < 4 else { return [] }
      let axis = Int(event.caxis.axis)
      let change = pads[index].axes[axis].update(Int(event.caxis.value))
      let isVertical = axis % 2 == 1
      let pad = pads[index].id
      var inputs: [PadInput] = []
      if let released = change.released {
        inputs.append(.released(pad, Self.direction(released, isVertical: isVertical)))
      }
      if let pressed = change.pressed { inputs.append(.pressed(pad, Self.direction(pressed, isVertical: isVertical))) }
      return inputs
    default:
      return []
    }
  }

  private func added(deviceIndex: Int32) -> [PadInput] {
    let instance = SDL_JoystickGetDeviceInstanceID(deviceIndex)
    guard index(of: instance) == nil, let controller = SDL_GameControllerOpen(deviceIndex) else { return [] }
    var buffer = [CChar](repeating: 0, count: 64)
    SDL_JoystickGetGUIDString(SDL_JoystickGetDeviceGUID(deviceIndex), &buffer, Int32(buffer.count))
    let guid = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let serial = SDL_GameControllerGetSerial(controller).map { String(cString: $0) } ?? ""
    let port = SDL_JoystickPathForIndex(deviceIndex).flatMap { USBPort.of(devicePath: String(cString: $0)) } ?? ""
    let identity = PadIdentity(guid: guid, serial: serial, port: port)
    let name = SDL_GameControllerName(controller).map { String(cString: $0) } ?? "Gamepad"
    let unplugged = pads.indices.filter { pads[$0].instance == nil }
    let slot: Int
    if let match = identity.match(among: unplugged.map { (pads[$0].identity, pads[$0].unpluggedOrder) }) {
      slot = unplugged[match]
      // A pad moved to another port, or one that now reports its serial, is known by it from now on.
      pads[slot].identity = identity
    } else {
      pads.append(Pad(id: PadID(rawValue: (pads.map(\.id.rawValue).max() ?? 0) + 1), identity: identity))
      slot = pads.count - 1
    }
    pads[slot].instance = instance
    pads[slot].controller = controller
    pads[slot].axes = [StickAxisFilter](repeating: StickAxisFilter(), count: 4)
    return [.connected(pads[slot].id, name: name)]
  }

  private func removed(instance: Int32) -> [PadInput] {
    guard let index = index(of: instance) else { return [] }
    if let controller = pads[index].controller { SDL_GameControllerClose(controller) }
    unplugCount += 1
    pads[index].instance = nil
    pads[index].controller = nil
    pads[index].unpluggedOrder = unplugCount
    return [.disconnected(pads[index].id)]
  }

  private func index(of instance: Int32) -> Int? { pads.firstIndex { $0.instance == instance } }

  private static func direction(_ side: StickAxisFilter.Side, isVertical: Bool) -> PadButton {
    switch (isVertical, side) {
    case (true, .negative): .up
    case (true, _): .down
    case (false, .negative): .left
    case (false, _): .right
    }
  }

  /// The pad button an SDL button stands for, read back from ``sdlButton(_:)`` so the two
  /// directions cannot disagree; paddles and touchpads have no pad button and are left out.
  static func button(_ raw: Int32) -> PadButton? {
    PadButton.allCases.first { Int32(sdlButton($0).rawValue) == raw }
  }

  /// SDL's standard layout; the D-pad gives directions like the sticks.
  static func sdlButton(_ button: PadButton) -> SDL_GameControllerButton {
    switch button {
    case .a: SDL_CONTROLLER_BUTTON_A
    case .b: SDL_CONTROLLER_BUTTON_B
    case .x: SDL_CONTROLLER_BUTTON_X
    case .y: SDL_CONTROLLER_BUTTON_Y
    case .back: SDL_CONTROLLER_BUTTON_BACK
    case .guide: SDL_CONTROLLER_BUTTON_GUIDE
    case .start: SDL_CONTROLLER_BUTTON_START
    case .leftStick: SDL_CONTROLLER_BUTTON_LEFTSTICK
    case .rightStick: SDL_CONTROLLER_BUTTON_RIGHTSTICK
    case .leftShoulder: SDL_CONTROLLER_BUTTON_LEFTSHOULDER
    case .rightShoulder: SDL_CONTROLLER_BUTTON_RIGHTSHOULDER
    case .up: SDL_CONTROLLER_BUTTON_DPAD_UP
    case .down: SDL_CONTROLLER_BUTTON_DPAD_DOWN
    case .left: SDL_CONTROLLER_BUTTON_DPAD_LEFT
    case .right: SDL_CONTROLLER_BUTTON_DPAD_RIGHT
    }
  }
}
