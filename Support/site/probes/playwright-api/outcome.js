// The outcome of one Playwright API case, made comparable between machines and runs (shared by
// Support/scripts/record-playwright-reference, under real Playwright, and
// Support/steps/playwright_api_steps.js, under Caper).
//
// outcome(run) -> Promise<{ value } | { error: { name, message } }>
//   value: what the case returned, through JSON (undefined becomes null), with the base URL written
//   as "<base>/"; error: the thrown error's class name (error.name) and its message with ANSI colours
//   stripped, the base URL written as "<base>/", any other 127.0.0.1 port as <port>, and in a
//   "Call log:" section (its lines depend on how often Playwright retried) every number not part of a word written
//   as N, each line trimmed of its indentation and "- " marker (then indented by two spaces), and
//   repeated lines kept once.
// same(a, b) -> whether two outcomes are equal, object keys in any order.
'use strict';

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

function normalizeText(text, baseURL) {
  let result = String(text).replace(ANSI, '');
  if (baseURL) result = result.split(baseURL.replace(/\/$/, '')).join('<base>');
  result = result.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>').replace(/localhost:\d+/g, 'localhost:<port>');
  return result;
}

function normalizeCallLog(message) {
  const at = message.indexOf('Call log:');
  if (at < 0) return message;
  const head = message.slice(0, at);
  const seen = new Set();
  const lines = [];
  for (const line of message.slice(at).split('\n')) {
    // Indentation and "- " markers change with the order in which log lines reached the client.
    const plain = line.replace(/(?<![A-Za-z])\d+/g, 'N').trim().replace(/^(- )?(N × )?/, '');
    if (seen.has(plain)) continue;
    seen.add(plain);
    lines.push(plain === 'Call log:' ? plain : '  ' + plain);
  }
  return head + lines.join('\n');
}

function normalizeValue(value, baseURL) {
  if (value === undefined) return null;
  const json = JSON.stringify(value);
  if (json === undefined) return null;
  return JSON.parse(json, (key, item) => (typeof item === 'string' ? normalizeText(item, baseURL) : item));
}

function normalizeError(error, baseURL) {
  const name = error && typeof error === 'object' && typeof error.name === 'string' ? error.name : typeof error;
  const message = error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
  return { name, message: normalizeCallLog(normalizeText(message, baseURL)).trimEnd() };
}

async function outcome(run, baseURL) {
  try {
    return { value: normalizeValue(await run(), baseURL) };
  } catch (error) {
    return { error: normalizeError(error, baseURL) };
  }
}

// Object keys in sorted order: the order of an object's keys (a cookie's, say) is no part of the
// API, so two outcomes that differ only there are the same.
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const sorted = {};
  for (const key of Object.keys(value).sort()) sorted[key] = canonical(value[key]);
  return sorted;
}

function same(a, b) {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

const CASE_TIMEOUT_MS = 20000;

/**
 * Runs one case the way both the recorder (real Playwright) and Caper's comparison do: a new
 * context `{ baseURL }` (default timeout 5 s) and page, the case's page opened, then its `run`
 * with `{ page, context, browser, expect, baseURL }`, at most 20 s; gives its outcome, or
 * `{ setupError }` when the page could not be opened.
 */
async function runCase(browser, baseURL, expect, item) {
  const context = await browser.newContext({ baseURL });
  context.setDefaultTimeout(5000);
  try {
    const page = await context.newPage();
    await page.goto(item.path);
    let timer;
    const limit = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error('case did not finish in ' + CASE_TIMEOUT_MS + ' ms')), CASE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([outcome(() => item.run({ page, context, browser, expect, baseURL }), baseURL), limit]);
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    return { setupError: String(error && error.message).split('\n')[0] };
  } finally {
    try {
      await context.close();
    } catch (error) {
      // A case may have closed its context already.
    }
  }
}

module.exports = { outcome, runCase, normalizeText, normalizeError, normalizeValue, same };
