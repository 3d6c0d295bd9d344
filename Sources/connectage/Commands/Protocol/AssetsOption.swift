import ArgumentParser
import Foundation
import Stage

/// `--assets DIR`: where the stimulus images and their sheets live (default `Assets` in the current
/// folder, else the installed ones).
struct AssetsOption: ParsableArguments {
  @Option(name: .customLong("assets"), help: "The assets folder holding stimuli/<id>.yaml and their images.")
  var path = "Assets"

  var url: URL {
    let given = URL(fileURLWithPath: path, isDirectory: true)
    let isDefault = path == "Assets" && !FileManager.default.fileExists(atPath: given.path)
    return isDefault ? StageConfiguration.bundledAssets : given
  }
}
