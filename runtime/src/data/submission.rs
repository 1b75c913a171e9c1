//! The ARC Prize submission format and how a task's answers are chosen from its ranked candidates,
//! shared by `solve` (compiled solvers) and `run` (run-time programs) so both write the same bytes
//! from the same candidates.

use std::collections::BTreeMap;

use serde::Serialize;

use super::task::TaskGrid;

/// One test input's two attempts, as ARC Prize submissions spell them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attempts {
    pub attempt_1: Vec<Vec<u8>>,
    pub attempt_2: Vec<Vec<u8>>,
}

/// `{task_id: [attempts for test input 0, 1, ...]}`.
pub type Submission = BTreeMap<String, Vec<Attempts>>;

/// A grid's rows (`cells` row-major, `w` wide).
pub fn rows(w: usize, cells: &[u8]) -> Vec<Vec<u8>> {
    cells.chunks(w.max(1)).map(<[u8]>::to_vec).collect()
}

/// The attempts for one test input from its candidates' answers, best candidate first (`None`: that
/// candidate gave no grid): attempt 1 is the first answer, attempt 2 the next one that differs; with
/// no (other) answer an attempt repeats the test input itself, so every test input is present.
pub fn attempts(answers: impl IntoIterator<Item = Option<Vec<Vec<u8>>>>, input: &TaskGrid) -> Attempts {
    let mut picks: Vec<Vec<Vec<u8>>> = Vec::new();
    for r in answers.into_iter().flatten() {
        if !picks.contains(&r) {
            picks.push(r);
        }
        if picks.len() == 2 {
            break;
        }
    }
    let mut picks = picks.into_iter();
    let attempt_1 = picks.next().unwrap_or_else(|| input.to_rows());
    let attempt_2 = picks.next().unwrap_or_else(|| attempt_1.clone());
    Attempts { attempt_1, attempt_2 }
}

/// Ranks a task's candidates deterministically: those written for the task first, then by index
/// (registry order for solvers, input order for programs).
pub fn rank(candidates: &mut [usize], written_for_task: impl Fn(usize) -> bool) {
    candidates.sort_by_key(|&c| (!written_for_task(c), c));
}
