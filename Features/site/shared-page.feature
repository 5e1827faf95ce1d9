@site @shared-page
Feature: One page shared by the scenarios of a feature
  The @shared-page hooks open the shopping list once per worker, in the first scenario that needs
  it, and keep it open for the others (each scenario leaves it as it found it, so the scenarios
  pass in any order and with --parallel, each worker sharing a page of its own).

  Scenario: an item added and removed again
    Then the page is the one opened for the first shared scenario, not loaded again
    When I add "Jam" to the list
    Then the count says "4 items"
    When I remove "Jam" from the list
    Then the count says "3 items"

  Scenario: the shared page still shows the list as it was
    Then the page is the one opened for the first shared scenario, not loaded again
    And the list shows:
      | Milk  |
      | Bread |
      | Eggs  |
