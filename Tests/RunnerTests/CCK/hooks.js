const { Before, After, When } = require('@cucumber/cucumber');
Before(function () {});
When('a step passes', function () {});
When('a step fails', function () { throw new Error('Exception in step'); });
After(function () {});
