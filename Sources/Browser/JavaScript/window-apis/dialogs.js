// `alert`, `confirm` and `prompt` (HTML §8.9.1 simple dialogs): each is recorded in Swift and
// answered there at once (DialogAPI.swift: the page's dialog handler, else dismissed), inside the
// page's call, as a modal dialog blocks the page in a browser.
(host, runtime) => {
  'use strict';
  const { ObjectDefineProperty, ObjectFreeze, String } = runtime.primordials;

  const text = (value) => (value === undefined ? '' : String(value));
  const functions = {
    alert(message = undefined) { host.open('alert', text(message), ''); },
    confirm(message = undefined) { return host.open('confirm', text(message), '') !== null; },
    prompt(message = undefined, defaultValue = undefined) { return host.open('prompt', text(message), text(defaultValue)); },
  };
  const install = (global) => {
    for (const name in functions) {
      ObjectDefineProperty(global, name, { value: functions[name], writable: true, configurable: true, enumerable: true });
    }
  };
  return ObjectFreeze({ install });
}
