@site
Feature: A toast that hides itself
  "Saved" shows right after the click and hides after 3 seconds of the page's (fake) clock.

  Scenario: the toast comes and goes
    Given the page clock is installed
    And I am on "/app/toast.html"
    And I do not see "Saved"
    When I click the "Save" button
    Then I see "Saved"
    When 2 seconds pass
    Then I see "Saved"
    When 1 second passes
    Then I do not see "Saved"
