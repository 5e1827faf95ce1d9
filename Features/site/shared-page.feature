@site @shared-page
Feature: One page shared by the scenarios of a feature
  The @shared-page hooks open the shopping list once, in the first scenario that needs it, and
  keep it open: what one scenario does to the page, the next one sees.

  Scenario: the first scenario adds an item
    When I add "Jam" to the list
    Then the count says "4 items"

  Scenario: the next scenario finds it still there
    Then the list shows:
      | Milk  |
      | Bread |
      | Eggs  |
      | Jam   |
    When I remove "Jam" from the list
    Then the count says "3 items"
