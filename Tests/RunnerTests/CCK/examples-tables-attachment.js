const { When } = require('@cucumber/cucumber');
const fs = require('fs');
When('a JPEG image is attached', function () { this.attach(fs.createReadStream('cucumber.jpeg'), 'image/jpeg'); });
When('a PNG image is attached', function () { this.attach(fs.createReadStream('cucumber.png'), 'image/png'); });
