// The probes' shared log (Support/site/probes/<area>/<case>.html load it first, as a classic
// parser-blocking script): `log(...parts)` appends one entry (strings as they are, other values as
// JSON, parts joined by a space); `done()` ends the case once: it writes JSON.stringify(entries)
// into <pre id="log"> (made at the end of <body> when missing) and sets document.title to 'done'.
// `doneAfterLoad(ms)` ends the case `ms` milliseconds (default 100) after the window's load event.
// Only facts that are deterministic in a browser by construction are logged: event names and
// order, values; never times or random values. Support/scripts/record-probes reads the <pre>.
(function () {
  'use strict';
  var entries = [];
  var finished = false;
  var stringify = JSON.stringify;
  function text(value) {
    return typeof value === 'string' ? value : stringify(value);
  }
  window.log = function log() {
    var parts = [];
    for (var index = 0; index < arguments.length; index++) parts.push(text(arguments[index]));
    entries.push(parts.join(' '));
  };
  window.done = function done() {
    if (finished) return;
    finished = true;
    var output = document.getElementById('log');
    if (!output) {
      output = document.createElement('pre');
      output.id = 'log';
      (document.body || document.documentElement).appendChild(output);
    }
    output.textContent = stringify(entries);
    document.title = 'done';
  };
  window.doneAfterLoad = function doneAfterLoad(milliseconds) {
    var delay = milliseconds === undefined ? 100 : milliseconds;
    function later() {
      setTimeout(window.done, delay);
    }
    if (document.readyState === 'complete') later();
    else window.addEventListener('load', later);
  };
})();
