"""The baseline for `caper-bench gherkin`: the official Python parser (gherkin-official) parses
and compiles the same files; prints the median wall time of the runs and the pickle count."""
import json
import sys
import time

from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler

runs = int(sys.argv[1])
sources = [(path, open(path, encoding="utf-8").read()) for path in sys.argv[2:]]
times = []
pickles = 0
for run in range(runs + 1):  # run 0 warms up
    start = time.perf_counter()
    pickles = 0
    for uri, data in sources:
        document = Parser().parse(data)
        document["uri"] = uri
        pickles += len(Compiler().compile(document))
    if run > 0:
        times.append(time.perf_counter() - start)
times.sort()
print(json.dumps({"median": times[len(times) // 2], "pickles": pickles}))
