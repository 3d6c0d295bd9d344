import Foundation
import SessionModel
import Yams

/// The stimulus images under an assets folder: `stimuli/<id>.yaml` describes `stimuli/<id>.svg`.
///
/// The folder is read by path rather than bundled, because clinicians add and edit images.
public struct StimulusLibrary: Sendable {
  public let root: URL

  public init(root: URL) {
    self.root = root
  }

  /// The ids that have a metadata file, sorted.
  public var availableIDs: [String] {
    let folder = root.appendingPathComponent("stimuli", isDirectory: true)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Reads one stimulus, checking its metadata and that its image file exists.
  public func stimulus(_ id: StimulusID) throws(ProtocolValidationFailure) -> Stimulus {
    let url = metadataURL(for: id.rawValue)
    let problems = ProblemCollector(file: url.relativePath)
    let root = try YAMLDocument.root(ofFileAt: url, reportingTo: problems)
    let stimulus = read(root, expectedID: id.rawValue, problems: problems)
    if let failure = problems.failure { throw failure }
    return stimulus!.stimulus
  }

  func metadataURL(for id: String) -> URL {
    root.appendingPathComponent("stimuli", isDirectory: true).appendingPathComponent("\(id).yaml")
  }

  /// The stimulus and where its `scent:` value stands, for cross-checks against the catalogue.
  func read(_ root: Node?, expectedID: String, problems: ProblemCollector) -> (stimulus: Stimulus, scentMark: Mark?)? {
    guard let root,
      let file = MappingReader(
        root, keys: ["id", "image", "caption", "theme", "era", "scent"], problems: problems,
        what: LocalizedText(fr: "La fiche d'image", en: "The image sheet"))
    else { return nil }
    let values = ValueReader(problems: problems)
    let idNode = file.required("id")
    let id = idNode.flatMap { values.slug($0, key: "id") }
    if let id, let idNode, id != expectedID {
      problems.report(
        LocalizedText(
          fr: "« id » vaut « \(id) » mais le fichier s'appelle \(expectedID).yaml. Donnez-leur le même nom.",
          en: "'id' is '\(id)' but the file is named \(expectedID).yaml. Give them the same name."),
        at: idNode)
    }
    let imageNode = file.required("image")
    let image = imageNode.flatMap { values.string($0, key: "image") }
    if let image, let imageNode {
      let imageURL = self.root.appendingPathComponent("stimuli", isDirectory: true).appendingPathComponent(image)
      if !FileManager.default.fileExists(atPath: imageURL.path) {
        problems.report(ProblemText.missingImageFile(imageURL.relativePath), at: imageNode)
      }
    }
    let caption = file.value("caption").flatMap { values.localizedText($0, key: "caption") }
    let theme = file.required("theme").flatMap { values.string($0, key: "theme") }
    let era = file.required("era").flatMap { values.string($0, key: "era") }
    let scentNode = file.value("scent")
    let scent = scentNode.flatMap { values.slug($0, key: "scent") }
    guard let image, let theme, let era else { return nil }
    let stimulus = Stimulus(
      id: StimulusID(expectedID), image: "stimuli/\(image)", caption: caption, theme: theme, era: era,
      pairedScent: scent.map(ScentID.init(rawValue:)))
    return (stimulus, scentNode?.mark)
  }
}
