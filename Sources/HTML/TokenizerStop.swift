/// Why `Tokenizer.run()` returned.
public enum TokenizerStop: Sendable, Equatable {
  /// All input given so far is consumed (or waits for more to decide, such as `&no` that may grow
  /// into `&notin;`): append more text or finish the input, then run again.
  case needsInput
  /// The sink answered a token with `.pause` (a parser-blocking script's end tag); run again to
  /// go on from the next character.
  case paused
  /// The end-of-file token has been emitted; the tokenizer emits nothing more.
  case finished
}
