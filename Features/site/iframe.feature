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

  Scenario: the child page as a Frame of its own
    Given I am on "/app/frame.html"
    Then the page has 2 frames, the child named "child" at "/app/frame-child.html"
    When I click the "Press me" button in the frame named "child"
    Then the frame named "child" shows "Pressed once"
    When I press the frame's button through an element handle
    Then the frame named "child" shows "Pressed 2 times"
