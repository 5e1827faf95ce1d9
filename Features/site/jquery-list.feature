@site
Feature: A jQuery shopping list
  The list page is enhanced by Debian's jQuery: items are added, removed and filtered in the page.

  Background:
    Given I am on "/app/list.html"

  Scenario: the list starts with three items
    Then the list shows:
      | Milk  |
      | Bread |
      | Eggs  |
    And the count says "3 items"

  Scenario: adding and removing items
    When I add "Butter" to the list
    And I remove "Bread" from the list
    Then the list shows:
      | Milk   |
      | Eggs   |
      | Butter |
    And the count says "3 items"
    When I remove "Milk" from the list
    And I remove "Eggs" from the list
    Then the count says "1 item"

  Scenario: filtering hides the items that do not match
    When I filter the list by "e"
    Then the list shows:
      | Bread |
      | Eggs  |
    And the count says "2 of 3 items"
    When I filter the list by ""
    Then the count says "3 items"
