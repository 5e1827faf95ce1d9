@site
Feature: Dialogs
  Playwright dismisses dialogs unless a handler says otherwise.

  Background:
    Given I am on "/app/dialogs.html"

  Scenario: accepting the confirm deletes the item
    When I accept the next dialog
    And I click the "Delete" button
    Then the confirm dialog asked "Delete item?"
    And the status says "Deleted"
    And no file is listed

  Scenario: dismissing the confirm keeps the item
    When I dismiss the next dialog
    And I click the "Delete" button
    Then the status says "Kept"
    And the file "Report.pdf" is listed

  Scenario: without a handler the confirm is dismissed
    When I click the "Delete" button
    Then the status says "Kept"

  Scenario: answering a prompt
    When I answer the next prompt with "Bob"
    And I click the "Greet me" button
    Then the prompt dialog asked "What is your name?"
    And the status says "Hello, Bob!"
