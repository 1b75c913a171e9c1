"""arcforge.ray on a local Ray cluster (two CPUs, two shards): the merged submission equals the
single-process one, byte for byte, with the same score and the same rejected input."""

import json

import pytest

import arcforge
from conftest import some_tasks

ray = pytest.importorskip("ray", reason="ray is not installed (pip install ray) - arcforge.ray is untested")
import arcforge.ray  # noqa: E402  (after the skip: the module needs ray only when called)


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_sharded_solve_equals_the_single_process_one(cluster, train, tmp_path):
    tasks = some_tasks(train, 30, start=40)
    tasks["bad"] = {"train": [{"input": [[1, 2], [3]], "output": [[1]]}], "test": [{"input": [[1]]}]}
    with pytest.warns(arcforge.ArcforgeWarning):
        single = arcforge.solve(tasks, device="cpu")
    with pytest.warns(arcforge.ArcforgeWarning):
        sharded = arcforge.ray.solve(tasks, device="cpu", shards=2, output=tmp_path / "ray.json")
    assert sharded.details["shards"] == 2
    # 30 good tasks and the rejected one, answered with its own test input (every task id present).
    assert dict(sharded) == dict(single) and len(sharded) == 31 and "bad" in sharded
    assert sharded.to_json() == single.to_json() == (tmp_path / "ray.json").read_text()
    assert (sharded.score, sharded.scored_tasks) == (single.score, single.scored_tasks)
    assert sharded.rejected == single.rejected and sharded.rejected[0]["task"] == "bad"


def test_each_shard_runs_in_a_ray_worker(cluster):
    # The shard function is what the workers run: a submission for its part alone, in the worker's
    # own process.
    @ray.remote
    def where(tasks):
        import os

        return os.getpid(), json.loads(arcforge.ray._solve_shard(tasks, "cpu", None, None))

    task = {"train": [{"input": [[1, 2]], "output": [[2, 1]]}], "test": [{"input": [[3, 4]]}]}
    pid, sub = ray.get(where.remote({"t": task}))
    import os

    assert pid != os.getpid()
    assert sub == dict(arcforge.solve({"t": task}, device="cpu"))
    assert arcforge.ray._shards(list("abcde"), 2) == [["a", "b", "c"], ["d", "e"]]
    assert arcforge.ray._shards(list("ab"), 5) == [["a"], ["b"]]
