/// The states of the tokenizer's state machine, in the order and words of §13.2.5.1-80, and `done`
/// once the end-of-file token is emitted.
///
/// `TokenizerState` is the public part: the states the tree builder switches to. Not nested in the
/// generic `Tokenizer`, so that unspecialized code needs no generic metadata for it.
enum TokenizerInternalState: UInt8, Sendable {
  case data, rcdata, rawtext, scriptData, plaintext
  case tagOpen, endTagOpen, tagName
  case rcdataLessThanSign, rcdataEndTagOpen, rcdataEndTagName
  case rawtextLessThanSign, rawtextEndTagOpen, rawtextEndTagName
  case scriptDataLessThanSign, scriptDataEndTagOpen, scriptDataEndTagName
  case scriptDataEscapeStart, scriptDataEscapeStartDash
  case scriptDataEscaped, scriptDataEscapedDash, scriptDataEscapedDashDash
  case scriptDataEscapedLessThanSign, scriptDataEscapedEndTagOpen, scriptDataEscapedEndTagName
  case scriptDataDoubleEscapeStart
  case scriptDataDoubleEscaped, scriptDataDoubleEscapedDash, scriptDataDoubleEscapedDashDash
  case scriptDataDoubleEscapedLessThanSign, scriptDataDoubleEscapeEnd
  case beforeAttributeName, attributeName, afterAttributeName, beforeAttributeValue
  case attributeValueDoubleQuoted, attributeValueSingleQuoted, attributeValueUnquoted
  case afterAttributeValueQuoted, selfClosingStartTag
  case bogusComment, markupDeclarationOpen
  case commentStart, commentStartDash, comment
  case commentLessThanSign, commentLessThanSignBang, commentLessThanSignBangDash, commentLessThanSignBangDashDash
  case commentEndDash, commentEnd, commentEndBang
  case doctype, beforeDoctypeName, doctypeName, afterDoctypeName
  case afterDoctypePublicKeyword, beforeDoctypePublicIdentifier
  case doctypePublicIdentifierDoubleQuoted, doctypePublicIdentifierSingleQuoted, afterDoctypePublicIdentifier
  case betweenDoctypePublicAndSystemIdentifiers
  case afterDoctypeSystemKeyword, beforeDoctypeSystemIdentifier
  case doctypeSystemIdentifierDoubleQuoted, doctypeSystemIdentifierSingleQuoted, afterDoctypeSystemIdentifier
  case bogusDoctype
  case cdataSection, cdataSectionBracket, cdataSectionEnd
  case characterReference, namedCharacterReference, ambiguousAmpersand, numericCharacterReference
  case hexadecimalCharacterReferenceStart, decimalCharacterReferenceStart
  case hexadecimalCharacterReference, decimalCharacterReference, numericCharacterReferenceEnd
  case done

  init(_ state: TokenizerState) {
    switch state {
    case .data: self = .data
    case .rcdata: self = .rcdata
    case .rawtext: self = .rawtext
    case .scriptData: self = .scriptData
    case .plaintext: self = .plaintext
    }
  }

  /// Whether this is one of the attribute value states, where character references go into
  /// the value (§13.2.5.72: "consumed as part of an attribute").
  var isAttributeValue: Bool {
    self == .attributeValueDoubleQuoted || self == .attributeValueSingleQuoted || self == .attributeValueUnquoted
  }

  /// The public state whose text this state belongs to.
  var contentModel: TokenizerState {
    switch self {
    case .rcdata, .rcdataLessThanSign, .rcdataEndTagOpen, .rcdataEndTagName: .rcdata
    case .rawtext, .rawtextLessThanSign, .rawtextEndTagOpen, .rawtextEndTagName: .rawtext
    case .scriptData, .scriptDataLessThanSign, .scriptDataEndTagOpen, .scriptDataEndTagName, .scriptDataEscapeStart,
      .scriptDataEscapeStartDash, .scriptDataEscaped, .scriptDataEscapedDash, .scriptDataEscapedDashDash,
      .scriptDataEscapedLessThanSign, .scriptDataEscapedEndTagOpen, .scriptDataEscapedEndTagName,
      .scriptDataDoubleEscapeStart, .scriptDataDoubleEscaped, .scriptDataDoubleEscapedDash,
      .scriptDataDoubleEscapedDashDash, .scriptDataDoubleEscapedLessThanSign, .scriptDataDoubleEscapeEnd:
      .scriptData
    case .plaintext: .plaintext
    default: .data
    }
  }
}
