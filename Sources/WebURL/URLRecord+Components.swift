extension URLRecord {
  /// The values of all of a URL's getters, read in one go (one crossing for a JavaScript `URL`).
  ///
  /// A plain value; `Sendable`. Each field is what the `URL` interface's getter of that name
  /// returns (URL Standard §6.1).
  public struct Components: Sendable, Hashable {
    public var href: String
    public var origin: String
    public var `protocol`: String
    public var username: String
    public var password: String
    public var host: String
    public var hostname: String
    public var port: String
    public var pathname: String
    public var search: String
    public var hash: String

    public init(
      href: String, origin: String, protocol: String, username: String, password: String, host: String, hostname: String,
      port: String, pathname: String, search: String, hash: String
    ) {
      self.href = href
      self.origin = origin
      self.protocol = `protocol`
      self.username = username
      self.password = password
      self.host = host
      self.hostname = hostname
      self.port = port
      self.pathname = pathname
      self.search = search
      self.hash = hash
    }
  }
}
