/// Splits a string of command-line options as a POSIX shell does (cucumber-js's string profiles,
/// after the `string-argv` package): whitespace separates words; single quotes keep everything up
/// to the next single quote; double quotes keep everything but `\"` and `\\`; a backslash outside
/// quotes keeps the next character.
enum ShellWords {
  struct Unclosed: Error, CustomStringConvertible {
    let quote: Character
    var description: String { "a \(quote) quote is not closed" }
  }

  static func split(_ text: String) throws -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for c in text {
      if escaped {
        word.append(c)
        escaped = false
        inWord = true
        continue
      }
      switch quote {
      case "'":
        if c == "'" { quote = nil } else { word.append(c) }
      case "\"":
        if c == "\"" { quote = nil } else if c == "\\" { escaped = true } else { word.append(c) }
      default:
        if c == "'" || c == "\"" {
          quote = c
          inWord = true
        } else if c == "\\" {
          escaped = true
        } else if c.isWhitespace {
          if inWord { words.append(word) }
          word = ""
          inWord = false
        } else {
          word.append(c)
          inWord = true
        }
      }
    }
    if let quote { throw Unclosed(quote: quote) }
    if inWord { words.append(word) }
    return words
  }
}
