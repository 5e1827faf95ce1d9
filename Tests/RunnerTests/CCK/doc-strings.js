const { Given } = require('@cucumber/cucumber');
Given('a doc string:', function () {});
