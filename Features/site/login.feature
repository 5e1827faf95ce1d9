@site
Feature: Logging in to the fixture application
  The login form posts to the server, which answers good credentials with a session cookie and
  a redirect to the account page, and bad ones with the form again and an error.

  Scenario: good credentials open the account page
    Given I am on "/app/login.html"
    When I fill in "Username" with "alice"
    And I fill in "Password" with "secret"
    And I check "Remember me"
    And I click the "Log in" button
    Then the address is "/app/account"
    And the page title is "Account"
    And I see the heading "Welcome, alice"
    And the context has an HttpOnly "session" cookie

  Scenario: bad credentials show the form again with an error
    Given I am on "/app/login.html"
    When I fill in "Username" with "alice"
    And I fill in "Password" with "wrong"
    And I click the "Log in" button
    Then the alert says "Invalid username or password"
    And I see the heading "Log in"
    And the context has no "session" cookie

  Scenario: the account page sends strangers to the login form, and back after logging in
    When I open "/app/account"
    Then the address is "/app/login.html?next=/app/account"
    When I fill in "Username" with "alice"
    And I fill in "Password" with "secret"
    And I click the "Log in" button
    Then the address is "/app/account"
    And I see the heading "Welcome, alice"

  Scenario: logging out forgets the session
    Given I am logged in as "alice" with password "secret"
    When I click the "Log out" button
    Then the address is "/app/login.html"
    And the context has no "session" cookie
    When I open "/app/account"
    Then the address is "/app/login.html?next=/app/account"
