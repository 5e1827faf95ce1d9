// The jsdom side of the scrape benchmark: the same extraction as scrape-extract.js, for every
// page listed on stdin, one JSON line each, in order (Debian's node-jsdom 20 under node 18).
'use strict';
const fs = require('fs');
const { JSDOM } = require('jsdom');
const files = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
for (const file of files) {
  let line;
  try {
    const dom = new JSDOM(fs.readFileSync(file), { url: 'file://' + file, contentType: 'text/html' });
    const document = dom.window.document;
    line = { input: file, result: {
      title: document.title, h1: document.querySelector('h1')?.textContent ?? null,
      links: document.querySelectorAll('a[href]').length, sections: document.querySelectorAll('div.section, section').length,
    } };
    dom.window.close();
  } catch (error) {
    line = { input: file, error: { message: error.message } };
  }
  process.stdout.write(JSON.stringify(line) + '\n');
}
