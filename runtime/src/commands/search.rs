//! `arcforge search`: programs for tasks nobody wrote a solver for, found per task by the `search`
//! crate's typed bottom-up enumeration over the task's demonstrations, and a submission from the two
//! best programs of each task (Kaggle format, every task and test index present, as `solve` and `run`
//! write it). Tasks are searched in parallel on the CPU threads (rayon), one task per thread; each
//! task's search is bounded by its own step budget (reproducible), wall-clock budget and memory caps.
//! A found program is arc-dsl Python that `arcforge run` reads; its answers are the ones the programs
//! interpreter gives when that text is parsed back (see `search::confirm`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use crate::data::load::Loaded;
use crate::data::submission::{self, Submission};
use crate::data::task::{Task, TaskGrid};

/// One task's search, as reported.
#[derive(Clone, Debug, Serialize)]
pub struct TaskReport {
    pub task: String,
    /// Levels of the grid layer run (template applications in a row), before the rounds.
    pub layer_levels: u32,
    /// Candidates the grid layer found.
    pub layer_candidates: usize,
    /// Rounds run (a program of round `s` makes `s` calls).
    pub rounds: u32,
    /// Expressions (primitive applications) evaluated on every input.
    pub tried: u64,
    /// Distinct values found (observational equivalence), the input and constants included.
    pub distinct: usize,
    /// Function values built.
    pub functions: usize,
    /// Work units used (the step budget's unit).
    pub steps: u64,
    /// What ended the search: found, depth, steps, time or memory.
    pub stopped: &'static str,
    /// Whether a program reproducing every demonstration was found.
    pub found: bool,
    /// Candidates found (distinct on the test inputs too).
    pub candidates: usize,
    /// The programs answering the tests, best first (arc-dsl Python).
    pub programs: Vec<String>,
    /// Candidates whose rendered program did not reproduce the search's results (dropped).
    pub unverified: usize,
    /// Wall time of this task's search (milliseconds; machine-dependent).
    pub ms: u64,
    /// Share of test outputs right in two attempts, when the data has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// What `search` did.
#[derive(Debug, Serialize)]
pub struct SearchReport {
    pub tasks: Vec<TaskReport>,
    /// Tasks with a program.
    pub found: usize,
    /// Tasks fully right in two attempts (when the data has the test outputs).
    pub right: Option<usize>,
    /// Wall time of the whole search (milliseconds).
    pub wall_ms: u64,
    /// Placeholders the submission needed (rejected tasks).
    pub notes: Vec<String>,
    #[serde(skip)]
    pub submission: Submission,
}

fn grid(g: &TaskGrid) -> search::GridData {
    search::GridData { h: g.height(), w: g.width(), cells: g.cells().to_vec() }
}

/// Searches one task.
pub fn search_one(task: &Task, opts: &search::Options) -> (TaskReport, Vec<submission::Attempts>) {
    let start = Instant::now();
    let train: Vec<(search::GridData, search::GridData)> =
        task.train.iter().filter_map(|p| p.output.as_ref().map(|o| (grid(&p.input), grid(o)))).collect();
    let tests: Vec<search::GridData> = task.test.iter().map(|p| grid(&p.input)).collect();
    let name = task.id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect::<String>();
    let r = search::search_task(&train, &tests, &name, opts, 2);
    let answers: Vec<submission::Attempts> = task
        .test
        .iter()
        .enumerate()
        .map(|(k, pair)| {
            let answers =
                r.found.iter().map(|f| f.tests[k].as_ref().map(|g| submission::rows(g.w, &g.cells)));
            submission::attempts(answers, &pair.input).0
        })
        .collect();
    let want: Option<Vec<TaskGrid>> = task.test.iter().map(|p| p.output.clone()).collect();
    let score = want.filter(|w| !w.is_empty()).map(|w| submission::task_score(&answers, &w));
    let report = TaskReport {
        task: task.id.clone(),
        layer_levels: r.layer_levels,
        layer_candidates: r.layer_candidates,
        rounds: r.rounds,
        tried: r.tried,
        distinct: r.distinct,
        functions: r.functions,
        steps: r.steps,
        stopped: r.stop.text(),
        found: !r.found.is_empty(),
        candidates: r.candidates,
        programs: r.found.iter().map(|f| f.program.clone()).collect(),
        unverified: r.unverified,
        ms: start.elapsed().as_millis() as u64,
        score,
    };
    (report, answers)
}

/// Searches every loaded task (or only `only`) on the current rayon pool.
pub fn search_tasks(loaded: &Loaded, opts: &search::Options, only: Option<&str>) -> SearchReport {
    let start = Instant::now();
    let tasks: Vec<&Task> = loaded.tasks.iter().filter(|t| only.is_none_or(|id| t.id == id)).collect();
    let results: Vec<(TaskReport, Vec<submission::Attempts>)> =
        tasks.par_iter().with_max_len(1).map(|t| search_one(t, opts)).collect();
    let mut submission = Submission::new();
    let mut reports = Vec::with_capacity(results.len());
    for (report, answers) in results {
        submission.insert(report.task.clone(), answers);
        reports.push(report);
    }
    let notes = if only.is_none() { submission::complete(&mut submission, loaded) } else { Vec::new() };
    let found = reports.iter().filter(|r| r.found).count();
    let scored: Vec<f64> = reports.iter().filter_map(|r| r.score).collect();
    let right = (!scored.is_empty()).then(|| scored.iter().filter(|&&s| s == 1.0).count());
    SearchReport {
        tasks: reports,
        found,
        right,
        wall_ms: start.elapsed().as_millis() as u64,
        notes,
        submission,
    }
}

/// Writes each task's found programs to `dir/<task>.py` (created if missing; an existing file is never
/// overwritten: the new one gets `_2`, `_3`...), in the file form `arcforge run` reads. Returns the
/// paths written; `Err` names the file that could not be written.
pub fn emit_python(dir: &Path, report: &SearchReport) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for t in report.tasks.iter().filter(|t| !t.programs.is_empty()) {
        let stem: String = t.task.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
        let mut text = String::from("from dsl import *\nfrom constants import *\n");
        for (k, p) in t.programs.iter().enumerate() {
            // Both programs name the task; the second is renamed so that the file's names are unique.
            let p = if k == 0 {
                p.clone()
            } else {
                p.replacen(&format!("def solve_{stem}("), &format!("def solve_{stem}_{}(", k + 1), 1)
            };
            text.push_str("\n\n");
            text.push_str(&p);
        }
        let mut n = 1;
        loop {
            let path =
                if n == 1 { dir.join(format!("{stem}.py")) } else { dir.join(format!("{stem}_{n}.py")) };
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    use std::io::Write;
                    f.write_all(text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
                    out.push(path);
                    break;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => n += 1,
                Err(e) => return Err(format!("{}: {e}", path.display())),
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load::{load_json, LoadOptions, Split};

    /// Two tasks: `mirror` (vmirror, with its test output) and `noise` (no program of the space).
    const CHALLENGES: &str = r#"{
        "mirror": {"train": [{"input": [[1, 2, 0]], "output": [[0, 2, 1]]},
                             {"input": [[3, 0], [0, 4]], "output": [[0, 3], [4, 0]]}],
                   "test": [{"input": [[5, 6, 7, 8]], "output": [[8, 7, 6, 5]]}, {"input": [[1], [2]]}]},
        "noise": {"train": [{"input": [[1, 2], [3, 4]], "output": [[7, 7, 7], [1, 9, 9]]},
                            {"input": [[4, 3], [2, 1]], "output": [[0, 5], [6, 6]]}],
                  "test": [{"input": [[2, 2]]}]}
    }"#;

    #[test]
    fn every_task_and_test_index_is_answered_and_found_programs_read_back() {
        let opts = LoadOptions { split: Split::Train, require_test_outputs: false };
        let loaded = load_json(Path::new("c.json"), CHALLENGES, &opts).unwrap();
        let search_opts =
            search::Options { max_depth: 2, max_steps: 2_000_000, ..search::Options::default() };
        let report = search_tasks(&loaded, &search_opts, None);
        assert_eq!(report.tasks.len(), 2);
        assert_eq!(report.submission["mirror"].len(), 2);
        assert_eq!(report.submission["noise"].len(), 1);
        let mirror = report.tasks.iter().find(|t| t.task == "mirror").unwrap();
        // `vmirror(I)` is one template step: the grid layer finds it in its first level.
        assert!(mirror.found && mirror.tried > 0 && mirror.distinct > 1);
        assert!(mirror.layer_levels == 1 && mirror.layer_candidates >= 1);
        assert_eq!(report.submission["mirror"][0].attempt_1, vec![vec![8, 7, 6, 5]]);
        assert_eq!(report.submission["mirror"][1].attempt_1, vec![vec![1], vec![2]]);
        // Only one test output is known, so the task is not scored as a whole.
        assert_eq!(mirror.score, None);
        let parsed = programs::parse_python(&mirror.programs[0], "found.py");
        assert!(parsed.errors.is_empty() && parsed.programs[0].name == "solve_mirror");
        // No program: every test input answers itself, twice.
        let noise = report.tasks.iter().find(|t| t.task == "noise").unwrap();
        assert!(!noise.found && noise.programs.is_empty());
        assert_eq!(report.submission["noise"][0].attempt_1, vec![vec![2, 2]]);
        assert_eq!(report.found, 1);
        // The same search again: the same report (but the clock) and submission.
        let again = search_tasks(&loaded, &search_opts, None);
        assert_eq!(again.submission, report.submission);
        let key = |r: &SearchReport| -> Vec<(u64, usize, u64, Vec<String>)> {
            r.tasks.iter().map(|t| (t.tried, t.distinct, t.steps, t.programs.clone())).collect()
        };
        assert_eq!(key(&again), key(&report));
    }

    #[test]
    fn emitted_files_never_overwrite() {
        let opts = LoadOptions { split: Split::Train, require_test_outputs: false };
        let loaded = load_json(Path::new("c.json"), CHALLENGES, &opts).unwrap();
        let search_opts = search::Options { max_depth: 1, ..search::Options::default() };
        let report = search_tasks(&loaded, &search_opts, Some("mirror"));
        let dir = tempfile::tempdir().unwrap();
        let first = emit_python(dir.path(), &report).unwrap();
        let second = emit_python(dir.path(), &report).unwrap();
        assert_eq!(first, vec![dir.path().join("mirror.py")]);
        assert_eq!(second, vec![dir.path().join("mirror_2.py")]);
        let parsed = programs::parse_file(&first[0]).unwrap();
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        assert!(!parsed.programs.is_empty());
    }
}
