import ArgumentParser
import Foundation
import ProtocolKit
import SessionModel

/// `--study S [--protocol FILE] [--assets DIR]`: a study and the protocol file that states its
/// criteria, by default `Protocols/<study>.yaml`.
struct StudyProtocolOptions: ParsableArguments {
  @Option(help: "Study identifier, e.g. espoir-avc.")
  var study: String

  @Option(
    name: .customLong("protocol"),
    help: ArgumentHelp("The study's protocol file (default: Protocols/<study>.yaml).", valueName: "file"))
  var protocolFile: String?

  @OptionGroup var assets: AssetsOption

  var studyID: StudyID { StudyID(rawValue: study) }

  /// The protocol, refused when it is another study's.
  func load() throws -> ClinicalProtocol { try Self.load(study: study, file: protocolFile, assets: assets) }

  static func load(study: String, file: String?, assets: AssetsOption) throws -> ClinicalProtocol {
    let studyID = StudyID(rawValue: study)
    let file = file ?? "Protocols/\(study).yaml"
    guard FileManager.default.fileExists(atPath: file) else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "Le protocole de l'étude \(study) est introuvable (\(file)). Indiquez-le avec --protocol FICHIER.",
          en: "The protocol of study \(study) cannot be found (\(file)). Name it with --protocol FILE."))
    }
    let clinicalProtocol = try ProtocolInput.load(file, assets: assets)
    guard clinicalProtocol.id == studyID else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "\(file) est le protocole de l'étude \(clinicalProtocol.id), pas de \(study) : vérifiez --study et --protocol.",
          en: "\(file) is the protocol of study \(clinicalProtocol.id), not \(study): check --study and --protocol."))
    }
    return clinicalProtocol
  }

  /// Today in the local calendar: the inclusion date when the protocol's schedule has no start.
  static var today: CalendarDate {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
      ?? CalendarDate(daysSinceEpoch: 0)
  }
}
