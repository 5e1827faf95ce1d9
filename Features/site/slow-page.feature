@site
Feature: A page that renders its content after 5 seconds
  The content comes from a 5-second timer; no scenario really waits for it.

  Scenario: the fake clock runs the timer
    Given the page clock is installed
    And I am on "/app/slow.html"
    Then I see "Please wait..."
    When 5 seconds pass
    Then I see "The slow content has arrived"
    And I do not see "Please wait..."

  Scenario: an assertion with a longer timeout waits for the content
    Given I am on "/app/slow.html"
    Then I see "The slow content has arrived" within 10 seconds
