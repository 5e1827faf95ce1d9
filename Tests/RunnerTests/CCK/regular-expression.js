const { Given } = require('@cucumber/cucumber');
Given(/^a (.*?)(?: and a (.*?))?(?: and a (.*?))?$/, function () {});
