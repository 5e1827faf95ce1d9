Feature: Choosing and ordering scenarios
  cucumber-js's options pick which scenarios run, in what order, and how failures are treated.

  Background:
    Given a file named "Features/menu.feature" with:
      """
      Feature: Menu
        @fast
        Scenario: soup
          Given a dish
        @slow
        Scenario: roast
          Given a dish
        @fast @wip
        Scenario: salad
          Given a failing dish
      """
    And a file named "Support/steps/menu.js" with:
      """
      const { Given } = require('caper');
      let attempts = 0;
      Given('a dish', function () {});
      Given('a failing dish', function () {
        attempts += 1;
        if (attempts < 2) throw new Error(`attempt ${attempts}`);
      });
      """

  Scenario: tags and names pick scenarios
    When I run caper with the options:
      """
      --tags
      @fast
      --tags
      not @wip
      """
    Then it exits with 0
    And the output contains:
      """
      1 scenario (1 passed)
      """
    When I run caper with "--name ^r"
    Then it exits with 0
    And the output contains:
      """
      1 scenario (1 passed)
      """

  Scenario: a dry run reports steps without running them
    When I run caper with "--dry-run"
    Then it exits with 0
    And the output contains:
      """
      3 scenarios (3 skipped)
      """

  Scenario: fail fast skips what comes after the first failure
    When I run caper with "--order reverse --fail-fast"
    Then it exits with 1
    And the output contains:
      """
      3 scenarios (1 failed, 2 skipped)
      """

  Scenario: retry runs a failed scenario again, only where the retry tag filter allows
    When I run caper with "--retry 1"
    Then it exits with 0
    When I run caper with "--retry 1 --retry-tag-filter @slow"
    Then it exits with 1

  Scenario: a random order prints its seed
    When I run caper with "--order random:42"
    Then it exits with 1
    And the error output contains:
      """
      caper: random order with seed 42 (repeat with --order random:42)
      """

  Scenario: the default language for features
    Given a file named "Features/menu.feature" with:
      """
      Fonctionnalité: Menu
        Scénario: soupe
          Soit a dish
      """
    When I run caper with "--language fr"
    Then it exits with 0
