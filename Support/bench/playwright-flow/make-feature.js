// Writes the benchmark's feature to stdout: N scenarios (default 200) of the same flow, each adding
// its own item. Usage: node make-feature.js [N] > features/flow.feature
'use strict';

const count = Number(process.argv[2] || 200);
if (!Number.isInteger(count) || count < 1) throw new Error(`not a scenario count: ${process.argv[2]}`);
const lines = [
  'Feature: Log in, then use the jQuery shopping list',
  '  A user logs in through the server\'s form (alice/secret), lands on the account page, then',
  '  adds an item to the shopping list, which jQuery counts in the page.',
];
for (let i = 1; i <= count; i += 1) {
  lines.push(
    '',
    `  Scenario: alice logs in and adds item ${i}`,
    '    Given I am on "/app/login.html"',
    '    When I log in as "alice" with password "secret"',
    '    Then I see "Welcome, alice"',
    '    And the address is "/app/account"',
    '    When I open "/app/list.html"',
    '    Then the count says "3 items"',
    `    When I add "Item ${i}" to the list`,
    '    Then the count says "4 items"',
  );
}
process.stdout.write(lines.join('\n') + '\n');
