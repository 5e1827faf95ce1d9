const { Given, After } = require('@cucumber/cucumber');
Given('a step that skips', function () { return 'skipped'; });
After(function () { throw new Error('whoops'); });
