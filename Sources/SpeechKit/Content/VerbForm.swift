/// A recognised French verb form: its infinitive and tense.
public struct VerbForm: Hashable, Sendable {
  public var infinitive: String
  public var tense: VerbTense

  public var isAuxiliary: Bool { infinitive == "avoir" || infinitive == "être" }
}
