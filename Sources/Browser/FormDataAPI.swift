import Runtime
import V8

/// XHR Standard §5 `FormData` in the page realm, in `apis/form-data.js`: an ordered entry list of
/// strings and Files with its pair iterator, the body type `fetch`, `Request`, `Response` and
/// `XMLHttpRequest.send` encode as multipart/form-data (`fetch/fetch.js`).
///
/// Entirely JavaScript, with no host functions: the entry list lives in the page realm, out of the
/// page's reach (a `WeakMap` of the script). Installed after `FileAPI` (its Files are `apis/blob.js`'s)
/// and before `FetchAPI`, whose bodies read it through `runtime['form-data']`. `new FormData(form,
/// submitter)` takes the form's entry list from `FormsAPI` (HTML §4.10.21.4, with `formdata`).
enum FormDataAPI: PageAPI {
  static let `extension` = Extension(
    name: "form-data",
    scripts: [Extension.Script(name: "form-data", source: Extension.resource("apis/form-data.js", in: .module))])

  static func hostFunctions(_ environment: PageEnvironment) -> [String: HostFunction] { [:] }
}
