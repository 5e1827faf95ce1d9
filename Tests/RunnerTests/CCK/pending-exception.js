const { Given, PendingException } = require('caper');
Given('an unimplemented pending step', function () { throw new PendingException('TODO'); });
