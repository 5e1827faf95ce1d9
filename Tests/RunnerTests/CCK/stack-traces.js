const { When } = require('@cucumber/cucumber');
When('a step throws an exception', function () { throw new Error('BOOM'); });
