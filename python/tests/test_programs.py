"""`arcforge.run`: run-time programs (arc-dsl Python, #[solver] Rust, JSON lines; a file, text or a
list) on tasks, equal to `arcforge run`'s report and submission byte for byte; bad programs reported
per item like bad tasks; the CLI's errors."""

import json
import subprocess

import numpy as np
import pytest

import arcforge
from conftest import write_json

# Three programs that fit their task, one naming no task (it runs on every task and fits one), one
# that fails on its task, and one that does not parse (wrong arity).
PROGRAMS = """from dsl import *
from constants import *


def solve_67a3c6ac(I):
    O = vmirror(I)
    return O


def solve_68b16354(I):
    O = hmirror(I)
    return O


def solve_3c9b0459(I):
    O = rot180(I)
    return O


def mirror_anything(I):
    O = vmirror(I)
    return O


def solve_a85d4709(I):
    x1 = objects(I, T)
    return x1


def solve_007bbfb7(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = first(x2)
    O = canvas(ZERO, x3)
    return O
"""

TASKS = ["007bbfb7", "3c9b0459", "67a3c6ac", "68b16354", "a85d4709"]


@pytest.fixture()
def folder(tmp_path, train):
    """The five tasks as task files, and one bad task file."""
    data = tmp_path / "tasks"
    data.mkdir()
    for tid in TASKS:
        write_json(data / f"{tid}.json", train[tid])
    write_json(data / "bad.json", {"train": [{"input": [[1, 2], [3]], "output": [[1]]}], "test": []})
    return data


@pytest.fixture()
def programs_file(tmp_path):
    path = tmp_path / "programs.py"
    path.write_text(PROGRAMS)
    return path


