const { Before, After, When } = require('@cucumber/cucumber');
Before({ tags: '@passing-hook' }, function () {});
Before({ tags: '@fail-before' }, function () { throw new Error('Exception in conditional hook'); });
When('a step passes', function () {});
After({ tags: '@fail-after' }, function () { throw new Error('Exception in conditional hook'); });
After({ tags: '@passing-hook' }, function () {});
