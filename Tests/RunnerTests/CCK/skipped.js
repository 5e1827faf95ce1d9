const { Given } = require('@cucumber/cucumber');
Given('a step that does not skip', function () {});
Given('a step that is skipped', function () {});
Given('I skip a step', function () { return 'skipped'; });
