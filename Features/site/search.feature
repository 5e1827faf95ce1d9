@site
Feature: Searching the catalogue
  The search form is a GET form; the server answers with the matching items.

  Background:
    Given I am on "/app/search.html"

  Scenario: matches are listed by name
    When I fill in "Search" with "ap"
    And I click the "Search" button
    Then the address is "/app/search?q=ap&sort=name"
    And the page title is "Search results"
    And the status says "3 results"
    And the results are:
      | Apple   |
      | Apricot |
      | Grape   |

  Scenario: matches can be sorted by price
    When I fill in "Search" with "ap"
    And I select "By price" from "Sort"
    And I click the "Search" button
    Then the results are:
      | Apple   |
      | Grape   |
      | Apricot |

  Scenario: a search that matches nothing
    When I fill in "Search" with "kiwi"
    And I click the "Search" button
    Then there are no results
