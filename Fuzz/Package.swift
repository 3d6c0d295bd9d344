// swift-tools-version:6.1
// libFuzzer targets for every reader of untrusted bytes. A nested package, so that the
// fuzzing flags never touch the main build: scripts/fuzz builds it with -sanitize=fuzzer.
import PackageDescription

let fuzzers: [(name: String, module: String)] = [
  ("FuzzWAVReader", "SpeechKit"),
  ("FuzzCHATReader", "SpeechKit"),
  ("FuzzTextGridReader", "SpeechKit"),
  ("FuzzDiffuserFrame", "ScentKit"),
  ("FuzzATTPDU", "ScentKit"),
]

let package = Package(
  name: "ConnectAgeFuzz",
  platforms: [.macOS(.v14)],
  dependencies: [.package(name: "ConnectAge", path: "..")],
  targets: [
    // libFuzzer's driver entry point; SwiftPM's generated main would otherwise run instead.
    .systemLibrary(name: "CLibFuzzer")
  ]
    + fuzzers.map {
      .executableTarget(
        name: $0.name,
        dependencies: ["CLibFuzzer", .product(name: $0.module, package: "ConnectAge")])
    }
)
