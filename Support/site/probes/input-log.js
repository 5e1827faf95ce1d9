// The input probes' log (Support/site/probes/input-<area>/<case>.html load it first, as a classic
// parser-blocking script; so does the server's /form-target page). One capture listener per event
// type on window (on the document for the enter/leave events) logs every event of interest as one line:
//   <type> <target> <trusted|untrusted> [key fields] active=<document.activeElement> [prevented]
// Targets and elements are written `tag#id`, else `tag[name=...]`, else `tag[type=...]`, else
// `tag`; window is `window`, the document `#document`. Key fields per family: mouse and pointer
// events `button= buttons= detail= mods=` (pointer events also `pointerType=`), keys `key= code=
// location= repeat= keyCode= charCode= which= mods=`, beforeinput/input `inputType= data=`, focus
// events `related=`, input/change on controls `value=` (or `checked=`), submit `submitter=`,
// pageshow/pagehide `persisted=`, popstate `state=`, hashchange `old= new=` (path, query, fragment).
// `prevented` ends the line of an event whose defaultPrevented is true once its dispatch is over
// (checked whenever the log is saved, and finally on pagehide and done()). Never coordinates,
// pointer ids, sizes, pressure or times: Caper has no layout, and times differ between runs.
// Not `select`: Chromium queues it as a task, so after Playwright's fill (which selects all) it
// lands before or after the next action's first events, and cases would not record stably.
// The log survives navigations: entries live in sessionStorage (key 'caper-input-log'); every new
// document that loads this file appends `navigated <path><query><fragment>` first. `log(...parts)`
// appends a case's own line (strings as they are, other values as JSON, joined by a space).
// `done()` (called by Support/scripts/record-input-probes through evaluate, after the actions and
// the load state) writes JSON.stringify(entries) into <pre id="log">, sets document.title to
// 'done' and returns the entries; when the case called `holdDone(promise)`, it returns a promise
// of them, resolved once those promises are (or 1 s after the call).
(function () {
  'use strict';
  var KEY = 'caper-input-log';
  var storage = window.sessionStorage;
  var stringify = JSON.stringify;
  var parse = JSON.parse;
  var entries = [];
  try {
    entries = parse(storage.getItem(KEY) || '[]');
  } catch (error) {
    entries = ['log-storage-corrupt'];
  }
  // Events of this document whose `prevented` mark is decided once their dispatch is over.
  var watched = [];

  function describe(node) {
    if (node === null || node === undefined) return 'null';
    if (node === window) return 'window';
    if (node === document) return '#document';
    if (node.nodeType !== 1) return node.nodeName;
    var tag = node.localName;
    if (node.id) return tag + '#' + node.id;
    var name = node.getAttribute('name');
    if (name) return tag + '[name=' + name + ']';
    var type = node.getAttribute('type');
    if (type) return tag + '[type=' + type + ']';
    return tag;
  }
  function text(value) {
    return typeof value === 'string' ? value : stringify(value);
  }
  function save() {
    for (var index = 0; index < watched.length; index++) {
      var item = watched[index];
      if (!item.marked && item.event.defaultPrevented) {
        item.marked = true;
        entries[item.at] += ' prevented';
      }
    }
    storage.setItem(KEY, stringify(entries));
  }
  function append(line) {
    entries.push(line);
    save();
  }
  function modifiers(event) {
    var names = [];
    if (event.altKey) names.push('alt');
    if (event.ctrlKey) names.push('ctrl');
    if (event.metaKey) names.push('meta');
    if (event.shiftKey) names.push('shift');
    return 'mods=' + names.join('+');
  }
  function place() {
    return location.pathname + location.search + location.hash;
  }
  function tail(url) {
    var origin = location.origin;
    return url.indexOf(origin) === 0 ? url.slice(origin.length) : url;
  }
  function controlState(target) {
    if (!target || target.nodeType !== 1) return null;
    var tag = target.localName;
    if (tag === 'input' && (target.type === 'checkbox' || target.type === 'radio')) return 'checked=' + target.checked;
    if (tag === 'input' && target.type === 'file') {
      var names = [];
      for (var index = 0; index < target.files.length; index++) names.push(target.files[index].name);
      return 'files=' + stringify(names);
    }
    if (tag === 'select') {
      var selected = [];
      for (var option = 0; option < target.options.length; option++) {
        if (target.options[option].selected) selected.push(target.options[option].value);
      }
      return 'value=' + stringify(selected);
    }
    if (tag === 'input' || tag === 'textarea') return 'value=' + stringify(target.value);
    if (target.isContentEditable) return 'text=' + stringify(target.textContent);
    return null;
  }

  var MOUSE = [
    'mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'mouseout', 'mouseleave',
    'click', 'auxclick', 'dblclick', 'contextmenu'
  ];
  var POINTER = [
    'pointerover', 'pointerenter', 'pointermove', 'pointerdown', 'pointerup', 'pointerout', 'pointerleave',
    'pointercancel', 'gotpointercapture', 'lostpointercapture'
  ];
  var KEYS = ['keydown', 'keypress', 'keyup'];
  var INPUT = ['beforeinput', 'input'];
  var FOCUS = ['focus', 'blur', 'focusin', 'focusout'];
  var OTHER = [
    'change', 'submit', 'reset', 'invalid', 'formdata', 'toggle', 'pageshow', 'pagehide',
    'popstate', 'hashchange', 'compositionstart', 'compositionend'
  ];

  function fields(event) {
    var type = event.type;
    var parts = [];
    if (POINTER.indexOf(type) >= 0) {
      parts.push('pointerType=' + event.pointerType);
    }
    if (MOUSE.indexOf(type) >= 0 || POINTER.indexOf(type) >= 0) {
      parts.push('button=' + event.button, 'buttons=' + event.buttons, 'detail=' + event.detail, modifiers(event));
    } else if (KEYS.indexOf(type) >= 0) {
      parts.push(
        'key=' + stringify(event.key), 'code=' + event.code, 'location=' + event.location,
        'repeat=' + event.repeat, 'keyCode=' + event.keyCode, 'charCode=' + event.charCode,
        'which=' + event.which, modifiers(event)
      );
    } else if (INPUT.indexOf(type) >= 0) {
      // Checkbox, radio, select and file inputs fire plain Events: no inputType or data.
      if (event.inputType !== undefined) parts.push('inputType=' + event.inputType, 'data=' + stringify(event.data));
    } else if (FOCUS.indexOf(type) >= 0) {
      parts.push('related=' + describe(event.relatedTarget));
    } else if (type === 'submit') {
      parts.push('submitter=' + describe(event.submitter));
    } else if (type === 'pageshow' || type === 'pagehide') {
      parts.push('persisted=' + event.persisted);
    } else if (type === 'popstate') {
      parts.push('state=' + stringify(event.state));
    } else if (type === 'hashchange') {
      parts.push('old=' + tail(event.oldURL), 'new=' + tail(event.newURL));
    }
    if (type === 'input' || type === 'change') {
      var state = controlState(event.target);
      if (state !== null) parts.push(state);
    }
    return parts;
  }

  // Chromium dispatches mouseenter/leave and pointerenter/leave only when some node (not the
  // window) listens for them, so those four are heard on the document (capture phase); the rest
  // on the window.
  var ON_DOCUMENT = ['mouseenter', 'mouseleave', 'pointerenter', 'pointerleave'];
  function listen(type) {
    var where = ON_DOCUMENT.indexOf(type) >= 0 ? document : window;
    where.addEventListener(type, function (event) {
      var parts = [type, describe(event.target), event.isTrusted ? 'trusted' : 'untrusted'];
      parts = parts.concat(fields(event));
      parts.push('active=' + describe(document.activeElement));
      watched.push({ event: event, at: entries.length, marked: false });
      append(parts.join(' '));
      if (type === 'pagehide') save();
    }, true);
  }
  var every = MOUSE.concat(POINTER, KEYS, INPUT, FOCUS, OTHER);
  for (var index = 0; index < every.length; index++) listen(every[index]);

  window.log = function log() {
    var parts = [];
    for (var index = 0; index < arguments.length; index++) parts.push(text(arguments[index]));
    append(parts.join(' '));
  };
  window.describe = describe;
  // holdDone(promise): done() waits (at most 1 s from its call) for the promise, so an event a
  // case's last action queues as a task (toggle, hashchange) is logged before the log is read.
  var held = [];
  window.holdDone = function holdDone(promise) {
    held.push(promise);
  };
  function finish() {
    save();
    var output = document.getElementById('log');
    if (!output) {
      output = document.createElement('pre');
      output.id = 'log';
      (document.body || document.documentElement).appendChild(output);
    }
    output.textContent = stringify(entries);
    document.title = 'done';
    return entries;
  }
  window.done = function done() {
    if (!held.length) return finish();
    return new Promise(function (resolve) {
      var settled = false;
      function settle() {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(finish());
      }
      var timer = setTimeout(settle, 1000);
      Promise.all(held).then(settle, settle);
    });
  };
  append('navigated ' + place());
})();
