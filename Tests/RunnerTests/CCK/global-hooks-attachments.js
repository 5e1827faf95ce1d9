const { BeforeAll, AfterAll, When } = require('@cucumber/cucumber');
BeforeAll(function () { this.attach('Attachment from BeforeAll hook', 'text/plain'); });
When('a step passes', function () {});
AfterAll(function () { this.attach('Attachment from AfterAll hook', 'text/plain'); });
