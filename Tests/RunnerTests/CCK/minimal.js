const { Given } = require('@cucumber/cucumber');
Given('I have {int} cukes in my belly', function () {});
