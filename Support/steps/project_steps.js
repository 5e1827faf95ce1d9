// Caper's own step definitions: each scenario builds a small project in a temporary folder,
// runs the caper binary on it (the one running these steps), and checks what it printed.
const { Given, When, Then, Before, After } = require('caper');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

Before(function () {
  this.dir = fs.mkdtempSync('/tmp/caper-feature-');
});

After(function () {
  fs.rmSync(this.dir, { recursive: true, force: true });
});

Given('a file named {string} with:', function (name, content) {
  const file = path.join(this.dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
});

When('I run caper', function () {
  run(this, []);
});

When('I run caper with {string}', function (args) {
  run(this, args.split(/\s+/).filter(Boolean));
});

When('I run caper with {string} and the environment {string}', function (args, environment) {
  const env = { ...process.env };
  for (const pair of environment.split(/\s+/).filter(Boolean)) {
    const [key, value] = pair.split('=');
    env[key] = value;
  }
  const result = spawnSync(process.execPath, ['run', ...args.split(/\s+/).filter(Boolean)], { cwd: this.dir, encoding: 'utf8', env });
  if (result.error) throw result.error;
  this.result = result;
});

When('I run caper with the options:', function (options) {
  run(this, options.split('\n').filter(Boolean));
});

function run(world, args) {
  const result = spawnSync(process.execPath, ['run', ...args], { cwd: world.dir, encoding: 'utf8' });
  if (result.error) throw result.error;
  world.result = result;
}

Then('it exits with {int}', function (status) {
  assert.strictEqual(this.result.status, status, `exit status ${this.result.status}\nstdout:\n${this.result.stdout}\nstderr:\n${this.result.stderr}`);
});

Then('the output contains:', function (text) {
  assert.ok(this.result.stdout.includes(text), `stdout does not contain:\n${text}\n\nstdout:\n${this.result.stdout}`);
});

Then('the error output contains:', function (text) {
  assert.ok(this.result.stderr.includes(text), `stderr does not contain:\n${text}\n\nstderr:\n${this.result.stderr}`);
});

Then('the error output does not contain:', function (text) {
  assert.ok(!this.result.stderr.includes(text), `stderr contains:\n${text}\n\nstderr:\n${this.result.stderr}`);
});

Then('the file {string} contains:', function (name, text) {
  const content = fs.readFileSync(path.join(this.dir, name), 'utf8');
  assert.ok(content.includes(text), `${name} does not contain:\n${text}\n\n${name}:\n${content}`);
});

Then('the file {string} holds {int} {string} message(s)', function (name, count, kind) {
  const lines = fs.readFileSync(path.join(this.dir, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.strictEqual(lines.filter((m) => kind in m).length, count);
});

When('I merge {string} and {string} into {string}', function (a, b, out) {
  const result = spawnSync(process.execPath, ['merge', a, b, '--format', `message:${out}`], { cwd: this.dir, encoding: 'utf8' });
  if (result.error) throw result.error;
  this.result = result;
});

/// The messages of a report without what differs from run to run (ids, times).
function stableMessages(dir, name) {
  const strip = (value) => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort()
        .filter((k) => k !== 'id' && !k.endsWith('Id') && !k.endsWith('Ids') && k !== 'timestamp' && k !== 'duration' && k !== 'meta')
        .map((k) => [k, strip(value[k])]));
    }
    return value;
  };
  return fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l)).filter((m) => !m.meta).map((m) => JSON.stringify(strip(m))).sort();
}

Then('the messages in {string} are those in {string}', function (a, b) {
  assert.deepStrictEqual(stableMessages(this.dir, a), stableMessages(this.dir, b));
});

// A parallel run runs BeforeAll and AfterAll hooks once per worker; the rest must be the same.
Then('the messages in {string} are those in {string}, but for the global hooks', function (a, b) {
  const local = (list) => list.filter((m) => !m.startsWith('{"testRunHook'));
  assert.deepStrictEqual(local(stableMessages(this.dir, a)), local(stableMessages(this.dir, b)));
});

Then('the run in {string} {word}', function (name, verdict) {
  const lines = fs.readFileSync(path.join(this.dir, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const finished = lines.find((m) => m.testRunFinished);
  assert.ok(finished, 'no testRunFinished message');
  assert.strictEqual(finished.testRunFinished.success, verdict === 'passed');
});
