import Runtime
import V8

/// HTML's forms in a page realm (§4.10, issue 14), in `forms/`: `form-data-set.js` (§4.10.21.4
/// constructing the entry list, the `formdata` event, and the urlencoded, multipart/form-data and
/// text/plain encodings), `constraint-validation.js` (§4.10.20: `ValidityState`, `validity`,
/// `validationMessage` in Chromium's words, `checkValidity`, `reportValidity`,
/// `setCustomValidity`, static and interactive validation with `invalid` events) and
/// `form-submission.js` (§4.10.21.3 the form submission algorithm with the submitter's overrides,
/// §4.10.21.2 implicit submission, submit and reset buttons' activation behavior, §4.10.21.6
/// reset), which ends in a navigation of the document's page (`runtime.navigation`, then
/// `LocationAPI` and `Page` in Swift).
///
/// Entirely JavaScript, with no host functions. Installed after the File, FormData, Fetch and
/// Location APIs (it reads their encoders and the navigation entry point) and before the input layer.
enum FormsAPI: PageAPI {
  static let scriptNames = ["form-data-set", "constraint-validation", "form-submission"]

  static let `extension` = Extension(
    name: "forms",
    scripts: scriptNames.map { Extension.Script(name: $0, source: Extension.resource("forms/\($0).js", in: .module)) })

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] { [:] }
}
