// swift-tools-version:6.1
// Benchmarks live in a nested package so the benchmark dependency never slows the main
// build or CI. Run them with `make bench` (scripts/bench); docs/PERFORMANCE.md records the figures.
import PackageDescription

let areas: [(name: String, modules: [String])] = [
  ("ProtocolBenchmarks", ["ProtocolKit", "SessionModel"]),
  ("StoreBenchmarks", ["Store", "Research", "SessionModel", "TestSupport"]),
  ("SpeechBenchmarks", ["SpeechKit", "SessionModel", "TestSupport"]),
  ("ScentBenchmarks", ["ScentKit", "SessionModel"]),
  ("StageBenchmarks", ["Stage", "SessionModel"]),
  ("EngineBenchmarks", ["SessionEngine", "SessionModel"]),
  ("ReviewBenchmarks", ["Review", "Store", "SessionModel", "TestSupport"]),
  ("SyncBenchmarks", ["Sync", "Store", "SessionModel", "TestSupport"]),
]

let package = Package(
  name: "ConnectAgeBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "ConnectAge", path: ".."),
    // MallocInterposer lets the benchmarks count allocations and peak memory.
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: areas.map { area in
    .executableTarget(
      name: area.name,
      dependencies: [.product(name: "Benchmark", package: "benchmark")]
        + area.modules.map { .product(name: $0, package: "ConnectAge") },
      path: "Benchmarks/\(area.name)",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
  }
)
