import ArgumentParser

/// What `plan` and `schedule` share: the protocol file, where its images are, the first day, JSON or not.
struct ProtocolFileOptions: ParsableArguments {
  @Argument(help: "The protocol file.")
  var file: String

  @Option(help: "First session date, YYYY-MM-DD (default: the protocol's schedule.start).")
  var start: String?

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  @OptionGroup var assets: AssetsOption
}
