const { Before, After, When } = require('@cucumber/cucumber');
const fs = require('fs');
Before(function () { this.attach(fs.createReadStream('cucumber.svg'), 'image/svg+xml'); });
When('a step passes', function () {});
After(function () { this.attach(fs.createReadStream('cucumber.svg'), 'image/svg+xml'); });
