import Foundation
import SpeechKit

/// A synthetic corpus of French spoken answers (espeak-ng) in the noises of a real room (sox),
/// generated from a seed and cached under `.build-corpus/`.
///
/// The reference timing of each file is measured on its clean, silence-padded speech before
/// anything is added. Keep the development seed apart from the seed results are reported on.
public struct SpeechCorpus: Sendable {
  /// Bump when the generation changes, so stale caches are not reused.
  public static let version = 2
  public static let developmentSeed: UInt64 = 1
  public static let reportSeed: UInt64 = 2

  public let directory: URL
  public let items: [SpeechCorpusItem]

  /// What the manifest holds: the items, and the detector version their reference comes from.
  struct Manifest: Codable {
    var algorithm: String
    var items: [SpeechCorpusItem]
  }

  /// Where corpora are cached: `.build-corpus/` at the package root.
  public static var cacheRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build-corpus")
  }

  /// Loads the corpus for `seed` from the cache, generating it first if needed.
  public static func load(seed: UInt64, count: Int, root: URL = cacheRoot) throws -> SpeechCorpus {
    let directory = root.appendingPathComponent("v\(version)-seed\(seed)-n\(count)")
    let manifest = directory.appendingPathComponent("manifest.json")
    if let data = try? Data(contentsOf: manifest),
      let cached = try? JSONDecoder().decode(Manifest.self, from: data)
    {
      guard cached.algorithm != VoiceActivityDetector.algorithm else {
        return SpeechCorpus(directory: directory, items: cached.items)
      }
      // The reference detector changed: measure the clean recordings again.
      var items = cached.items
      for index in items.indices {
        let clean = directory.appendingPathComponent("clean").appendingPathComponent(items[index].file)
        items[index].truth = try SpeechTimingAnalyzer().analyze(url: clean).segments
      }
      try writeManifest(Manifest(algorithm: VoiceActivityDetector.algorithm, items: items), to: manifest)
      return SpeechCorpus(directory: directory, items: items)
    }
    _ = try ExternalTool.locate("espeak-ng")
    _ = try ExternalTool.locate("sox")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    // Generate aside and rename, so parallel tests never see half a corpus.
    let staging = root.appendingPathComponent(".staging-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: staging) }
    var builder = CorpusBuilder(seed: seed, directory: staging)
    let items = try (0..<count).map { index in try builder.makeItem(index: index) }
    try builder.removeScratch()
    try writeManifest(
      Manifest(algorithm: VoiceActivityDetector.algorithm, items: items),
      to: staging.appendingPathComponent("manifest.json"))
    do {
      try FileManager.default.moveItem(at: staging, to: directory)
    } catch {
      // Another process finished first: its corpus is the same.
      guard FileManager.default.fileExists(atPath: manifest.path) else { throw error }
    }
    return SpeechCorpus(directory: directory, items: items)
  }

  private static func writeManifest(_ manifest: Manifest, to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(manifest).write(to: url, options: .atomic)
  }

  public func url(of item: SpeechCorpusItem) -> URL { directory.appendingPathComponent(item.file) }
}

/// Makes the corpus files one by one.
struct CorpusBuilder {
  static let rate = SyntheticSounds.sampleRate
  static let voices = ["fr", "fr+f3", "fr+m3", "fr+f2", "fr+m1", "fr+f4", "fr+m7", "fr+f1"]
  static let phrases = [
    "ça me rappelle la maison de ma grand-mère", "les pommes du jardin", "on allait à la plage",
    "je me souviens du marché le dimanche", "mon père coupait le bois", "la fromagerie du village",
    "c'était l'été", "sa tarte aux pommes", "les vacances en Bretagne", "nous chantions à l'école",
    "le foin dans la grange", "oui", "peut-être", "des fleurs", "mon frère et moi",
    "il faisait chaud", "la cuisine sentait bon", "les vendanges", "au bord de la rivière",
    "je ne sais plus", "ma mère faisait du pain", "le café le matin",
  ]
  static let noises = ["none", "white", "pink", "brown", "hum"]

  var generator: SeededGenerator
  let directory: URL
  let scratch: URL
  var noiseCache: [String: [Float]] = [:]

  init(seed: UInt64, directory: URL) {
    generator = SeededGenerator(seed: seed)
    self.directory = directory
    scratch = directory.appendingPathComponent("scratch")
  }

  func removeScratch() throws {
    if FileManager.default.fileExists(atPath: scratch.path) { try FileManager.default.removeItem(at: scratch) }
  }

  /// espeak-ng speech at 16 kHz.
  mutating func speak(_ text: String, voice: String, wordsPerMinute: Int, pitch: Int) throws -> [Float] {
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let file = scratch.appendingPathComponent("speech.wav")
    try ExternalTool.run(
      "espeak-ng", ["-v", voice, "-s", "\(wordsPerMinute)", "-p", "\(pitch)", "-w", file.path, text])
    let reader = try WAVFile.read(file)
    var resampler = SincResampler(inputRate: reader.format.sampleRate, outputRate: Self.rate)
    return resampler.process(try reader.readAllMono()) + resampler.finish()
  }

  /// A minute of sox noise of one colour, made once and cut at random offsets.
  mutating func noise(_ kind: String, length: Int) throws -> [Float] {
    if noiseCache[kind] == nil {
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      let file = scratch.appendingPathComponent("\(kind).wav")
      let synth =
        switch kind {
        case "white": ["whitenoise"]
        case "pink": ["pinknoise"]
        case "brown": ["brownnoise"]
        default: ["sine", "50"]
        }
      try ExternalTool.run(
        "sox",
        ["-R", "-n", "-r", "\(Self.rate)", "-b", "16", "-c", "1", file.path, "synth", "60"] + synth + ["vol", "0.5"])
      noiseCache[kind] = try WAVFile.read(file).readAllMono()
    }
    let source = noiseCache[kind]!
    let start = Int.random(in: 0..<(source.count - length), using: &generator)
    return Array(source[start..<(start + length)])
  }

