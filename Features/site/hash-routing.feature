@site
Feature: Hash routing
  The routes page renders a different view for each location hash, on hashchange.

  Background:
    Given I am on "/app/routes.html"

  Scenario: the home view is the default
    Then I see the heading "Home"
    And the page title is "Home - Hash routes"

  Scenario: links change the hash and the view
    When I click the "About" link
    Then the address ends with "/app/routes.html#/about"
    And I see the heading "About"
    When I click the "Item 3" link
    Then I see the heading "Item 3"
    And I see "This item is Cherry."
    When I go back
    Then I see the heading "About"

  Scenario: an address with a hash opens its view
    When I open "/app/routes.html#/items/3"
    Then I see the heading "Item 3"

  Scenario: an unknown route
    When I open "/app/routes.html#/nowhere"
    Then I see the heading "Not found"
