@site
Feature: Popups
  A link with target=_blank and a window.open call both open a new page of the context.

  Background:
    Given I am on "/app/popups.html"

  Scenario: a target=_blank link opens a new page
    When I click the "Open popup in a new tab" link and switch to the new page
    Then the page title is "Popup"
    And I see "Opened from the link"
    And the context has 2 pages

  Scenario: window.open opens a popup of the page
    When I click the "Open popup window" button and switch to the popup
    Then the address is "/app/popup.html?from=button"
    And I see the heading "Popup page"
    And I see "Opened from the button"
    And the popup was opened by the first page
