import Browser
import Foundation
import Runtime
import Testing
import V8

/// The escape suite's input cases (issue 14): a hostile page neither fools Caper's input layer
/// (`page.click`, `fill`, `type`, `press`, `check`, `selectOption`, `setInputFiles`, `focus`, the
/// activation behaviors and form submission) nor receives an object of Caper's own.
///
/// Each page registers its listeners first, with the built-ins and getters they need captured,
/// then replaces what a page can replace (prototype members, global constructors, built-ins,
/// accessors on `Object.prototype`). The actions must still fire Chromium's trusted events, toggle,
/// type, submit and navigate as on an untouched page, and every object an event hands the page must
/// be the page realm's own.
@Suite struct InputEscapeTests {
  let fixture: PageFixture
  init() throws { fixture = try PageFixture() }

  /// Page code run before anything else, which keeps the page's log with what it captures now.
  ///
  /// `listen(types, details)` logs each event of `types` at the window (capture) as
  /// `<type> <target id>[ untrusted]<details(event)>` and `readLog()` gives the lines;
  /// `field(event, name)` and `read(object, interface, name)` read an attribute through the getter
  /// captured here, `byId(id)` finds an element and `joined(list)` joins a list, so no later
  /// replacement reaches them.
  static let recorder = """
    <script>
    (() => {
      const log = [];
      const apply = Reflect.apply, join = Array.prototype.join, getOwn = Object.getOwnPropertyDescriptor;
      const protoOf = Object.getPrototypeOf, addListener = EventTarget.prototype.addEventListener;
      const getAttribute = Element.prototype.getAttribute, getElementById = Document.prototype.getElementById;
      const getter = (object, name) => {
        for (let o = object; o !== null; o = protoOf(o)) { const d = getOwn(o, name); if (d !== undefined) return d.get; }
      };
      const getters = { __proto__: null };
      const captured = [[Event.prototype, ['type', 'target', 'defaultPrevented']], [UIEvent.prototype, ['detail']],
        [MouseEvent.prototype, ['button']], [KeyboardEvent.prototype, ['key']], [InputEvent.prototype, ['data', 'inputType']],
        [SubmitEvent.prototype, ['submitter']], [HTMLInputElement.prototype, ['value', 'checked', 'files', 'indeterminate']],
        [HTMLTextAreaElement.prototype, ['value']], [HTMLSelectElement.prototype, ['value']], [Document.prototype, ['activeElement']],
        [Blob.prototype, ['type']], [File.prototype, ['name']]];
      for (let i = 0; i < captured.length; i++) {
        for (let j = 0; j < captured[i][1].length; j++) {
          getters[captured[i][0].constructor.name + '.' + captured[i][1][j]] = getter(captured[i][0], captured[i][1][j]);
        }
      }
      const eventFields = { __proto__: null, type: 'Event', target: 'Event', defaultPrevented: 'Event', detail: 'UIEvent',
        button: 'MouseEvent', key: 'KeyboardEvent', data: 'InputEvent', inputType: 'InputEvent', submitter: 'SubmitEvent' };
      window.field = (event, name) => {
        try { return apply(getters[eventFields[name] + '.' + name], event, []); } catch (e) { return '-'; }
      };
      window.read = (object, interfaceName, name) => apply(getters[interfaceName + '.' + name], object, []);
      window.describe = (node) => node === window ? 'window' : node === document ? 'document' : node === null ? 'null'
        : apply(getAttribute, node, ['id']) ?? '?';
      window.byId = (id) => apply(getElementById, document, [id]);
      window.record = (line) => { log[log.length] = `${line}`; };
      const trusted = (event) => apply(getOwn(event, 'isTrusted').get, event, []);
      window.listen = (types, details) => {
        for (let i = 0; i < types.length; i++) {
          apply(addListener, window, [types[i], (event) => {
            const more = details === undefined ? '' : details(event);
            record(`${field(event, 'type')} ${describe(field(event, 'target'))}${trusted(event) ? '' : ' untrusted'}${more}`);
          }, true]);
        }
      };
      window.readLog = () => apply(join, log, ['\\n']);
      window.joined = (list) => apply(join, list, [', ']);
    })();
    </script>
    """

  /// A page at `https://example.test/form.html` showing `body` after the recorder; its
  /// navigations to other documents are recorded, not performed.
  func page(_ body: String) throws -> Page {
    let html = "<!doctype html><meta charset=utf-8><title>input escape</title>\(Self.recorder)\(body)"
    return try Page(
      beside: fixture.support,
      document: LoadedDocument(url: "https://example.test/form.html", bytes: Array(html.utf8), contentType: "text/html"),
      followsNavigations: false)
  }

