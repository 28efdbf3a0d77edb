"""Recording must cost at most 10% of a run's time.

The test measures the time spent inside the recorder during a run (robust on a busy machine).
Run this file as a script for the end-to-end figure, interleaving runs with and without recording:

    .venv/bin/python tests/casework/test_traces_overhead.py [TASK] [REPEATS]
"""

from __future__ import annotations

import statistics
import sys
import time

from casework import api
from casework.orchestrator.trace import TraceRecorder

TASK = "summarize the agile posts"


def test_the_recorder_takes_under_a_tenth_of_the_run(settings):
    flow = api.default_flow()
    recorder, spent = TraceRecorder(TASK, "overhead", flow), [0.0]

    def timed(kind, data):
        started = time.perf_counter()
        recorder(kind, data)
        spent[0] += time.perf_counter() - started

    api.run(TASK, settings, flow=flow, record=False)  # warm the caches the first run fills
    started = time.perf_counter()
    api.run(TASK, settings, flow=flow, record=False, listen=timed)
    total = time.perf_counter() - started
    assert recorder.trace.handoffs() and spent[0] < 0.10 * total, f"recorder {spent[0]:.4f}s of {total:.4f}s"


def main(task: str = TASK, repeats: int = 15) -> None:
    from casework.config import Settings

    settings, flow = Settings(), api.default_flow()
    context = api.build_context(settings, flow)
    modes = {
        "no recording": {"record": False},
        "recorder only": {"record": False, "watch": lambda event: None},
        "recorder + checkpointer + trace file": {"record": True},
    }
    api.run(task, settings, flow=flow, context=context, record=False)
    times: dict[str, list[float]] = {mode: [] for mode in modes}
    for _ in range(repeats):  # interleaved, so load on the machine falls on every mode alike
        for mode, options in modes.items():
            started = time.perf_counter()
            api.run(task, settings, flow=flow, context=context, **options)
            times[mode].append(time.perf_counter() - started)
    base = statistics.median(times["no recording"])
    for mode, values in times.items():
        median = statistics.median(values)
        spread = f"min {min(values) * 1000:7.1f} ms  {100 * (median / base - 1):+5.1f}%"
        print(f"{mode:38s} median {median * 1000:7.1f} ms  {spread}")


if __name__ == "__main__":
    main(*(sys.argv[1:2] or [TASK]), *(int(a) for a in sys.argv[2:3]))
