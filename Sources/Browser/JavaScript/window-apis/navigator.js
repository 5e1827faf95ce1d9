// `navigator` (HTML §8.9.1.1): the browser as Chrome on Linux driven by Playwright describes
// itself. The user agent is the browser context's (NavigatorAPI.swift); `webdriver` is true, as
// under any automation; one language, en-US; always online, cookies enabled.
// `navigator.userAgentData` (User-Agent Client Hints) is left out.
(host, runtime) => {
  'use strict';
  const { ObjectDefineProperty, ObjectFreeze, StringPrototypeStartsWith, StringPrototypeSlice, Symbol, TypeError } = runtime.primordials;

  let constructing = false;
  let userAgent = null;
  const agent = () => userAgent ?? (userAgent = host.userAgent());
  const languages = ObjectFreeze(['en-US']);
  class Navigator {
    constructor() { if (!constructing) throw new TypeError('Illegal constructor'); }
    get userAgent() { return agent(); }
    // NavigatorID: the user agent without its leading "Mozilla/".
    get appVersion() { const text = agent(); return StringPrototypeStartsWith(text, 'Mozilla/') ? StringPrototypeSlice(text, 8) : text; }
    get appName() { return 'Netscape'; }
    get appCodeName() { return 'Mozilla'; }
    get product() { return 'Gecko'; }
    get productSub() { return '20030107'; }
    get vendor() { return 'Google Inc.'; }
    get vendorSub() { return ''; }
    get platform() { return 'Linux x86_64'; }
    get language() { return 'en-US'; }
    get languages() { return languages; }
    get onLine() { return true; }
    get cookieEnabled() { return true; }
    get webdriver() { return true; }
    get hardwareConcurrency() { return host.hardwareConcurrency(); }
    get maxTouchPoints() { return 0; }
    get doNotTrack() { return null; }
    get pdfViewerEnabled() { return true; }
    javaEnabled() { return false; }
  }
  ObjectDefineProperty(Navigator.prototype, Symbol.toStringTag, { value: 'Navigator', configurable: true });

  const install = (global) => {
    constructing = true;
    const navigator = new Navigator();
    constructing = false;
    ObjectDefineProperty(global, 'navigator', { get() { return navigator; }, configurable: true, enumerable: true });
  };
  return ObjectFreeze({ interfaces: ObjectFreeze({ Navigator }), install });
}
