const { Before, After, When } = require('@cucumber/cucumber');
Before(function () {});
Before({ tags: '@skip-before' }, function () { return 'skipped'; });
Before(function () {});
When('a normal step', function () {});
When('a step that skips', function () { return 'skipped'; });
After(function () {});
After({ tags: '@skip-after' }, function () { return 'skipped'; });
After(function () {});
