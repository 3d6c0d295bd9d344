import Foundation
import SessionModel

/// Keys for the home screen to press by itself, for the tests and the tour: `down`, `up`, `left`,
/// `right`, `enter`, `back`, `esc`, `space`, and `wait:SECONDS`. Each key waits until the devices
/// answered the last one.
public enum HomeScriptStep: Hashable, Sendable {
  case arrow(NavigationKey)
  case key(OperatorAction)
  case wait(seconds: Double)

  /// Parses `down,down,enter,wait:1.5,esc`; nil names the first word it does not know.
  public static func parse(_ text: String) -> Result<[HomeScriptStep], ScriptError> {
    var steps: [HomeScriptStep] = []
    for word in text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) {
      switch word {
      case "down": steps.append(.arrow(.down))
      case "up": steps.append(.arrow(.up))
      case "left": steps.append(.arrow(.left))
      case "right": steps.append(.arrow(.right))
      case "enter": steps.append(.key(.confirm))
      case "back": steps.append(.key(.cancel))
      case "esc": steps.append(.key(.end))
      case "space": steps.append(.key(.next))
      default:
        guard word.hasPrefix("wait:"), let seconds = Double(word.dropFirst(5)), (0...600).contains(seconds) else {
          return .failure(ScriptError(word: word))
        }
        steps.append(.wait(seconds: seconds))
      }
    }
    return .success(steps)
  }

  public struct ScriptError: Error, Hashable, Sendable {
    public var word: String
  }
}
