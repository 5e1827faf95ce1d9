@site
Feature: One login for the whole browser context
  Cookies belong to the browser context: every page of the context, popups included, shares
  them; a new context starts with none.

  Background:
    Given I am logged in as "alice" with password "secret"

  Scenario: a second page of the same context is logged in
    When I open "/app/account" in a second page
    Then I see the heading "Welcome, alice"
    And the context has 2 pages

  Scenario: a popup of the same context is logged in
    When I click the "Open account in a new window" link and switch to the popup
    Then the address is "/app/account"
    And I see the heading "Welcome, alice"

  Scenario: a new context is not logged in
    When I open "/app/account" in a new browser context
    Then the address is "/app/login.html?next=/app/account"
    And I see the heading "Log in"
