const { Given, defineParameterType } = require('@cucumber/cucumber');
const assert = require('assert');
class Flight { constructor(from, to) { this.from = from; this.to = to; } }
defineParameterType({ name: 'flight', regexp: /([A-Z]{3})-([A-Z]{3})/, transformer: (from, to) => new Flight(from, to) });
Given('{flight} has been delayed', function (flight) {
  assert.strictEqual(flight.from, 'LHR');
  assert.strictEqual(flight.to, 'CDG');
});
