import Foundation

/// The cookie-date parsing algorithm of RFC 6265bis §5.4.1, for `Expires`.
///
/// Pure functions. Lenient as browsers are: tokens in any order, the first of each kind wins, two-
/// digit years mapped to 1970–2069; a date that does not exist (February 30) or a year before 1601
/// is no date.
enum CookieDate {
  /// The date `string` names, in UTC, or nil when the algorithm fails.
  static func parse(_ string: String) -> Date? {
    var time: (hour: Int, minute: Int, second: Int)?
    var dayOfMonth: Int?
    var month: Int?
    var year: Int?
    for token in tokens(string) {
      if time == nil, let parsed = parseTime(token) {
        time = parsed
      } else if dayOfMonth == nil, let digits = leadingDigits(token, 1...2) {
        dayOfMonth = digits
      } else if month == nil, let parsed = parseMonth(token) {
        month = parsed
      } else if year == nil, let digits = leadingDigits(token, 2...4) {
        year = digits
      }
    }
    guard let time, let dayOfMonth, let month, var year else { return nil }
    if (70...99).contains(year) { year += 1900 }
    if (0...69).contains(year) { year += 2000 }
    guard (1...31).contains(dayOfMonth), year >= 1601, time.hour <= 23, time.minute <= 59, time.second <= 59 else {
      return nil
    }
    let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let monthLengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard dayOfMonth <= monthLengths[month - 1] else { return nil }
    let days = daysFromCivil(year: year, month: month, day: dayOfMonth)
    let seconds = Double(days) * 86_400 + Double(time.hour * 3600 + time.minute * 60 + time.second)
    return Date(timeIntervalSince1970: seconds)
  }

  /// The date-tokens: runs of non-delimiters (delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 /
  /// %x7B-7E).
  private static func tokens(_ string: String) -> [[UInt8]] {
    func isDelimiter(_ byte: UInt8) -> Bool {
      byte == 0x09 || (0x20...0x2F).contains(byte) || (0x3B...0x40).contains(byte) || (0x5B...0x60).contains(byte)
        || (0x7B...0x7E).contains(byte)
    }
    let bytes = Array(string.utf8)
    return bytes.split(whereSeparator: isDelimiter).map(Array.init)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

  /// `count` digits, then the end or a non-digit and anything (the day-of-month and year rules).
  private static func leadingDigits(_ token: [UInt8], _ count: ClosedRange<Int>) -> Int? {
    let digits = token.prefix(while: isDigit)
    guard count.contains(digits.count) else { return nil }
    return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }

  /// hms-time = time-field ":" time-field ":" time-field, then the end or a non-digit and anything.
  private static func parseTime(_ token: [UInt8]) -> (hour: Int, minute: Int, second: Int)? {
    var fields: [Int] = []
    var index = 0
    while fields.count < 3 {
      let start = index
      while index < token.count, index - start < 2, isDigit(token[index]) { index += 1 }
      guard index > start else { return nil }
      fields.append(token[start..<index].reduce(0) { $0 * 10 + Int($1 - 0x30) })
      if fields.count < 3 {
        guard index < token.count, token[index] == UInt8(ascii: ":") else { return nil }
        index += 1
      }
    }
    guard index == token.count || !isDigit(token[index]) else { return nil }
    return (fields[0], fields[1], fields[2])
  }

  private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  /// A month's first three letters, any case, then anything.
  private static func parseMonth(_ token: [UInt8]) -> Int? {
    guard token.count >= 3 else { return nil }
    let prefix = String(decoding: token.prefix(3), as: UTF8.self).lowercased()
    return months.firstIndex(of: prefix).map { $0 + 1 }
  }

  /// Days from 1970-01-01 to the proleptic Gregorian date (Howard Hinnant's days_from_civil).
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
