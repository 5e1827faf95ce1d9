const { Before, After, When } = require('@cucumber/cucumber');
Before({ name: 'A named before hook' }, function () {});
When('a step passes', function () {});
After({ name: 'A named after hook' }, function () {});
