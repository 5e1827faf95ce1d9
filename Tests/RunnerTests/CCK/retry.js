const { Given } = require('@cucumber/cucumber');
let second = 0;
let third = 0;
Given('a step that always passes', function () {});
Given('a step that passes the second time', function () {
  second += 1;
  if (second < 2) throw new Error('Exception in step');
});
Given('a step that passes the third time', function () {
  third += 1;
  if (third < 3) throw new Error('Exception in step');
});
Given('a step that always fails', function () { throw new Error('Exception in step'); });
