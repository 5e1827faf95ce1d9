const { Given } = require('@cucumber/cucumber');
Given('{airport} is closed because of a strike', function () { throw new Error('Should not be called because airport parameter type has not been defined'); });
