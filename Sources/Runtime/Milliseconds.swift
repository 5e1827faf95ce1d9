extension Swift.Duration {
  /// The duration in milliseconds (what logs, timeout messages and JavaScript's clock use).
  public var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
