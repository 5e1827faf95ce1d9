const { When } = require('@cucumber/cucumber');
const fs = require('fs');
When('the string {string} is attached as {string}', function (text, mediaType) { this.attach(text, mediaType); });
When('the string {string} is logged', function (text) { this.log(text); });
When('text with ANSI escapes is logged', function () {
  this.log('This displays a \x1b[31mr\x1b[0m\x1b[91ma\x1b[0m\x1b[33mi\x1b[0m\x1b[32mn\x1b[0m\x1b[34mb\x1b[0m\x1b[95mo\x1b[0m\x1b[35mw\x1b[0m');
});
When('the following string is attached as {string}:', function (mediaType, text) { this.attach(text, mediaType); });
When('an array with {int} bytes is attached as {string}', function (size, mediaType) {
  this.attach(Buffer.from([...Array(size).keys()]), mediaType);
});
When('a PDF document is attached and renamed', function () {
  this.attach(fs.createReadStream('document.pdf'), { mediaType: 'application/pdf', fileName: 'renamed.pdf' });
});
When('a link to {string} is attached', function (uri) { this.link(uri); });
When('the string {string} is attached as {string} before a failure', function (text, mediaType) {
  this.attach(text, mediaType);
  throw new Error('whoops');
});