  /// The lines the page logged.
  func log(_ page: Page) throws -> [String] {
    let text = try page.evaluate("readLog()").stringValue ?? ""
    return text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// Runs the page's tasks (a planned form navigation, `hashchange`) until it is idle.
  func settle(_ page: Page) throws { try page.waitForLoadState(.networkidle, timeout: .seconds(10)) }

  /// Runs `script` as page code (the hostile part), in a block of its own.
  func sabotage(_ page: Page, _ script: String) throws {
    _ = try page.evaluate("{\n\(script)\n}\nundefined;", filename: "hostile.js")
  }

  // MARK: Dispatch

  @Test func aReplacedDispatchEventDoesNotStopTrustedClicksOrTheirActivation() throws {
    let page = try page(
      """
      <input type=checkbox id=c> <a id=l href="#there">there</a> <p id=there tabindex=-1>there</p>
      <script>listen(['click', 'input', 'change', 'hashchange', 'focus'], (e) => field(e, 'type') === 'click' ? ` detail=${field(e, 'detail')}` : '');</script>
      """)
    defer { page.close() }
    try sabotage(
      page,
      """
      const forged = (what) => function () { record('page ' + what); return false; };
      EventTarget.prototype.dispatchEvent = forged('dispatchEvent');
      EventTarget.prototype.addEventListener = forged('addEventListener');
      EventTarget.prototype.removeEventListener = forged('removeEventListener');
      window.dispatchEvent = document.dispatchEvent = forged('own dispatchEvent');
      HTMLElement.prototype.click = forged('click()');
      HTMLElement.prototype.focus = forged('focus()');
      Event.prototype.preventDefault = forged('preventDefault');
      Event.prototype.stopPropagation = Event.prototype.stopImmediatePropagation = forged('stopPropagation');
      Object.defineProperty(HTMLInputElement.prototype, 'checked', { get() { return true; }, set() {}, configurable: true });
      Object.defineProperty(Event.prototype, 'cancelBubble', { get() { return true; }, set() {}, configurable: true });
      """)
    try page.click("#c")
    try page.click("#l")
    try settle(page)
    try page.uncheck("#c")
    let lines = try log(page)
    #expect(
      lines == [
        "focus c", "click c detail=1", "input c", "change c", "focus l", "click l detail=1", "focus there", "hashchange window",
        "focus c", "click c detail=1", "input c", "change c",
      ])
    #expect(try page.evaluate("read(byId('c'), 'HTMLInputElement', 'checked')") == .bool(false))
    #expect(try page.evaluate("location.hash") == .string("#there"))
  }

