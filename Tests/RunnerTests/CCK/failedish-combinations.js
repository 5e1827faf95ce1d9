const { Given } = require('@cucumber/cucumber');
Given(/^a step$/, function () {});
Given(/^a skipped step$/, function () { return 'skipped'; });
Given(/^a pending step$/, function () { return 'pending'; });
Given(/^an ambiguous (.*?)$/, function () {});
Given(/^(.*?) ambiguous step$/, function () {});
Given(/^a failing step$/, function () { throw new Error('whoops'); });
