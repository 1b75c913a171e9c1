"""How long calls behave: the 400-task solve equals the CLI's submission byte for byte, the GIL is
released while solvers run, and Ctrl-C (KeyboardInterrupt) interrupts a call."""

import _thread
import json
import re
import subprocess
import threading
import time

import pytest

import arcforge
from conftest import some_tasks


def test_400_task_solve_equals_the_clis_submission_byte_for_byte(tmp_path, cli, bundle):
    cli_file = tmp_path / "cli.json"
    done = subprocess.run([cli, "solve", bundle, "-o", str(cli_file)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    py_file = tmp_path / "py.json"
    sub = arcforge.solve(bundle, output=py_file)
    expected = cli_file.read_bytes()
    assert py_file.read_bytes() == expected
    assert sub.to_json().encode() == expected
    assert dict(sub) == json.loads(expected)
    assert len(sub) == 400 and sub.rejected == []
    # The score the CLI prints, from the same data.
    printed = re.search(r"^score +([0-9.]+) of (\d+) tasks", done.stdout, re.M)
    assert printed, done.stdout
    assert f"{sub.score:.2f}" == printed.group(1) and sub.scored_tasks == int(printed.group(2)) == 400


def test_the_gil_is_released_while_solvers_run(train):
    tasks = some_tasks(train, 10)
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        time.sleep(0.05)  # the counter is running
        before = ticks
        started = time.monotonic()
        arcforge.solve(tasks, device="cpu", threads=1)
        during, elapsed = ticks - before, time.monotonic() - started
    finally:
        stop.set()
        counter.join()
    # Holding the GIL for the whole call would leave the counter at (about) zero meanwhile; released,
    # it counts on while the solvers run (many thousands per second even on a busy machine).
    assert elapsed > 0.2, f"the workload is too small to tell ({elapsed:.3f} s)"
    assert during > 1000 * elapsed, (during, elapsed)


def test_ctrl_c_interrupts_a_long_call(train):
    tasks = some_tasks(train, 20, start=200)
    started = time.monotonic()
    arcforge.solve(tasks, device="cpu", threads=1)
    full = time.monotonic() - started
    assert full > 1.0, f"the workload is too small to tell ({full:.2f} s)"

    # What Ctrl-C does: SIGINT's handler raises KeyboardInterrupt in the main thread.
    timer = threading.Timer(0.2, _thread.interrupt_main)
    started = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        arcforge.solve(tasks, device="cpu", threads=1)
    interrupted = time.monotonic() - started
    timer.join()
    # Raised while the solvers still ran, not after the call came back.
    assert interrupted < 0.2 + full / 2, (interrupted, full)
