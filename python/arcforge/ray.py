"""Sharding a solve over a Ray cluster: for sweeps past one machine (thousands of tasks, generated
data), each shard a Ray task that runs :func:`arcforge.solve` on its part in a worker.

::

    import ray, arcforge.ray
    ray.init()                                   # or ray.init(address="auto") on a cluster
    submission = arcforge.ray.solve("tasks/")    # the same Submission as arcforge.solve("tasks/")

Ray schedules the shards; this module only splits the tasks, and merges the answers. A task's
answers depend on that task alone (every solver on its own inputs), so the merged submission equals
the single-process one. Each worker needs ``arcforge`` installed (the same wheel), and the tasks
travel to the workers as ARC JSON, so workers need not see the driver's files.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional, Union

import arcforge
from arcforge import Submission, TaskData


def _solve_shard(
    tasks: Dict[str, Any],
    device: str,
    threads: Optional[int],
    max_steps: Optional[int],
    gpus: Optional[List[int]] = None,
) -> str:
    """One shard, in a Ray worker: its submission as JSON (ids sorted)."""
    import arcforge as af
    import ray

    if threads is None:
        # As many CPU threads as Ray gave this task, so shards on one machine do not oversubscribe it.
        cpus = ray.get_runtime_context().get_assigned_resources().get("CPU")
        threads = max(1, int(cpus)) if cpus else None
    return af.solve(tasks, device, threads, max_steps, gpus=gpus).to_json()


def _shards(ids: List[str], count: int) -> List[List[str]]:
    """``count`` contiguous runs of ``ids`` of nearly equal length."""
    count = max(1, min(count, len(ids)))
    size, extra = divmod(len(ids), count)
    out, start = [], 0
    for k in range(count):
        end = start + size + (1 if k < extra else 0)
        out.append(ids[start:end])
        start = end
    return out


def solve(
    tasks: TaskData = None,
    device: str = "auto",
    threads: Optional[int] = None,
    max_steps: Optional[int] = None,
    *,
    shards: Optional[int] = None,
    split: str = "train",
    solutions: Union[None, str, "os.PathLike[str]"] = None,
    output: Union[None, str, "os.PathLike[str]"] = None,
    numpy: bool = False,
    gpus: Optional[List[int]] = None,
    **remote_options: Any,
) -> Submission:
    """:func:`arcforge.solve` with the tasks split into ``shards`` Ray tasks (default: one per CPU of
    the cluster). ``threads`` is per shard (default: the CPUs Ray assigns it), and so is ``gpus`` (the
    ordinals each worker uses, as it sees them); ``remote_options`` go
    to ``ray.remote`` (e.g. ``num_cpus=4``, ``num_gpus=1``). The tasks are loaded (and bad ones
    rejected, warned about and listed in ``Submission.rejected``) here, on the driver; the score is
    computed here too. Starts a local Ray if none is running.
    """
    import ray

    loaded = arcforge.load(tasks, split=split)
    ids = loaded.ids
    if not ids:
        # The same DataError, with each rejected input, as the single-process solve.
        return arcforge.solve(loaded, device, threads, max_steps, output=output, gpus=gpus)
    if not ray.is_initialized():
        ray.init()
    count = shards or max(1, int(ray.cluster_resources().get("CPU", 1)))
    remote = ray.remote(_solve_shard)
    if remote_options:
        remote = remote.options(**remote_options)
    refs = [
        remote.remote({i: loaded[i] for i in part}, device, threads, max_steps, gpus)
        for part in _shards(ids, count)
    ]
    merged: Dict[str, Any] = {}
    for text in ray.get(refs):
        merged.update(json.loads(text))
    # Every task the driver rejected is answered with its own test inputs, as the single-process solve
    # answers it; compact, ids sorted (byte order, as the runtime's map): the text `arcforge solve -o`
    # writes.
    text = arcforge._native.complete_json(json.dumps(merged), loaded._native)
    sol = os.fspath(solutions) if solutions is not None else None
    total, scored = arcforge.score(merged, loaded, solutions=sol)
    if scored == 0:
        total, scored = None, None  # nothing to score against, as arcforge.solve says
    details = {"score": total, "scored_tasks": scored, "rejected": loaded.rejected, "shards": len(refs)}
    arcforge._warn_rejected(loaded.rejected)
    return arcforge._submission(text, details, numpy, output)
