const { Before, After } = require('@cucumber/cucumber');
Before(function () {});
After(function () {});
