Feature: Shards and merging
  --shard I/N runs one node's part of the suite; caper merge combines the nodes' messages into
  the reports of one run.

  Background:
    Given a file named "Features/a.feature" with:
      """
      Feature: A
        Scenario: one
          Given step 1
        Scenario: two
          Given step 2
        Scenario: three
          Given step 3
      """
    And a file named "Features/b.feature" with:
      """
      Feature: B
        Scenario Outline: row <n>
          Given step <n>
          Examples:
            | n |
            | 4 |
            | 5 |
      """
    And a file named "Support/steps/steps.js" with:
      """
      const { Given } = require('caper');
      Given('step {int}', function (n) { if (n === 5) return 'pending'; });
      """

  Scenario: two shards merged equal one full run
    When I run caper with "--no-strict --shard 1/2 --format message:shard1.ndjson"
    Then it exits with 0
    When I run caper with "--no-strict --shard 2/2 --format message:shard2.ndjson"
    Then it exits with 0
    When I run caper with "--no-strict --format message:full.ndjson"
    Then it exits with 0
    When I merge "shard1.ndjson" and "shard2.ndjson" into "merged.ndjson"
    Then it exits with 0
    And the messages in "merged.ndjson" are those in "full.ndjson"
    And the file "shard1.ndjson" holds 3 "testCase" messages
    And the file "shard2.ndjson" holds 2 "testCase" messages

  Scenario: the merged run fails when a shard failed
    When I run caper with "--shard 1/2 --format message:shard1.ndjson"
    Then it exits with 1
    When I run caper with "--shard 2/2 --format message:shard2.ndjson"
    Then it exits with 0
    When I merge "shard1.ndjson" and "shard2.ndjson" into "merged.ndjson"
    Then it exits with 1
    And the run in "merged.ndjson" failed

  Scenario: the shard comes from the CI's variables when no option says it
    When I run caper with "--no-strict --format message:gitlab.ndjson" and the environment "CI_NODE_INDEX=2 CI_NODE_TOTAL=2"
    Then it exits with 0
    And the file "gitlab.ndjson" holds 2 "testCase" messages
    When I run caper with "--no-strict --format message:buildkite.ndjson" and the environment "BUILDKITE_PARALLEL_JOB=0 BUILDKITE_PARALLEL_JOB_COUNT=2"
    Then it exits with 0
    And the file "buildkite.ndjson" holds 3 "testCase" messages
    When I run caper with "--no-strict --format message:k8s.ndjson" and the environment "JOB_COMPLETION_INDEX=1 CAPER_SHARD_TOTAL=2"
    Then it exits with 0
    And the file "k8s.ndjson" holds 2 "testCase" messages
