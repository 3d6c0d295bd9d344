import Foundation
import SessionModel

/// Reading a transcript file's bytes, with a positioned error when the file cannot be opened.
enum TranscriptFile {
  static func contents(of url: URL) throws(TranscriptReadError) -> Data {
    do {
      return try Data(contentsOf: url)
    } catch {
      throw TranscriptReadError(
        file: url.path, line: 1, column: 1,
        reason: LocalizedText(
          fr: "impossible de lire le fichier ; vérifiez le chemin et les droits",
          en: "cannot read the file; check the path and permissions"))
    }
  }
}
