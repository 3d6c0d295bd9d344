/// The broad part of the session the engine is in.
enum SessionStage: Hashable, Sendable {
  case lobby
  case joining
  case trials
  case ended
}
