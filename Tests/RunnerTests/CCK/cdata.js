const { Given } = require('@cucumber/cucumber');
Given('I have {int} <![CDATA[cukes]]> in my belly', function () {});
