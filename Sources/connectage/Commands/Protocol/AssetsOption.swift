import ArgumentParser
import Foundation

/// `--assets DIR`: where the stimulus images and their sheets live (default `Assets` in the current folder).
struct AssetsOption: ParsableArguments {
  @Option(name: .customLong("assets"), help: "The assets folder holding stimuli/<id>.yaml and their images.")
  var path = "Assets"

  var url: URL { URL(fileURLWithPath: path, isDirectory: true) }
}
