import Foundation

/// An espeak-ng data folder whose voice variants have no `echo` line.
///
/// Some variants (`f2`, `f3`, `f4`) add a synthetic echo, 120–140 ms late at echo amplitude 10–15
/// (of 100): a room reflection made by the synthesizer. Left in, it lengthens the "dry" answer
/// the reference is measured on by up to 140 ms past the last word, so the truth would count a
/// room's tail as speech, which the corpus counts against a detector everywhere else. The rooms
/// come from `RoomReverb` only, where the condition says so. Every other line of a variant
/// (pitch, formants, breath, roughness) is kept, and every other file is linked, not copied.
public struct EchoFreeVoices: Sendable {
  /// The folder to give espeak-ng as `--path`: it holds `espeak-ng-data`.
  public let path: URL

  public init(under scratch: URL) throws {
    let installed = try Self.installedData()
    path = scratch.appendingPathComponent("espeak-echo-free")
    let data = path.appendingPathComponent("espeak-ng-data")
    let files = FileManager.default
    if files.fileExists(atPath: path.path) { try files.removeItem(at: path) }
    /// A folder whose entries link to `source`'s, all but `kept`, which the caller writes itself.
    func link(_ source: URL, into folder: URL, except kept: String) throws {
      try files.createDirectory(at: folder, withIntermediateDirectories: true)
      for entry in try files.contentsOfDirectory(atPath: source.path) where entry != kept {
        try files.createSymbolicLink(
          at: folder.appendingPathComponent(entry), withDestinationURL: source.appendingPathComponent(entry))
      }
    }
    let voices = installed.appendingPathComponent("voices")
    try link(installed, into: data, except: "voices")
    try link(voices, into: data.appendingPathComponent("voices"), except: "!v")
    let variants = voices.appendingPathComponent("!v")
    let echoFree = data.appendingPathComponent("voices").appendingPathComponent("!v")
    try files.createDirectory(at: echoFree, withIntermediateDirectories: true)
    for name in try files.contentsOfDirectory(atPath: variants.path) {
      let text = try String(contentsOf: variants.appendingPathComponent(name), encoding: .isoLatin1)
      let kept = text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("echo") }
      try kept.joined(separator: "\n").write(
        to: echoFree.appendingPathComponent(name), atomically: true, encoding: .isoLatin1)
    }
  }

  /// Where espeak-ng keeps its data, as it says itself ("Data at: …").
  static func installedData() throws -> URL {
    let version = try ExternalTool.output("espeak-ng", ["--version"])
    guard let range = version.range(of: "Data at: ") else {
      throw ExternalTool.Failure(description: "espeak-ng --version did not say where its data are: \(version)")
    }
    let path = version[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
    return URL(fileURLWithPath: path)
  }
}