  mutating func makeItem(index: Int) throws -> SpeechCorpusItem {
    let voice = Self.voices.randomElement(using: &generator)!
    let wordsPerMinute = Int.random(in: 120...190, using: &generator)
    let pitch = Int.random(in: 25...75, using: &generator)
    var texts = (0..<Int.random(in: 1...4, using: &generator)).map { _ in Self.phrases.randomElement(using: &generator)!
    }
    if Int.random(in: 0..<4, using: &generator) == 0 { texts.insert("euh", at: 0) }
    let withTransients = index % 2 == 1
    let lead = Double.random(in: withTransients ? 1.0...2.0 : 0.4...1.6, using: &generator)
    let tail = Double.random(in: withTransients ? 1.0...2.0 : 0.4...1.6, using: &generator)

    var clean = [Float](repeating: 0, count: Int(lead * Double(Self.rate)))
    for (position, text) in texts.enumerated() {
      if position > 0 { clean += silence(Double.random(in: 0.2...1.2, using: &generator)) }
      clean += try speak(text, voice: voice, wordsPerMinute: wordsPerMinute, pitch: pitch)
    }
    clean += silence(tail)
    let analyzer = SpeechTimingAnalyzer()
    let truth = analyzer.analyze(samples: clean, sampleRate: Self.rate, name: "clean").segments
    let speechPower = power(of: clean, in: truth)

    var mixed = clean
    let noiseKind = Self.noises[index % Self.noises.count]
    var snr: Double?
    if noiseKind != "none" {
      let chosen = [20.0, 15, 10, 5].randomElement(using: &generator)!
      snr = chosen
      add(try noise(noiseKind, length: mixed.count), to: &mixed, at: 0, power: speechPower / pow(10, chosen / 10))
    }
    let hasBabble = index % 3 == 2
    if hasBabble {
      // Other residents: continuous speech of other voices, 20 to 26 dB below the speaker.
      var babble: [Float] = []
      while babble.count < mixed.count {
        let other = Self.voices.randomElement(using: &generator)!
        babble += try speak(
          Self.phrases.randomElement(using: &generator)!, voice: other, wordsPerMinute: 160, pitch: 50)
      }
      let level = Double.random(in: 20...26, using: &generator)
      add(Array(babble.prefix(mixed.count)), to: &mixed, at: 0, power: speechPower / pow(10, level / 10))
    }
    var transients: [String] = []
    if withTransients, let onset = truth.first?.start, let offset = truth.last?.end {
      for (low, high) in [(0.1, onset - 0.35), (offset + 0.35, Double(mixed.count) / Double(Self.rate) - 0.3)] {
        let name = SyntheticSounds.transientNames.randomElement(using: &generator)!
        let sound = SyntheticSounds.named(name, using: &generator)
        let latest = high - Double(sound.count) / Double(Self.rate)
        guard latest > low else { continue }
        let start = Int(Double.random(in: low...latest, using: &generator) * Double(Self.rate))
        // Transients as loud as the speech, or louder: level must not be what rejects them.
        add(sound, to: &mixed, at: start, power: speechPower * Double.random(in: 0.5...2, using: &generator))
        transients.append(name)
      }
    }
    let peak = mixed.map(abs).max() ?? 1
    if peak > 0.95 { mixed = mixed.map { $0 * 0.95 / peak } }

    let file = String(format: "item%03d.wav", index)
    let cleanDirectory = directory.appendingPathComponent("clean")
    try FileManager.default.createDirectory(at: cleanDirectory, withIntermediateDirectories: true)
    try WAVFile.write(
      clean, format: WAVFormat(encoding: .float32, sampleRate: Self.rate, channels: 1),
      to: cleanDirectory.appendingPathComponent(file))
    try WAVFile.write(mixed, format: .speech(), to: directory.appendingPathComponent(file))
    var parts = [noiseKind == "none" ? "clean" : "\(noiseKind) \(Int(snr!)) dB"]
    if hasBabble { parts.append("babble") }
    if !transients.isEmpty { parts.append(transients.joined(separator: "/")) }
    return SpeechCorpusItem(
      file: file, condition: parts.joined(separator: " + "), noise: noiseKind, signalToNoise: snr,
      hasBabble: hasBabble, transients: transients, voice: "\(voice) \(wordsPerMinute) wpm pitch \(pitch)",
      text: texts.joined(separator: " / "), truth: truth)
  }

  func silence(_ seconds: Double) -> [Float] { [Float](repeating: 0, count: Int(seconds * Double(Self.rate))) }

  func power(of samples: [Float], in segments: [SpeechSegment]) -> Double {
    var sum = 0.0
    var count = 0
    for segment in segments {
      for index in Int(segment.start * Double(Self.rate))..<min(samples.count, Int(segment.end * Double(Self.rate))) {
        sum += Double(samples[index] * samples[index])
        count += 1
      }
    }
    return count > 0 ? sum / Double(count) : 1e-4
  }

  /// Adds `sound` scaled to mean power `power` (over the sound's non-silent part).
  func add(_ sound: [Float], to mix: inout [Float], at start: Int, power: Double) {
    let active = sound.filter { abs($0) > 1e-4 }
    let current = active.reduce(0.0) { $0 + Double($1 * $1) } / Double(max(1, active.count))
    guard current > 0 else { return }
    let gain = Float((power / current).squareRoot())
    for index in 0..<sound.count where start + index < mix.count { mix[start + index] += gain * sound[index] }
  }
}
