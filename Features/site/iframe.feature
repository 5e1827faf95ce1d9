@site
Feature: A page with a same-origin iframe
  Locators reach into the child page through frameLocator; the parent page does not hold its text.

  Scenario: clicking a button inside the frame
    Given I am on "/app/frame.html"
    Then I see the heading "Parent page"
    And the "Child page" frame shows "Not pressed"
    And the page itself has no "Not pressed"
    When I click the "Press me" button in the "Child page" frame
    Then the "Child page" frame shows "Pressed once"
