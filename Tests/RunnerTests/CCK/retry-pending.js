const { Given } = require('@cucumber/cucumber');
Given('a pending step', function () { return 'pending'; });
