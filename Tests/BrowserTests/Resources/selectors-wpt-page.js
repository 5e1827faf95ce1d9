// WPT's Selectors API vectors (dom/nodes/selectors.js, evaluated before this file) run as page
// code in a page realm, through the public DOM API only, on the fixture page Caper parsed: the
// four contexts of the upstream harness (document, in-document element, detached element,
// fragment), HTML cases. Evaluates to JSON: counts per context and kind, and every failure.
(() => {
  const HTML = 'http://www.w3.org/1999/xhtml';
  const root = document.getElementById('root');
  // What upstream's harness appends to #root before the tests.
  root.appendChild(document.createElement('null'));
  root.appendChild(document.createElement('undefined'));
  for (const kind of ['any-namespace', 'no-namespace']) {
    const div = root.appendChild(document.createElement('div'));
    div.id = kind;
    [HTML, HTML, null, 'http://www.example.org/ns'].forEach((namespace, i) => {
      const child = div.appendChild(document.createElementNS(namespace, 'div'));
      child.setAttribute('id', `${kind}-div${i + 1}`);
    });
  }
  const detached = root.cloneNode(true);
  const fragment = document.createDocumentFragment();
  fragment.appendChild(root.cloneNode(true));

  const counts = {};
  const failures = [];
  const count = (context, kind, ok, detail) => {
    const key = `${context} ${kind}`;
    counts[key] = counts[key] || { pass: 0, total: 0 };
    counts[key].total++;
    if (ok) counts[key].pass++;
    else failures.push(`[${key}] ${detail}`);
  };
  const ids = (list) => Array.from(list, (element) => element.id);
  const descendants = (node) => Array.from(node.querySelectorAll('*'));
  const throwsSyntaxError = (run) => {
    try {
      run();
      return 'did not throw';
    } catch (error) {
      return error instanceof DOMException && error.name === 'SyntaxError' ? null : `threw ${error}`;
    }
  };
  const runInvalid = (context, node) => {
    for (const { name, selector } of invalidSelectors) {
      const problem = throwsSyntaxError(() => node.querySelectorAll(selector)) || throwsSyntaxError(() => node.querySelector(selector));
      count(context, 'invalid', problem === null, `${name} ${JSON.stringify(selector)}: ${problem}`);
    }
  };
  const runValid = (context, node) => {
    for (const test of validSelectors) {
      const exclude = test.exclude || [];
      if (exclude.includes('html') || exclude.includes(context) || !(test.testType & TEST_QSA)) continue;
      const label = `${test.name} ${JSON.stringify(test.selector)}`;
      let found;
      let first;
      try {
        found = node.querySelectorAll(test.selector);
        first = node.querySelector(test.selector);
      } catch (error) {
        count(context, 'valid', false, `${label}: threw ${error.message}`);
        continue;
      }
      const got = ids(found);
      const ok = JSON.stringify(got) === JSON.stringify(test.expect) && first === (found[0] || null)
        && !Array.from(found).some((element) => element.hasAttribute('data-clone'));
      count(context, 'valid', ok, `${label}: expected ${JSON.stringify(test.expect)}, got ${JSON.stringify(got)}`);
      if (test.testType & TEST_MATCH_BASELINE) {
        const chosen = new Set(found);
        const wrong = descendants(node).filter((element) => element.matches(test.selector) !== chosen.has(element));
        count(context, 'matches', wrong.length === 0, `${label}: matches() disagrees on ${JSON.stringify(ids(wrong))}`);
      }
    }
  };
  runInvalid('document', document);
  runInvalid('detached', detached);
  runInvalid('fragment', fragment);
  runInvalid('element', root);
  runValid('document', document);
  runValid('detached', detached);
  runValid('fragment', fragment);
  // Before the in-document element run, a marked clone of #root goes into body.
  const marked = root.cloneNode(true);
  for (const element of [marked, ...descendants(marked)]) element.setAttribute('data-clone', '');
  document.getElementById('body').appendChild(marked);
  runValid('element', root);
  return JSON.stringify({ counts, failures });
})()
