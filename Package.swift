// swift-tools-version:6.1
import PackageDescription

// Every library module has Tests/<Module>Tests; keep this list in step with Sources/.
let libraries = [
  "SessionModel", "ProtocolKit", "SessionEngine", "SpeechKit",
  "Store", "Research", "ScentKit", "Stage", "SessionRunner", "SpeechRecognition", "Review", "ReviewServer",
  "Sync",
]

let yams = Target.Dependency.product(name: "Yams", package: "Yams")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting = Target.Dependency.product(name: "HummingbirdTesting", package: "hummingbird")
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let postgres = Target.Dependency.product(name: "PostgresNIO", package: "postgres-nio")

// Test inputs read from disk by path (see each test's `fixture(_:)` helper).
let testFixtureFolders: [String: [String]] = [
  "ProtocolKit": ["Fixtures"],
  "Stage": ["References"],
  "SpeechKit": ["Goldens"],
  "Research": ["Goldens"],
]

// What a test target needs beyond its module, TestSupport and SessionModel.
let testDependencies: [String: [Target.Dependency]] = [
  "Research": ["Store", "SpeechKit"],
  "SessionRunner": ["Research"],
  "Review": ["Store", "SpeechKit", "Research"],
  "ReviewServer": ["Review", "Store", hummingbird, hummingbirdTesting],
  "Sync": ["Store", "Research", postgres],
]

let package = Package(
  name: "ConnectAge",
  platforms: [.macOS(.v14)],
  // Library products exist so that Benchmarks/ and Fuzz/ (nested packages) can link the modules.
  products: [.executable(name: "connectage", targets: ["connectage"])]
    + libraries.map { .library(name: $0, targets: [$0]) }
    + [.library(name: "TestSupport", targets: ["TestSupport"])],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
  ],
  targets: [
    // MARK: C libraries: one shim each, imported by exactly one module (scripts/check-boundaries)
    .systemLibrary(
      name: "CSDL2", pkgConfig: "sdl2",
      providers: [.apt(["libsdl2-dev", "libsdl2-ttf-dev", "libsdl2-image-dev"])]),
    .systemLibrary(name: "CBlueZ", pkgConfig: "bluez", providers: [.apt(["libbluetooth-dev"])]),

    // MARK: Pure logic: no I/O, no C
    .target(name: "SessionModel"),
    .target(name: "ProtocolKit", dependencies: ["SessionModel", yams]),
    .target(name: "SessionEngine", dependencies: ["SessionModel"]),
    .target(name: "SpeechKit", dependencies: ["SessionModel"]),

    // MARK: I/O and devices
    .target(name: "Store", dependencies: ["SessionModel", "SpeechKit", grdb, crypto]),
    .target(name: "ScentKit", dependencies: ["SessionModel", "CBlueZ"]),
    .target(name: "SpeechRecognition", dependencies: ["SessionModel", "SpeechKit", crypto]),
    .target(name: "Stage", dependencies: ["SessionModel", "CSDL2"]),

    // MARK: Analysis of what the store holds: exports, statistics, plots, coding sheets
    .target(name: "Research", dependencies: ["SessionModel", "SpeechKit", "Store"]),

    // MARK: The review workstation: a core tests drive directly, and a thin web server over it
    .target(name: "Review", dependencies: ["SessionModel", "SpeechKit", "Store", "Research"]),
    .target(
      name: "ReviewServer",
      dependencies: [
        "Review", "SessionModel", "Store", "SpeechKit", "Research", hummingbird, httpTypes, logging, nioCore,
      ],
      // The page (HTML, CSS, JavaScript) is served from these files as they are, found by path as
      // Stage finds its assets: no build step, no bundle.
      exclude: ["Assets"]),

    // MARK: Multi-centre synchronisation: a site's SQLite file pushed to, and read back from, PostgreSQL
    .target(name: "Sync", dependencies: ["SessionModel", "SpeechKit", "Store", postgres, logging, crypto]),

    // MARK: Composition and entry point
    .target(
      name: "SessionRunner",
      dependencies: ["SessionEngine", "ProtocolKit", "SpeechKit", "Store", "Research", "ScentKit", "Stage"]),
    .executableTarget(
      name: "connectage",
      dependencies: [
        "SessionRunner", "ProtocolKit", "SpeechKit", "SpeechRecognition", "Store", "Research", "ScentKit",
        "Stage", "SessionModel", "ReviewServer", "Sync", argumentParser,
      ]),

    // MARK: Tests
    .target(name: "TestSupport", dependencies: ["SessionModel", "SpeechKit", "Store"]),
    .testTarget(
      name: "connectageTests",
      dependencies: ["connectage", "TestSupport", "SessionModel", "SpeechKit", "Store", "Research", "SessionRunner"],
      // The fixture database and its goldens are read by path at test time.
      exclude: ["Fixtures"]),
  ]
    + libraries.map {
      .testTarget(
        name: "\($0)Tests",
        dependencies: [.target(name: $0), "TestSupport"] + ($0 == "SessionModel" ? [] : ["SessionModel"])
          + testDependencies[$0, default: []],
        // Fixture files are read by path at test time, not compiled or bundled.
        exclude: testFixtureFolders[$0, default: []])
    }
)
