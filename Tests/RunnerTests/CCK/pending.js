const { Given } = require('@cucumber/cucumber');
Given('an implemented non-pending step', function () {});
Given('an implemented step that is skipped', function () {});
Given('an unimplemented pending step', function () { return 'pending'; });
