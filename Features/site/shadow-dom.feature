@site
Feature: A custom element with an open shadow root
  Role and text locators pierce open shadow roots.

  Scenario: the counter counts clicks
    Given I am on "/app/shadow.html"
    Then I see the heading "Apples"
    And the counter shows 0
    When I click the "Increment" button 3 times
    Then the counter shows 3