  @Test func aClickStaysAMouseEventWhateverThePageDoesToTheInterfaces() throws {
    let page = try page(
      """
      <input type=checkbox id=c> <a id=l href="#there">there</a> <label id=lab>agree <input type=checkbox id=inner></label>
      <script>listen(['click', 'input', 'change', 'hashchange']);</script>
      """)
    defer { page.close() }
    try sabotage(
      page,
      """
      for (const type of [Event, UIEvent, MouseEvent, PointerEvent]) {
        Object.defineProperty(type, Symbol.hasInstance, { value: () => false, configurable: true });
      }
      Object.setPrototypeOf(PointerEvent.prototype, Event.prototype);
      Object.setPrototypeOf(MouseEvent.prototype, Event.prototype);
      """)
    try page.click("#c")
    try page.click("#lab")
    try page.click("#l")
    try settle(page)
    let lines = try log(page)
    let checked = try page.evaluate(
      "[read(byId('c'), 'HTMLInputElement', 'checked'), read(byId('inner'), 'HTMLInputElement', 'checked')]")
    // The DOM's dispatch (dom/events.js) decides whether a click has activation behavior by the
    // MouseEvent brand it gave the event, not by the page's `instanceof`.
    #expect(
      lines == [
        "click c", "input c", "change c", "click lab", "click inner", "input inner", "change inner", "click l",
        "hashchange window",
      ])
    #expect(checked == .array([.bool(true), .bool(true)]))
  }

  // MARK: Event getters

  @Test func redefinedEventGettersDoNotMisleadLabelsOrTyping() throws {
    let page = try page(
      """
      <label id=lab>Agree <input type=checkbox id=c></label>
      <label id=named for=t>Name</label> <input id=t>
      <script>
      listen(['click', 'input', 'change', 'focus'], (e) => {
        const type = field(e, 'type');
        if (type === 'click') return ` detail=${field(e, 'detail')} button=${field(e, 'button')}`;
        if (type === 'input') return ` ${field(e, 'inputType')} ${field(e, 'data')}`;
        return '';
      });
      listen(['keydown'], (e) => ` ${field(e, 'key')}`);
      </script>
      """)
    defer { page.close() }
    try sabotage(
      page,
      """
      const forge = (prototype, values) => {
        for (const name in values) Object.defineProperty(prototype, name, { get() { return values[name]; }, configurable: true });
      };
      forge(Event.prototype, { type: 'forged', target: document.body, srcElement: document.body, currentTarget: document.body,
        defaultPrevented: true, returnValue: false, bubbles: false, cancelable: false, composed: false, eventPhase: 0, timeStamp: -1 });
      forge(UIEvent.prototype, { detail: 7, view: null, which: 3 });
      forge(MouseEvent.prototype, { button: 2, buttons: 4, ctrlKey: true, shiftKey: true, altKey: true, metaKey: true,
        relatedTarget: document.body, clientX: -1, offsetX: -1 });
      forge(PointerEvent.prototype, { pointerType: 'pen', pointerId: 9, isPrimary: false });
      forge(KeyboardEvent.prototype, { key: 'x', code: 'KeyX', keyCode: 88, charCode: 120, shiftKey: true, ctrlKey: true, repeat: true });
      forge(InputEvent.prototype, { data: 'forged', inputType: 'deleteContentBackward', isComposing: true });
      Event.prototype.composedPath = () => [];
      Event.prototype.preventDefault = function () {};
      """)
    try page.click("#lab")
    try page.click("#named")
    try page.type("#t", "Hi!")
    try page.press("#t", "Backspace")
    let lines = try log(page)
    #expect(
      lines == [
        "click lab detail=1 button=0", "focus c", "click c detail=1 button=0", "input c - -", "change c",
        "click named detail=1 button=0", "focus t", "click t detail=1 button=0",
        "keydown t H", "input t insertText H", "keydown t i", "input t insertText i", "keydown t !", "input t insertText !",
        "keydown t Backspace", "input t deleteContentBackward null",
      ])
    #expect(try page.evaluate("read(byId('c'), 'HTMLInputElement', 'checked')") == .bool(true))
    #expect(try page.evaluate("read(byId('t'), 'HTMLInputElement', 'value')") == .string("Hi"))
  }

  // MARK: Forms

  @Test func replacedFormMembersDoNotChangeWhatAButtonSubmits() throws {
    let page = try page(
      """
      <form id=f action="/submit" method=post>
        <input name=q id=q value=start> <input type=checkbox name=agree id=agree checked>
        <select name=s id=s><option value=a>A<option value=b selected>B</select>
        <input type=hidden name=h value=hid> <textarea name=t id=t>line</textarea> <input name=need id=need required value=x>
        <button id=go name=go value=yes>Go</button>
      </form>
      <script>listen(['click', 'submit', 'formdata', 'invalid'], (e) => field(e, 'type') === 'submit' ? ` submitter=${describe(field(e, 'submitter'))}` : '');</script>
      """)
    defer { page.close() }
    try sabotage(
      page,
      """
      const forged = (what, result) => function () { record('page ' + what); return result; };
      const accessor = (prototype, name, value) =>
        Object.defineProperty(prototype, name, { get() { record('page get ' + name); return value; }, set() {}, configurable: true });
      HTMLFormElement.prototype.submit = forged('submit()');
      HTMLFormElement.prototype.requestSubmit = forged('requestSubmit()');
      for (const type of [HTMLFormElement, HTMLInputElement, HTMLSelectElement, HTMLTextAreaElement, HTMLButtonElement]) {
        type.prototype.checkValidity = forged('checkValidity()', false);
        type.prototype.reportValidity = forged('reportValidity()', false);
        accessor(type.prototype, 'willValidate', true);
        accessor(type.prototype, 'validity', { valid: false, valueMissing: true });
      }
      for (const type of [HTMLInputElement, HTMLSelectElement, HTMLTextAreaElement, HTMLButtonElement, HTMLOptionElement]) {
        accessor(type.prototype, 'value', 'forged');
        accessor(type.prototype, 'name', 'forged');
      }
      accessor(HTMLInputElement.prototype, 'checked', false);
      accessor(HTMLOptionElement.prototype, 'selected', true);
      accessor(HTMLButtonElement.prototype, 'type', 'button');
      accessor(HTMLInputElement.prototype, 'type', 'button');
      for (const name of ['action', 'method', 'enctype', 'encoding', 'target', 'noValidate']) accessor(HTMLFormElement.prototype, name, 'forged');
      accessor(HTMLFormElement.prototype, 'elements', []);
      accessor(HTMLButtonElement.prototype, 'form', null);
      const OldFormData = FormData;
      for (const name of ['append', 'set', 'delete', 'get', 'getAll', 'has', 'entries', 'keys', 'values', Symbol.iterator]) {
        OldFormData.prototype[name] = forged('FormData ' + String(name));
      }
      window.FormData = function FormData() { record('page new FormData'); };
      window.URLSearchParams = function URLSearchParams() { record('page new URLSearchParams'); };
      window.URL = function URL() { record('page new URL'); };
      window.TextEncoder = function TextEncoder() { record('page new TextEncoder'); };
      window.encodeURIComponent = window.encodeURI = window.escape = () => 'forged';
      String.prototype.toLowerCase = String.prototype.toUpperCase = function () { return 'forged'; };
      String.prototype.replace = String.prototype.replaceAll = function () { return 'forged'; };
      """)
    try page.fill("#q", "hello world")
    try page.click("#go")
    try settle(page)
    let lines = try log(page)
    #expect(lines == ["click go", "submit f submitter=go", "formdata f", "formdata f"])
    let request = try #require(page.environment.navigations.last)
    #expect(page.environment.navigations.count == 1)
    #expect(request.url == "https://example.test/submit")
    #expect(request.method == "POST")
    #expect(request.contentType == "application/x-www-form-urlencoded")
    #expect(request.how == "a form was submitted")
    #expect(String(decoding: request.body ?? [], as: UTF8.self) == "q=hello+world&agree=on&s=b&h=hid&t=line&need=x&go=yes")
  }

  /// A POST form's body after `hostile` replaced members of typed arrays.
  func postedBody(after hostile: String) throws -> (body: String?, errors: [String]) {
    let page = try page(
      """
      <form id=f action="/submit" method=post><input name=q id=q value="kept &"><button id=go>Go</button></form>
      """)
    defer { page.close() }
    try sabotage(
      page,
      """
      const typedArray = Object.getPrototypeOf(Uint8Array.prototype);
      const bytes = new TextEncoder().encode('forged=1');
      const forge = (name, value) => Object.defineProperty(typedArray, name, { get() { return value; }, configurable: true });
      \(hostile)
      """)
    try page.click("#go")
    try settle(page)
    return (page.environment.navigations.last?.body.map { String(decoding: $0, as: UTF8.self) }, page.errors.map(\.message))
  }

  @Test func aReplacedTypedArrayLengthDoesNotChangeAFormsBody() throws {
    let posted = try postedBody(
      after: """
        forge('length', 8);
        ArrayBuffer.prototype.slice = function () { return bytes.buffer; };
        Uint8Array.prototype.subarray = Uint8Array.prototype.slice = function () { return bytes; };
        """)
    #expect(posted.body == "q=kept+%26")
    #expect(posted.errors == [])
  }

  @Test func aReplacedTypedArrayBufferDoesNotChangeAFormsBody() throws {
    let posted = try postedBody(after: "forge('buffer', bytes.buffer); forge('byteOffset', 0); forge('byteLength', 8);")
    // The navigation (window-apis/location.js `navigateTo`) copies the body through the typed
    // array getters it captured, not the page's.
    #expect(posted.body == "q=kept+%26")
    #expect(posted.errors == [])
  }

  // MARK: Built-ins

  /// Names an action's code might read from or write to an option bag or event dictionary; the
  /// page puts an accessor for each on `Object.prototype` that answers a hostile value.
  static let prototypeTraps = """
    const hostile = {
      force: true, trial: true, trusted: false, noWaitAfter: true, strict: false, timeout: 1, position: { x: -1, y: -1 },
      clickCount: 3, button: 'right', modifiers: ['Shift'], delay: 1, label: 'Alpha', index: 0, mimeType: 'forged/type',
      name: 'forged.txt', lastModified: 1, endings: 'native', bubbles: true, cancelable: true, composed: false, detail: 99,
      buttons: 7, relatedTarget: document.documentElement, view: null, which: 5, screenX: 5, screenY: 5, clientX: 5, clientY: 5,
      pageX: 5, pageY: 5, offsetX: 5, offsetY: 5, movementX: 5, movementY: 5, ctrlKey: true, shiftKey: true, altKey: true,
      metaKey: true, pointerId: 5, pointerType: 'pen', isPrimary: false, width: 5, height: 5, pressure: 1, tiltX: 5, tiltY: 5,
      key: 'x', code: 'KeyX', location: 2, repeat: true, isComposing: true, charCode: 5, keyCode: 5, data: 'forged',
      inputType: 'forged', dataTransfer: null, submitter: document.documentElement, lines: true, word: true, extend: true,
      how: 'forged', referrerPolicy: 'no-referrer', toJSON: () => ({ error: 'forged' }), ok: 'forged', retry: 'forged',
      checked: false, indeterminate: true, previous: null, over: null, pressed: null, active: null, armed: null, text: 'forged',
      shifted: null, fromSubmitMethod: true, historyHandling: 'replace', contentType: 'text/forged', body: null, method: 'GET',
    };
    window.trapped = [];
    window.iterated = 0;
    for (const name in hostile) {
      Object.defineProperty(Object.prototype, name, {
        get() { trapped[trapped.length] = 'get ' + name; return hostile[name]; },
        set(value) { trapped[trapped.length] = 'set ' + name; },
        configurable: true,
      });
    }
    """

  @Test func replacedBuiltInsAndObjectPrototypeAccessorsDoNotBreakTheActions() throws {
    let page = try page(
      """
      <form id=f action="/done">
        <input id=c type=checkbox name=c> <select id=s name=s><option value=a>Alpha<option value=b>Beta</select>
        <input id=file type=file name=file> <input id=name name=name> <textarea id=ta name=ta></textarea>
      </form>
      <script>listen(['click', 'input', 'change'], (e) => field(e, 'type') === 'click' ? ` detail=${field(e, 'detail')}` : '');</script>
      """)
    defer { page.close() }
    try sabotage(
      page,
      """
      const forged = (what) => function () { record('page ' + what); };
      \(Self.prototypeTraps)
      const accessor = (prototype, name, value) => Object.defineProperty(prototype, name, { get() { return value; }, set() {}, configurable: true });
      accessor(HTMLOptionElement.prototype, 'value', 'forged');
      accessor(HTMLOptionElement.prototype, 'label', 'forged');
      accessor(HTMLSelectElement.prototype, 'options', []);
      accessor(HTMLSelectElement.prototype, 'multiple', true);
      accessor(HTMLInputElement.prototype, 'multiple', false);
      accessor(HTMLInputElement.prototype, 'readOnly', true);
      accessor(File.prototype, 'name', 'forged.txt');
      accessor(Blob.prototype, 'type', 'forged/type');
      for (const name of ['push', 'pop', 'shift', 'unshift', 'splice', 'slice', 'indexOf', 'includes', 'map', 'forEach',
        'filter', 'find', 'some', 'every', 'join', 'concat', 'sort', 'reverse', 'fill']) Array.prototype[name] = forged(name);
      JSON.stringify = () => '{"ok":"forged"}';
      JSON.parse = () => ({ forged: true });
      Function.prototype.call = forged('call');
      Function.prototype.apply = forged('apply');
      Function.prototype.bind = forged('bind');
      for (const name of ['get', 'set', 'has', 'delete']) { Map.prototype[name] = forged('Map ' + name); WeakMap.prototype[name] = forged('WeakMap ' + name); }
      for (const name of ['split', 'slice', 'indexOf', 'charCodeAt', 'trim', 'toLowerCase', 'startsWith']) String.prototype[name] = forged('String ' + name);
      RegExp.prototype.exec = forged('RegExp exec');
      RegExp.prototype.test = forged('RegExp test');
      Object.defineProperty = forged('defineProperty');
      Object.freeze = Object.assign = Object.keys = Object.entries = forged('Object');
      window.atob = forged('atob');
      Uint8Array.from = forged('Uint8Array.from');
      Array.prototype[Symbol.iterator] = function* () { iterated++; };
      """)
    try page.check("#c")
    #expect(try page.selectOption("#s", "Beta") == ["b"])
    try page.setInputFiles("#file", [["name": "a.txt", "mimeType": "Text/Plain", "buffer": "aGk="]])
    try page.fill("#name", "Ada")
    try page.type("#ta", "ok")
    try page.dblclick("#name")
    try page.hover("#c")
    try page.press("#name", "Enter")
    try settle(page)
    let lines = try log(page)
    #expect(
      lines == [
        "click c detail=1", "input c", "change c", "input s untrusted", "change s untrusted", "input file untrusted",
        "change file untrusted", "input name", "change name", "input ta", "input ta", "change ta", "click name detail=1",
        "click name detail=2",
      ])
    #expect(try page.evaluate("read(byId('c'), 'HTMLInputElement', 'checked')") == .bool(true))
    #expect(try page.evaluate("read(byId('s'), 'HTMLSelectElement', 'value')") == .string("b"))
    #expect(try page.evaluate("read(byId('name'), 'HTMLInputElement', 'value')") == .string("Ada"))
    #expect(try page.evaluate("read(byId('ta'), 'HTMLTextAreaElement', 'value')") == .string("ok"))
    #expect(try page.evaluate("read(byId('file'), 'HTMLInputElement', 'value')") == .string("C:\\fakepath\\a.txt"))
    let file = "read(byId('file'), 'HTMLInputElement', 'files')[0]"
    #expect(
      try page.evaluate("[read(\(file), 'File', 'name'), read(\(file), 'Blob', 'type')]")
        == .array([.string("a.txt"), .string("text/plain")]))
    #expect(page.environment.navigations.map(\.url) == ["https://example.test/done?c=on&s=b&file=a.txt&name=Ada&ta=ok"])
    #expect(page.environment.navigations.first?.how == "a form was submitted")
    // The input layer reads and writes no name through the page's Object.prototype. Outside it,
    // Nothing of Caper's reads the page's built-ins or accessors: the focusing steps' FocusEvent
    // dictionaries and the cascade's style records have no prototype, and a select's options
    // collection is made without the page's array iterator.
    #expect(try page.evaluate("joined(trapped)").stringValue == "")
    #expect(try page.evaluate("iterated") == .number(0))
  }

  @Test func descriptorNamesOnObjectPrototypeDoNotStopTheActions() throws {
    for name in ["get", "set", "value", "writable"] {
      let page = try page("<input id=t> <input type=checkbox id=c><script>listen(['change']);</script>")
      defer { page.close() }
      try sabotage(page, "Object.prototype.\(name) = undefined;")
      // Caper's runtime writes its property descriptors as object literals, which inherit from the
      // page's Object.prototype; its `ObjectDefineProperty` primordial reads only their own fields.
      try page.check("#c")
      try page.fill("#t", "typed")
      try page.press("#t", "Tab")
      #expect(try log(page) == ["change c", "change t"])
    }
  }

  // MARK: Realms

  @Test func everyObjectTheActionsHandThePageIsItsOwn() throws {
    let page = try page(
      """
      <form id=f action="#sent"><input id=t name=t> <input id=c type=checkbox name=c> <input id=file type=file name=file>
        <select id=s name=s><option value=a>A<option value=b>B</select> <input id=req name=req required>
        <button id=go>Go</button> <button id=reset type=reset>Reset</button></form>
      <details id=d><summary id=sum>more</summary>inside</details> <a id=l href="#there">there</a>
      <div id=there tabindex=-1>there</div>
      <script>
      window.problems = [];
      window.seen = [];
      const interfaceOf = { __proto__: null, click: 'PointerEvent', auxclick: 'PointerEvent',
        dblclick: 'MouseEvent', keydown: 'KeyboardEvent', keypress: 'KeyboardEvent', keyup: 'KeyboardEvent', focus: 'FocusEvent',
        blur: 'FocusEvent', focusin: 'FocusEvent', focusout: 'FocusEvent', beforeinput: 'InputEvent', submit: 'SubmitEvent',
        formdata: 'FormDataEvent', hashchange: 'HashChangeEvent', change: 'Event', select: 'Event', toggle: 'Event',
        invalid: 'Event', reset: 'Event' };
      // An object of this realm ends its prototype chain at this realm's Object.prototype, and its
      // functions' constructor is this realm's Function (which cannot reach a host's `process`).
      const own = (value) => { let last = value; while (Object.getPrototypeOf(last) !== null) last = Object.getPrototypeOf(last); return last === Object.prototype; };
      const inspect = (what, value, depth = 0) => {
        if (!(typeof value === 'function' || (typeof value === 'object' && value !== null))) return;
        if (!own(value)) problems.push(`${what}: foreign object`);
        for (let o = value; o !== null && depth < 1; o = Object.getPrototypeOf(o)) {
          for (const key of Reflect.ownKeys(o)) {
            const d = Object.getOwnPropertyDescriptor(o, key);
            for (const f of [d.get, d.set, d.value]) {
              if (typeof f !== 'function') continue;
              if (f.constructor !== Function && f.constructor !== (async () => {}).constructor && f.constructor !== (function* () {}).constructor) problems.push(`${what}.${String(key)}: foreign function`);
            }
          }
        }
        try { const F = value.constructor.constructor; if (F !== Function) problems.push(`${what}: foreign Function`); } catch (e) {}
      };
      const check = (event) => {
        const type = event.type;
        seen.push(type);
        const expected = interfaceOf[type] ?? (type.startsWith('pointer') ? 'PointerEvent' : type.startsWith('mouse') ? 'MouseEvent' : null);
        const name = event.constructor.name;
        if (expected !== null && name !== expected) problems.push(`${type}: ${name}, not ${expected}`);
        if (event.constructor !== window[name] || Object.getPrototypeOf(event) !== window[name].prototype) problems.push(`${type}: not this window's ${name}`);
        if (!(event instanceof Event)) problems.push(`${type}: not an Event`);
        inspect(type, event, 0);
        for (const key in event) {
          let value;
          try { value = event[key]; } catch (e) { continue; }
          inspect(`${type}.${key}`, value, 1);
        }
        const path = event.composedPath();
        inspect(`${type} composedPath`, path, 1);
        for (const item of path) inspect(`${type} path item`, item, 1);
        if (type === 'formdata') for (const [name, value] of event.formData) inspect(`formdata ${name}`, value, 0);
        if (type === 'change' && event.target.id === 'file') {
          inspect('files', event.target.files, 0);
          inspect('file', event.target.files[0], 0);
        }
      };
      for (const type of ['pointerover', 'pointerenter', 'pointermove', 'pointerdown', 'pointerup', 'pointerout', 'pointerleave',
        'mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'mouseout', 'mouseleave', 'click', 'dblclick', 'auxclick',
        'contextmenu', 'focus', 'blur', 'focusin', 'focusout', 'keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'change',
        'select', 'submit', 'formdata', 'toggle', 'hashchange', 'invalid', 'reset']) {
        window.addEventListener(type, check, true);
        document.addEventListener(type, check);
      }
      // Functions Caper's code might call with its own objects (accessors on Object.prototype for
      // names of option bags and event dictionaries, the stack trace formatter) keep whatever
      // `this`, caller or frames they get.
      window.caught = [];
      const keep = (what, value) => { if (typeof value === 'function' || (typeof value === 'object' && value !== null)) caught.push([what, value]); };
      const spy = function (name) { return function () { keep('this of ' + name, this); try { keep('caller of ' + name, arguments.callee.caller); } catch (e) {} }; };
      for (const name of ['trusted', 'force', 'trial', 'lines', 'how', 'isComposing', 'screenX', 'endings', 'toJSON']) {
        Object.defineProperty(Object.prototype, name, { get: spy(name), set: spy(name), configurable: true });
      }
      Error.prepareStackTrace = (error, frames) => {
        for (const frame of frames) { keep('frame function', frame.getFunction()); keep('frame this', frame.getThis()); }
        return 'prepared';
      };
      </script>
      """)
    defer { page.close() }
    try page.click("#c")
    try page.dblclick("#t")
    try page.click("#t", ["button": "right"])
    try page.click("#t", ["button": "middle"])
    try page.fill("#t", "typed")
    try page.type("#t", "!")
    try page.press("#t", "Shift+Home")
    try page.press("#t", "Backspace")
    try page.selectOption("#s", "b")
    try page.setInputFiles("#file", [["name": "a.txt", "mimeType": "text/plain", "buffer": "aGk="]])
    try page.click("#sum")
    try page.click("#l")
    try page.click("#go")  // invalid: `req` is empty
    try page.fill("#req", "x")
    try page.click("#go")
    try page.press("#t", "Tab")
    try page.click("#reset")
    try page.focus("#t")
    try settle(page)
    let problems = try page.evaluate("problems.join('\\n')").stringValue ?? "problems went missing"
    #expect(problems == "")
    let seen = try page.evaluate("[...new Set(seen)].sort().join(' ')").stringValue ?? ""
    #expect(
      seen
        == "auxclick beforeinput blur change click contextmenu dblclick focus focusin focusout formdata hashchange input invalid "
        + "keydown keypress keyup mousedown mouseenter mouseleave mousemove mouseout mouseover mouseup pointerdown pointerenter "
        + "pointerleave pointermove pointerout pointerover pointerup reset select submit toggle")
    // Whatever Caper's code handed the page's functions is the page realm's own.
    let foreign = try page.evaluate("caught.filter(([, value]) => !own(value)).map(([what]) => what).join()").stringValue
    #expect(foreign == "")
    let escaped = try page.evaluate(
      """
      caught.filter(([, value]) => {
        try { return value.constructor.constructor('return typeof process')() !== 'undefined'; } catch (e) { return false; }
      }).map(([what]) => what).join()
      """
    ).stringValue
    #expect(escaped == "")
  }

  // MARK: Element members

  @Test func overriddenElementMembersDoNotMoveFocusOrRedirectLinks() throws {
    let page = try page(
      """
      <input id=first> <a id=link href="/next">next</a> <button id=btn>b</button> <div id=skip tabindex=-1>skip</div>
      <input id=last> <div id=box tabindex=0><span id=inner>inner</span></div> <a id=blank href="/blank">blank</a>
      <label id=lab for=last>last</label> <input type=checkbox id=mixed>
      <script>listen(['focus', 'click']); byId('mixed').indeterminate = true;</script>
      """)
    defer { page.close() }
    try sabotage(
      page,
      """
      const accessor = (prototype, name, value) =>
        Object.defineProperty(prototype, name, { get() { return value; }, set() {}, configurable: true });
      Element.prototype.getAttribute = () => null;
      Element.prototype.getAttributeNS = () => null;
      Element.prototype.hasAttribute = () => false;
      Element.prototype.getAttributeNode = () => null;
      Element.prototype.closest = () => null;
      Element.prototype.matches = () => false;
      Node.prototype.contains = () => false;
      Node.prototype.getRootNode = () => document.createElement('div');
      HTMLElement.prototype.focus = function () {};
      HTMLElement.prototype.blur = function () {};
      HTMLElement.prototype.click = function () {};
      Document.prototype.getElementById = () => null;
      for (const name of ['parentNode', 'parentElement', 'firstChild', 'lastChild', 'nextSibling', 'previousSibling', 'ownerDocument']) {
        accessor(Node.prototype, name, null);
      }
      accessor(Node.prototype, 'isConnected', false);
      accessor(Node.prototype, 'childNodes', []);
      accessor(Element.prototype, 'children', []);
      accessor(Element.prototype, 'id', 'forged');
      accessor(Element.prototype, 'localName', 'forged');
      accessor(Element.prototype, 'tagName', 'FORGED');
      accessor(HTMLElement.prototype, 'tabIndex', -1);
      accessor(HTMLElement.prototype, 'hidden', true);
      accessor(HTMLElement.prototype, 'inert', true);
      accessor(HTMLElement.prototype, 'isContentEditable', true);
      accessor(HTMLInputElement.prototype, 'type', 'hidden');
      accessor(HTMLInputElement.prototype, 'disabled', true);
      accessor(HTMLButtonElement.prototype, 'disabled', true);
      accessor(HTMLInputElement.prototype, 'readOnly', true);
      accessor(HTMLInputElement.prototype, 'indeterminate', true);
      accessor(HTMLInputElement.prototype, 'checked', false);
      accessor(HTMLAnchorElement.prototype, 'href', 'https://evil.test/');
      accessor(HTMLAnchorElement.prototype, 'target', '_blank');
      accessor(HTMLAnchorElement.prototype, 'download', 'x');
      accessor(HTMLLabelElement.prototype, 'control', null);
      accessor(HTMLLabelElement.prototype, 'htmlFor', 'first');
      accessor(Document.prototype, 'activeElement', null);
      accessor(Document.prototype, 'body', null);
      accessor(Document.prototype, 'documentElement', null);
      accessor(Document.prototype, 'baseURI', 'https://evil.test/');
      accessor(Document.prototype, 'URL', 'https://evil.test/');
      window.getComputedStyle = () => ({ display: 'none', visibility: 'hidden', getPropertyValue: () => 'none' });
      """)
    try page.focus("#first")
    try page.press("#first", "Tab")
    try page.press("#link", "Tab")
    try page.press("#btn", "Tab")
    try page.press("#last", "Shift+Tab")
    try page.click("#inner")
    try page.click("#lab")
    try page.fill("#first", "typed")
    try page.check("#mixed")
    try page.click("#link")
    try settle(page)
    let lines = try log(page)
    #expect(
      lines == [
        "focus first", "focus link", "focus btn", "focus last", "focus btn", "focus box", "click inner", "click lab",
        "focus last",
        "click last", "focus first", "focus mixed", "click mixed", "focus link", "click link",
      ])
    #expect(try page.evaluate("describe(read(document, 'Document', 'activeElement'))") == .string("link"))
    #expect(try page.evaluate("read(byId('first'), 'HTMLInputElement', 'value')") == .string("typed"))
    let mixed = try page.evaluate(
      "[read(byId('mixed'), 'HTMLInputElement', 'checked'), read(byId('mixed'), 'HTMLInputElement', 'indeterminate')]")
    #expect(mixed == .array([.bool(true), .bool(false)]))
    #expect(page.environment.navigations.map(\.url) == ["https://example.test/next"])
    #expect(page.environment.navigations.first?.how == "a link was followed")
    #expect(page.environment.openRequests == [])
  }
}
