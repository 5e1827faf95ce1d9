/// The name adjustments of foreign content (HTML Standard §13.2.6.1 "adjust SVG attributes",
/// "adjust MathML attributes", "adjust foreign attributes", and §13.2.6.5's SVG tag name table).
///
/// Keys are the lowercase names the tokenizer produces, values the names the DOM gets. Immutable
/// tables; safe from any thread.
enum ForeignContentAdjustment {
  /// An attribute's namespace after "adjust foreign attributes", with the operand value the
  /// tree-operation stream uses (0 none, 1 XLink, 2 XML, 3 XMLNS).
  enum AttributeNamespace: Int32 {
    case none = 0
    case xlink = 1
    case xml = 2
    case xmlns = 3
  }

  /// SVG element names whose case the parser restores.
  static let svgTagNames: [[UInt8]: [UInt8]] = table([
    "altGlyph", "altGlyphDef", "altGlyphItem", "animateColor", "animateMotion", "animateTransform", "clipPath",
    "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
    "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
    "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
    "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence", "foreignObject", "glyphRef", "linearGradient",
    "radialGradient", "textPath",
  ])

  /// SVG attribute names whose case the parser restores.
  static let svgAttributeNames: [[UInt8]: [UInt8]] = table([
    "attributeName", "attributeType", "baseFrequency", "baseProfile", "calcMode", "clipPathUnits", "diffuseConstant",
    "edgeMode", "filterUnits", "glyphRef", "gradientTransform", "gradientUnits", "kernelMatrix", "kernelUnitLength",
    "keyPoints", "keySplines", "keyTimes", "lengthAdjust", "limitingConeAngle", "markerHeight", "markerUnits",
    "markerWidth", "maskContentUnits", "maskUnits", "numOctaves", "pathLength", "patternContentUnits",
    "patternTransform", "patternUnits", "pointsAtX", "pointsAtY", "pointsAtZ", "preserveAlpha", "preserveAspectRatio",
    "primitiveUnits", "refX", "refY", "repeatCount", "repeatDur", "requiredExtensions", "requiredFeatures",
    "specularConstant", "specularExponent", "spreadMethod", "startOffset", "stdDeviation", "stitchTiles",
    "surfaceScale", "systemLanguage", "tableValues", "targetX", "targetY", "textLength", "viewBox", "viewTarget",
    "xChannelSelector", "yChannelSelector", "zoomAndPan",
  ])

  /// MathML attribute names whose case the parser restores.
  static let mathMLAttributeNames: [[UInt8]: [UInt8]] = table(["definitionURL"])

  /// Attributes of foreign elements that get a namespace: the namespace and the local name.
  static let foreignAttributes: [[UInt8]: (AttributeNamespace, [UInt8])] = {
    var result: [[UInt8]: (AttributeNamespace, [UInt8])] = [:]
    for name in ["actuate", "arcrole", "href", "role", "show", "title", "type"] {
      result[Array("xlink:\(name)".utf8)] = (.xlink, Array(name.utf8))
    }
    for name in ["lang", "space"] { result[Array("xml:\(name)".utf8)] = (.xml, Array(name.utf8)) }
    result[Array("xmlns".utf8)] = (.xmlns, Array("xmlns".utf8))
    result[Array("xmlns:xlink".utf8)] = (.xmlns, Array("xlink".utf8))
    return result
  }()

  private static func table(_ names: [String]) -> [[UInt8]: [UInt8]] {
    Dictionary(uniqueKeysWithValues: names.map { (Array($0.lowercased().utf8), Array($0.utf8)) })
  }
}