@pytest.mark.parametrize(
    "flags, options",
    [([], {}), (["--every-task"], {"every_task": True}), (["--task", "68b16354"], {"task": "68b16354"})],
)
def test_run_equals_the_clis_report_and_submission_byte_for_byte(tmp_path, cli, folder, programs_file, flags, options):
    cli_sub, cli_report = tmp_path / "cli_sub.json", tmp_path / "cli_report.json"
    args = [cli, "run", str(programs_file), "--data", str(folder), "-o", str(cli_sub), "--json", str(cli_report)]
    done = subprocess.run(args + flags, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr  # a program did not parse, a task was rejected
    py_sub, py_report = tmp_path / "py_sub.json", tmp_path / "py_report.json"
    with pytest.warns(arcforge.ArcforgeWarning) as caught:
        ran = arcforge.run(programs_file, folder, output=py_sub, report_output=py_report, **options)
    assert py_sub.read_bytes() == cli_sub.read_bytes()
    assert py_report.read_bytes() == cli_report.read_bytes()
    assert ran.to_json().encode() == cli_report.read_bytes()
    assert ran.submission.to_json().encode() == cli_sub.read_bytes()
    # Every bad program and every rejected task is warned about, with the CLI's lines.
    [bad_program] = ran["rejected"]
    [bad_task] = ran.rejected_tasks
    assert sorted(str(w.message) for w in caught) == sorted([bad_program["error"], bad_task["message"]])
    assert f"error: {bad_program['error']}" in done.stderr
    assert f"error: {bad_task['message']}" in done.stderr
    assert bad_program["kind"] == "wrong arity" and bad_program["program"] == "solve_a85d4709"
    assert bad_program["error"].startswith(f"{programs_file}:26:10: wrong arity in `solve_a85d4709`")


def test_run_reports_per_program_and_answers_from_the_programs_that_fit(folder, programs_file, train):
    with pytest.warns(arcforge.ArcforgeWarning):
        ran = arcforge.run(programs_file, folder, device="cpu", threads=2)
    by_name = {p["name"]: p for p in ran["programs"]}
    assert list(by_name) == ["solve_67a3c6ac", "solve_68b16354", "solve_3c9b0459", "mirror_anything", "solve_007bbfb7"]
    assert [t["task"] for t in by_name["solve_67a3c6ac"]["tasks"]] == ["67a3c6ac"]
    assert by_name["solve_67a3c6ac"]["tasks"][0]["fits"]
    # A program naming no task runs on every task; it fits the one vmirror solves.
    assert [t["task"] for t in by_name["mirror_anything"]["tasks"]] == TASKS
    assert [t["task"] for t in by_name["mirror_anything"]["tasks"] if t["fits"]] == ["67a3c6ac"]
    miss = by_name["solve_007bbfb7"]["tasks"][0]
    assert not miss["fits"] and miss["first_miss"]["train_index"] == 0
    # Candidates: the program naming the task first, then input order.
    assert ran["candidates"]["67a3c6ac"] == ["solve_67a3c6ac", "mirror_anything"]
    assert ran["candidates"]["007bbfb7"] == []
    # The submission: every task (the rejected one too), scored against the tasks' test outputs.
    assert sorted(ran.submission) == sorted(TASKS + ["bad"])
    assert ran.submission.score == 3.0 and ran.submission.scored_tasks == 5
    # A call per program and input (train and test) of each task it ran on.
    inputs = {tid: len(train[tid]["train"]) + len(train[tid]["test"]) for tid in TASKS}
    assert ran["calls"] == sum(inputs[t["task"]] for p in ran["programs"] for t in p["tasks"])


@pytest.mark.filterwarnings("ignore::arcforge.ArcforgeWarning")  # the folder's bad task, each run
def test_programs_as_text_json_lines_and_lists(folder, train):
    text = PROGRAMS.replace(
        "def solve_a85d4709(I):\n    x1 = objects(I, T)\n    return x1\n", ""
    )
    from_text = arcforge.run(text, folder, name="generated.py")
    assert from_text["rejected"] == []
    assert {p["origin"] for p in from_text["programs"]} == {"generated.py"}
    assert from_text.submission.score == 3.0
    # JSON lines text, as `arcforge run -` reads it: a record's task and name apply.
    record = {"task": "68b16354", "name": "flip", "source": "def f(I):\n    O = hmirror(I)\n    return O\n"}
    from_jsonl = arcforge.run(json.dumps(record) + "\n", folder)
    assert from_jsonl["candidates"]["68b16354"] == ["flip"]
    # A list of texts and records: one JSON line each, a bad one named by its position.
    bad = {"task": None, "source": "def g(I):\n    O = nosuchprimitive(I)\n    return O\n"}
    rust = '#[solver("3c9b0459")]\nfn turn(I: Grid) -> Grid {\n    let O = rot180(I);\n    O\n}\n'
    with pytest.warns(arcforge.ArcforgeWarning, match="nosuchprimitive"):
        from_list = arcforge.run([record, bad, rust], folder, numpy=True)
    [rejected] = from_list["rejected"]
    assert rejected["origin"] == "<programs>#2", rejected
    assert from_list["candidates"]["68b16354"] == ["flip"]
    assert from_list["candidates"]["3c9b0459"] == ["turn"]
    answer = from_list.submission["3c9b0459"][0]["attempt_1"]
    assert isinstance(answer, np.ndarray) and answer.dtype == np.uint8
    assert answer.tolist() == train["3c9b0459"]["test"][0]["output"]
    # Tasks from memory (a dict of tasks) work as for solve.
    in_memory = arcforge.run(text, {tid: train[tid] for tid in TASKS})
    assert dict(in_memory.submission) == {k: v for k, v in from_text.submission.items() if k != "bad"}


def test_run_errors_are_the_clis(tmp_path, folder, programs_file):
    # A forced GPU with none selected is refused with the engine's reason (as `run --gpus ''`).
    with pytest.raises(arcforge.DeviceError, match="--gpus selected no GPU"):
        arcforge.run(programs_file, folder, device="gpu", gpus=[])
    with pytest.raises(arcforge.DataError, match=f"cannot read {tmp_path / 'missing.py'}: "):
        arcforge.run(tmp_path / "missing.py", folder)
    with pytest.raises(ValueError, match=f"task nope is not in {folder}"):
        arcforge.run(programs_file, folder, task="nope")
    with pytest.raises(arcforge.DataError, match=f"no usable tasks in {tmp_path / 'empty.json'}"):
        arcforge.run(programs_file, write_json(tmp_path / "empty.json", {}))
    # An output that is an input is refused before the work; the input is kept.
    before = programs_file.read_bytes()
    with pytest.raises(ValueError, match="cannot write the submission to .*: it is an input file"):
        arcforge.run(programs_file, folder, output=programs_file)
    with pytest.raises(ValueError, match="cannot write the report to .*: it is inside the input folder"):
        arcforge.run(programs_file, folder, report_output=folder / "report.json")
    assert programs_file.read_bytes() == before and not (folder / "report.json").exists()
    with pytest.raises(TypeError, match="cannot read programs from int"):
        arcforge.run(42, folder)
    with pytest.raises(ValueError, match="gpus must be GPU ordinals"):
        arcforge.run(programs_file, folder, gpus=[-2])
