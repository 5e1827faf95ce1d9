@site
Feature: A widget that loads its items with fetch
  The server answers /app/api/items after 200 ms; the widget says it is loading meanwhile.

  Scenario: loading the items
    Given I am on "/app/widget.html"
    When I click the "Load items" button
    Then the status says "Loading..."
    And the loaded items are:
      | Apple  |
      | Banana |
      | Cherry |
    And the status says "Loaded 3 items"
