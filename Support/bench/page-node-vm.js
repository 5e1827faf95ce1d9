// The cold baseline of the page benchmark (caper-bench page): plain node 18 running a bundle's
// top level in a new context, `new vm.Script(source).runInNewContext()`, timed inside node (the
// file is read before the clock starts). Run once per process, so V8's in-isolate compilation
// cache never serves it. Prints one JSON line: {"ms": ...}.
'use strict';
const fs = require('fs');
const vm = require('vm');

const [path] = process.argv.slice(2);
const source = fs.readFileSync(path, 'utf8');
const start = process.hrtime.bigint();
new vm.Script(source, { filename: path }).runInNewContext();
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ engine: 'node ' + process.version, ms }));
