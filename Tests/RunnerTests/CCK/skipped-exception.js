const { Given, SkippedException } = require('caper');
Given('I skip a step', function () { throw new SkippedException('skipping'); });
