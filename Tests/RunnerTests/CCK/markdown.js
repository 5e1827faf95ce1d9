const { Given, When, Then } = require('@cucumber/cucumber');
Given('some TypeScript code:', function () {});
Given('some classic Gherkin:', function () {});
When('we use a data table and attach something and then {word}', function (word, table) {
  this.log(`We are logging some plain text (${word})`);
  if (word === 'fail') throw new Error('You asked me to fail');
});
Then('this might or might not run', function () {});
