@site
Feature: Playwright's API, compared with Playwright's own
  Each case of Support/site/probes/playwright-api/cases.js is one row of Playwright's API surface
  (a member and one notable option or edge). Support/scripts/record-playwright-reference recorded
  what real Playwright and Chromium return or throw for each into
  Support/site/expected/playwright-api.json; here Caper runs the same cases the same way (a new
  context with the fixture server as baseURL and a new page per case, the case's page opened
  first) and compares outcome by outcome.

  Scenario: Caper's Playwright API matches the recorded outcomes
    When I run every recorded Playwright API case
    Then every Playwright API outcome matches the recording
