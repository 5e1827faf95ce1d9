Feature: Configuration files and profiles
  Options also come from the project's configuration file, in named profiles; the command line
  is said on top of the profile.

  Background:
    Given a file named "Features/tags.feature" with:
      """
      Feature: Tags
        @a
        Scenario: first
          Given a step
        @b
        Scenario: second
          Given a step
      """
    And a file named "Support/steps/steps.js" with:
      """
      const { Given } = require('caper');
      Given('a step', function () {});
      """

  Scenario: the default profile of caper.json applies
    Given a file named "caper.json" with:
      """
      { "default": { "tags": "@a", "format": ["progress", "junit:reports/junit.xml"] } }
      """
    When I run caper
    Then it exits with 0
    And the output contains:
      """
      1 scenario (1 passed)
      """
    And the file "reports/junit.xml" contains:
      """
      tests="1"
      """

  Scenario: a named profile from YAML, with the command line on top
    Given a file named "caper.yaml" with:
      """
      default:
        tags: "@a"
      ci:
        tags: "@b"
        format:
          - summary
      """
    When I run caper with the options:
      """
      --profile
      ci
      --tags
      not @a
      """
    Then it exits with 0
    And the output contains:
      """
      1 scenario (1 passed)
      """

  Scenario: a cucumber-js project's cucumber.js, evaluated
    Given a file named "cucumber.js" with:
      """
      const common = { format: ['progress'] };
      module.exports = { default: { ...common, name: ['second'] } };
      """
    When I run caper
    Then it exits with 0
    And the output contains:
      """
      1 scenario (1 passed)
      """

  Scenario: an unknown key names itself and the file
    Given a file named "caper.json" with:
      """
      { "default": { "tagz": "@a" } }
      """
    When I run caper
    Then it exits with 2
    And the error output contains:
      """
      caper: caper.json: profile 'default': unknown key 'tagz'
      """

  Scenario: a profile that does not exist
    Given a file named "caper.json" with:
      """
      { "default": {} }
      """
    When I run caper with "--profile nightly"
    Then it exits with 2
    And the error output contains:
      """
      caper: caper.json: no profile 'nightly' (profiles: default)
      """
