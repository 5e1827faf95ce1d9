// The Chromium side of the DOM benchmark: injected at the end of a copy of the page, it runs the
// same 1,000 querySelectorAll (the fixed 10 selectors, 100 rounds), plain and with one attribute
// change between queries, timed with performance.now(), and writes the numbers into the page as
// JSON in a pre element (id caper-bench) for `chromium --headless --dump-dom` to carry out.
(() => {
  const selectors = SELECTORS;
  const query = (mutate) => {
    const t = performance.now();
    let found = 0;
    for (let round = 0; round < 100; round++) {
      for (const s of selectors) {
        if (mutate) document.body.setAttribute('data-round', String(round));
        found += document.querySelectorAll(s).length;
      }
    }
    return { ms: performance.now() - t, found };
  };
  const plain = query(false);
  const mutating = query(true);
  const pre = document.createElement('pre');
  pre.id = 'caper-bench';
  pre.textContent = JSON.stringify({ engine: navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)[0], queryMs: plain.ms, queryMutatingMs: mutating.ms, found: plain.found });
  document.documentElement.appendChild(pre);
})();
