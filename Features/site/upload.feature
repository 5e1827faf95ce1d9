@site
Feature: Uploading a file
  The upload form posts multipart/form-data; the server describes the file it received.

  Scenario: uploading a text file
    Given I am on "/app/upload.html"
    When I choose the file "notes.txt" containing "hello world"
    And I fill in "Description" with "My notes"
    And I click the "Upload" button
    Then I see the heading "Upload received"
    And the upload received "notes.txt" of 11 bytes typed "text/plain"
    And I see "Description: My notes"
