// Stands in for the modules playwright-expect.js does not load (snapshot comparison, file helpers).
'use strict';
module.exports = new Proxy({}, {
  get: (target, key) => (key === '__esModule' ? true : function stub() { throw new Error('not available in the reference expect'); }),
});
