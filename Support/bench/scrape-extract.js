// The scrape benchmark's script (Support/scripts/bench-scrape): what a scraper of documentation
// pages extracts, for `caper scrape`. scrape-jsdom.js does the same with jsdom.
module.exports = async (page) => ({
  title: await page.title(),
  h1: page.document.querySelector('h1')?.textContent ?? null,
  links: page.document.querySelectorAll('a[href]').length,
  sections: page.document.querySelectorAll('div.section, section').length,
});
