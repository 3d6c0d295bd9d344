import Benchmark

// Filled in by the module's issue.
let benchmarks: @Sendable () -> Void = {}
