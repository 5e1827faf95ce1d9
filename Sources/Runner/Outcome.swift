import V8

/// How user code ended: a step's or hook's status, message and exception.
struct Outcome {
  var status: Status
  var message: String?
  var exceptionType: String?
  var stackTrace: String?

  enum Status: String {
    case passed = "PASSED"
    case failed = "FAILED"
    case pending = "PENDING"
    case skipped = "SKIPPED"
  }

  init(status: Status, message: String?, exceptionType: String?, stackTrace: String?) {
    self.status = status
    self.message = message
    self.exceptionType = exceptionType
    self.stackTrace = stackTrace
  }

  init(_ value: JSValue) {
    if value == .number(0) {
      status = .passed
      return
    }
    status = Status(rawValue: value["status"].stringValue ?? "FAILED") ?? .failed
    message = value["message"].stringValue
    exceptionType = value["exception"]["type"].stringValue
    stackTrace = value["exception"]["stackTrace"].stringValue
  }
}
