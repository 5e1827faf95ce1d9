#!/usr/bin/env python3
"""Runs and times the login + jQuery-list flow under Caper and under real Playwright + Chromium.

Called by Support/scripts/bench-playwright (which builds Caper, starts the fixture server and
passes its base URL); prints the comparison table. Every timed run is a whole process: its wall
time (time.perf_counter around it, start-up and shut-down included), its peak RSS as
`/usr/bin/time -f %M` reports it (the largest single process: for Playwright the biggest of node
and Chromium's processes), and the peak PSS of its whole process tree sampled every 100 ms from
/proc (for Playwright node plus every Chromium process; for Caper its one process, workers being
threads). A run whose output is not "N scenarios (N passed)" stops the benchmark. The fixture
server (python) is shared by every run and counted in none. Python 3 standard library only.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FAILURES = []  # (command, folder, failed scenarios) of every timed run that had failures


def tree_pss_kb(root):
  """The summed PSS (kB) of `root` and its descendants, now (0 for processes gone meanwhile)."""
  children = {}
  for entry in os.listdir("/proc"):
    if not entry.isdigit():
      continue
    try:
      with open(f"/proc/{entry}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
      children.setdefault(int(fields[1]), []).append(int(entry))
    except OSError:
      pass
  total, stack = 0, [root]
  while stack:
    pid = stack.pop()
    stack.extend(children.get(pid, []))
    try:
      with open(f"/proc/{pid}/smaps_rollup") as file:
        for line in file:
          if line.startswith("Pss:"):
            total += int(line.split()[1])
            break
    except OSError:
      pass
  return total


def timed(command, cwd, env, expect_scenarios):
  """Runs `command`; returns (wall seconds, %M kB, peak tree PSS kB, CPU seconds, output)."""
  time_file = os.path.join(cwd, ".time")
  start = time.perf_counter()
  process = subprocess.Popen(["/usr/bin/time", "-f", "%M %U %S", "-o", time_file] + command, cwd=cwd, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
  peak = [0]
  done = threading.Event()

  def sample():
    while not done.is_set():
      peak[0] = max(peak[0], tree_pss_kb(process.pid))
      done.wait(0.1)

  sampler = threading.Thread(target=sample, daemon=True)
  sampler.start()
  output = process.stdout.read().decode("utf-8", "replace")
  process.wait()
  wall = time.perf_counter() - start
  done.set()
  sampler.join()
  with open(time_file) as file:
    max_rss, user, system = file.read().strip().splitlines()[-1].split()
  summary = re.search(rf"^{expect_scenarios} scenarios? \((?:(\d+) failed, )?(\d+) passed\)$", output, re.M)
  if not summary or int(summary.group(1) or 0) + int(summary.group(2)) != expect_scenarios:
    sys.exit(f"bench-playwright: `{' '.join(command)}` (in {cwd}) did not report {expect_scenarios} scenarios "
             f"(exit {process.returncode}):\n{output[-4000:]}")
  if summary.group(1):
    # Counted, not hidden: the run's time includes the failures' timeouts; the table says how many.
    FAILURES.append((" ".join(command[:2]), cwd, int(summary.group(1))))
    print(f"bench-playwright: {summary.group(0)} in `{' '.join(command)}`:\n{output[output.find('Failures:'):][:3000]}",
          file=sys.stderr, flush=True)
  return wall, int(max_rss), peak[0], float(user) + float(system), output


def project(work, name, scenarios):
  """A cucumber-js project folder: features/ (the support code) and the generated flow.feature."""
  folder = os.path.join(work, name)
  shutil.copytree(os.path.join(HERE, "features"), os.path.join(folder, "features"))
  with open(os.path.join(folder, "features", "flow.feature"), "w") as file:
    subprocess.run(["node", os.path.join(HERE, "make-feature.js"), str(scenarios)], stdout=file, check=True)
  return folder


def main():
  parser = argparse.ArgumentParser()
  parser.add_argument("--caper", required=True)
  parser.add_argument("--driver", required=True, help="PyPI playwright's driver folder (node, package/)")
  parser.add_argument("--chromium", required=True)
  parser.add_argument("--base-url", required=True)
  parser.add_argument("--work", required=True)
  parser.add_argument("--scenarios", type=int, default=200)
  parser.add_argument("--runs", type=int, default=3)
  parser.add_argument("--profile", type=int, default=1)
  parser.add_argument("--header", default="")
  args = parser.parse_args()

  n = args.scenarios
  env = dict(os.environ, FLOW_BASE_URL=args.base_url, FLOW_CHROMIUM=args.chromium, NO_COLOR="1")
  env.pop("FLOW_PROFILE", None)
  big, one = project(args.work, "flow-n", n), project(args.work, "flow-1", 1)
  runner = os.path.join(HERE, "run-playwright.js")
  node, core = os.path.join(args.driver, "node"), os.path.join(args.driver, "package")

  def caper(parallel):
    return [args.caper, "run"] + (["--parallel", str(parallel)] if parallel > 1 else [])

  def playwright(parallel):
    return [node, runner, "--core", core] + (["--parallel", str(parallel)] if parallel > 1 else []) + \
           ["features/flow.feature", "features"]

  configs = [  # (key, command, folder, scenarios)
    ("caper serial", caper(1), big, n), ("playwright serial", playwright(1), big, n),
    ("caper parallel", caper(2), big, n), ("playwright parallel", playwright(2), big, n),
    ("caper start-up", caper(1), one, 1), ("playwright start-up", playwright(1), one, 1),
  ]
  print(args.header, flush=True)
  load_before = os.getloadavg()
  # Unmeasured warm-up, one of each: Caper's code cache and snapshot, the OS file cache for Chromium.
  for key, command, folder, count in configs[4:]:
    timed(command, folder, env, count)
  results = {key: [] for key, *_ in configs}
  for run in range(args.runs):  # round-robin, so a change in the machine's load touches every config
    for key, command, folder, count in configs:
      wall, rss, pss, cpu, _ = timed(command, folder, env, count)
      results[key].append((wall, rss, pss, cpu))
      print(f"  run {run + 1}/{args.runs} {key:<20} {wall:8.3f} s  %M {rss / 1024:7.1f} MiB  "
            f"tree PSS {pss / 1024:7.1f} MiB  CPU {cpu:7.2f} s", file=sys.stderr, flush=True)
  load_after = os.getloadavg()

  med = {key: tuple(statistics.median(r[i] for r in rows) for i in range(4)) for key, rows in results.items()}

  def row(label, caper_value, playwright_value, unit, fmt, better="lower"):
    ratio = playwright_value / caper_value if better == "lower" else caper_value / playwright_value
    print(f"  {label:<34} {fmt.format(caper_value):>10} {unit:<5} {fmt.format(playwright_value):>10} {unit:<5} "
          f"{ratio:7.1f}x")

  print(f"\nmedians of {args.runs} runs; ratio = how many times Caper is better (faster, more per second, less memory)")
  print(f"  {'':<34} {'Caper':>16} {'Playwright+Chromium':>16}  ratio")
  for mode, title in (("serial", "serial (one worker)"), ("parallel", "--parallel 2 (two workers)")):
    c, p = med[f"caper {mode}"], med[f"playwright {mode}"]
    print(f"{title}, {n} scenarios")
    row("wall time", c[0], p[0], "s", "{:.2f}")
    row("per scenario (wall / scenarios)", c[0] / n * 1000, p[0] / n * 1000, "ms", "{:.2f}")
    row("scenarios per second", n / c[0], n / p[0], "/s", "{:.1f}", better="higher")
    row("CPU per scenario (user+sys / scen.)", c[3] / n * 1000, p[3] / n * 1000, "ms", "{:.2f}")
    row("peak RSS (/usr/bin/time %M)", c[1] / 1024, p[1] / 1024, "MiB", "{:.0f}")
    row("peak PSS of the process tree", c[2] / 1024, p[2] / 1024, "MiB", "{:.0f}")
  c, p = med["caper start-up"], med["playwright start-up"]
  print("start-up: a run of 1 scenario, serial")
  row("wall time", c[0] * 1000, p[0] * 1000, "ms", "{:.0f}")
  row("CPU time (user+sys)", c[3] * 1000, p[3] * 1000, "ms", "{:.0f}")
  row("peak RSS (/usr/bin/time %M)", c[1] / 1024, p[1] / 1024, "MiB", "{:.0f}")
  row("peak PSS of the process tree", c[2] / 1024, p[2] / 1024, "MiB", "{:.0f}")
  cs, ps = med["caper serial"][0], med["playwright serial"][0]
  print("beside it, not instead: serial (wall(N) - wall(1)) / (N - 1), the start-up taken out")
  if n > 1:
    row("per further scenario", (cs - c[0]) / (n - 1) * 1000, (ps - p[0]) / (n - 1) * 1000, "ms", "{:.2f}")
  per_caper, per_playwright = cs / n * 1000, ps / n * 1000
  print(f"targets (serial, per scenario = the whole run's wall time / {n}, start-up included):")
  print(f"  Caper at least 20x faster per scenario: {per_playwright / per_caper:.1f}x -> "
        f"{'met' if per_playwright / per_caper >= 20 else 'MISSED'}")
  print(f"  Caper under 10 ms per scenario: {per_caper:.2f} ms -> {'met' if per_caper < 10 else 'MISSED'}")
  print(f"failed scenarios in the timed runs: {sum(f[2] for f in FAILURES)}"
        + "".join(f"\n  {count} in a run of `{command}` in {os.path.basename(folder)}" for command, folder, count in FAILURES))
  print(f"load average (1 min) before {load_before[0]:.2f}, after {load_after[0]:.2f}, on {os.cpu_count()} CPUs")

  if args.profile:
    print(f"\nprofile: one more serial run of each with FLOW_PROFILE (step hooks added), ms per scenario")
    profiles = {}
    for key, command in (("caper", caper(1)), ("playwright", playwright(1))):
      profile_file = os.path.join(args.work, f"profile-{key}.jsonl")
      wall, *_ = timed(command, big, dict(env, FLOW_PROFILE=profile_file), n)
      with open(profile_file) as file:
        profiles[key] = (wall, json.loads(file.readline()))
    labels = list(profiles["playwright"][1])
    for label in profiles["caper"][1]:
      if label not in labels:
        labels.append(label)
    print(f"  {'':<52} {'Caper':>9} {'Playwright':>11}")
    totals = {"caper": 0.0, "playwright": 0.0}
    for label in labels:
      cells = []
      for key in ("caper", "playwright"):
        total, _ = profiles[key][1].get(label, [0.0, 0])
        totals[key] += total
        cells.append(total / n)
      print(f"  {label:<52} {cells[0]:9.2f} {cells[1]:11.2f}")
    print(f"  {'sum of the above':<52} {totals['caper'] / n:9.2f} {totals['playwright'] / n:11.2f}")
    cw, pw = profiles["caper"][0] * 1000, profiles["playwright"][0] * 1000
    print(f"  {'rest of the wall time (process, runner)':<52} {(cw - totals['caper']) / n:9.2f} "
          f"{(pw - totals['playwright']) / n:11.2f}")
    print(f"  {'wall time of this run / scenarios':<52} {cw / n:9.2f} {pw / n:11.2f}")


if __name__ == "__main__":
  main()
