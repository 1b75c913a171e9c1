//! Nothing lost on the way to a submission.
//!
//! * The complete-submission rule: every task id and test index of the challenges gets two attempts,
//!   a rejected task included ([`RejectedTask`], kept by the loader, answered by [`complete`] with its
//!   own test inputs); only a test input that is no grid is answered with a placeholder, and said.
//! * The output file: checked before the work ([`check_output`]: not a folder, its folder exists and
//!   is writable, not one of the input files), `-` for standard output, and written atomically
//!   ([`write_output`]: a temporary file beside it, flushed and synced, then renamed over it).
//! * One validation of expected outputs against the challenges ([`solution_problems`]) for `solve
//!   --solutions`, with the same count rule ([`count_problem`]) the loader applies to a solutions
//!   file next to the challenges for `eval`.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use super::load::RejectedTask;
use super::load::{count_problem, Loaded, SourceKind};
use super::task::TaskGrid;

/// One test input's two attempts, as ARC Prize submissions spell them (read back for scoring a
/// submission made elsewhere, e.g. merged from shards).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempts {
    pub attempt_1: Vec<Vec<u8>>,
    pub attempt_2: Vec<Vec<u8>>,
}

/// `{task_id: [attempts for test input 0, 1, ...]}`.
pub type Submission = BTreeMap<String, Vec<Attempts>>;

/// The answer given for a test input that is no grid at all (the index must still be there).
pub const PLACEHOLDER: [[u8; 1]; 1] = [[0]];

/// Set to `abort-before-rename` (tests only), [`write_output`] aborts the process after the
/// temporary file is written and synced and before it replaces the target: a kill at the worst
/// moment, which must leave the previous file as it was.
pub const WRITE_FAULT_ENV: &str = "ARCFORGE_WRITE_FAULT";

/// Adds every rejected task of `loaded` that `submission` lacks, each test input answered by
/// itself (twice), and returns one line per answer that had to be a placeholder.
pub fn complete(submission: &mut Submission, loaded: &Loaded) -> Vec<String> {
    let mut notes = Vec::new();
    let placeholder = || PLACEHOLDER.iter().map(|r| r.to_vec()).collect::<Vec<_>>();
    for r in &loaded.rejected_tasks {
        if submission.contains_key(&r.id) {
            continue;
        }
        let shown = super::load::printable(&r.id);
        let attempts = match &r.test_inputs {
            Some(inputs) if !inputs.is_empty() => inputs
                .iter()
                .enumerate()
                .map(|(k, g)| {
                    let rows = g.as_ref().map(TaskGrid::to_rows).unwrap_or_else(|| {
                        notes.push(format!(
                            "{}: task {shown}: test pair {k} input is no grid; answered with [[0]]",
                            super::load::shown(&r.file)
                        ));
                        placeholder()
                    });
                    Attempts { attempt_1: rows.clone(), attempt_2: rows }
                })
                .collect(),
            _ => {
                notes.push(format!(
                    "{}: task {shown}: no readable test list; answered one test input with [[0]]",
                    super::load::shown(&r.file)
                ));
                vec![Attempts { attempt_1: placeholder(), attempt_2: placeholder() }]
            }
        };
        submission.insert(r.id.clone(), attempts);
    }
    notes
}

/// Whether `path` means standard output.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Checks, before any work, that `output` can be written and is none of `inputs` (nor a task file of
/// an input folder). `Err` is the reason, ready to follow "cannot write to PATH: ".
pub fn check_output(output: &Path, inputs: &[&Path]) -> Result<(), String> {
    if is_stdout(output) {
        return Ok(());
    }
    if output.is_dir() {
        return Err("it is a folder".to_string());
    }
    // A device or pipe (/dev/stdout, a fifo) is written in place, as it is.
    if fs::metadata(output).is_ok_and(|m| !m.is_file()) {
        return Ok(());
    }
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !parent.is_dir() {
        return Err(format!("its folder {} does not exist", super::load::shown(parent)));
    }
    if let Ok(out) = fs::canonicalize(output)
        .or_else(|_| fs::canonicalize(parent).map(|p| p.join(output.file_name().unwrap_or_default())))
    {
        for input in inputs {
            let Ok(input) = fs::canonicalize(input) else { continue };
            if out == input {
                return Err("it is an input file (it would be overwritten)".to_string());
            }
            let in_folder = input.is_dir() && out.parent().is_some_and(|p| p.starts_with(&input));
            if in_folder && out.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
                return Err(format!("it is inside the input folder {}", super::load::shown(&input)));
            }
        }
    }
    // The one sure test of writability: make (and drop) a temporary file where the real one goes.
    tempfile::NamedTempFile::new_in(parent).map(drop).map_err(|e| format!("its folder is not writable ({e})"))
}

/// The input files of a load: the data path and the solutions file found next to it.
pub fn input_paths(loaded: &Loaded) -> Vec<&Path> {
    let mut paths = vec![loaded.path.as_path()];
    if let SourceKind::Kaggle { solutions: Some(s) } = &loaded.kind {
        paths.push(s);
    }
    paths
}

/// Writes `bytes` to `path` (`-`: standard output) so that a crash or a full disk never leaves a cut
/// file: a temporary file in the same folder is written, flushed and synced, then renamed over
/// `path` (keeping the old file's permissions).
pub fn write_output(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if is_stdout(path) {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        return out.flush();
    }
    match fs::metadata(path) {
        // A device or pipe cannot be replaced (and must not be: /dev/full): written in place.
        Ok(m) if !m.is_file() => {
            let mut f = fs::OpenOptions::new().write(true).open(path)?;
            f.write_all(bytes)?;
            return f.flush();
        }
        // Through a symbolic link: the file it points to is replaced, the link stays.
        Ok(_) if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            return write_output(&fs::canonicalize(path)?, bytes);
        }
        _ => {}
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    tmp.as_file().sync_all()?;
    let permissions = match fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p)?;
    }
    if std::env::var_os(WRITE_FAULT_ENV).is_some_and(|v| v == "abort-before-rename") {
        std::process::abort();
    }
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself is durable once the folder is synced (best effort: not every system can).
    if let Ok(dir) = fs::File::open(parent) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// A new file's permissions: read for all, write for the owner (a temporary file starts owner-only).
fn default_permissions() -> Option<fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    None
}

/// Everything that keeps `expected` (`{task: [grid per test input]}`, from `solutions`) from scoring
/// the challenges of `loaded` honestly: a task it lacks, a task the challenges lack, a test count
/// that differs. One line each, `FILE: task ID: what`.
pub fn solution_problems(
    solutions: &Path,
    expected: &BTreeMap<String, Vec<TaskGrid>>,
    loaded: &Loaded,
) -> Vec<String> {
    let mut tests: BTreeMap<&str, Option<usize>> =
        loaded.tasks.iter().map(|t| (t.id.as_str(), Some(t.test.len()))).collect();
    for r in &loaded.rejected_tasks {
        tests.entry(r.id.as_str()).or_insert(r.test_inputs.as_ref().map(Vec::len));
    }
    let file = super::load::shown(solutions);
    let mut problems = Vec::new();
    for (id, n) in &tests {
        let shown = super::load::printable(id);
        match (expected.get(*id), n) {
            (None, _) => problems.push(format!("{file}: task {shown}: missing (it is in the challenges)")),
            (Some(grids), Some(n)) => {
                if let Some(p) = count_problem(grids.len(), *n) {
                    problems.push(format!("{file}: task {shown}: {p}"));
                }
            }
            (Some(_), None) => {}
        }
    }
    for id in expected.keys().filter(|id| !tests.contains_key(id.as_str())) {
        let shown = super::load::printable(id);
        problems.push(format!("{file}: task {shown}: not in the challenges"));
    }
    problems
}

/// Where the expected test outputs of `loaded` come from, for the data line (`None`: nowhere, or
/// said by the format already).
pub fn outputs_note(loaded: &Loaded) -> Option<String> {
    if !matches!(loaded.kind, SourceKind::Kaggle { solutions: None }) {
        return None;
    }
    let with = loaded.tasks.iter().filter(|t| t.test.iter().all(|p| p.output.is_some())).count();
    (with > 0).then(|| format!("test outputs inside the challenges file for {with} tasks"))
}

/// The share of a task's test inputs that either attempt got exactly right (the ARC Prize rule).
pub fn task_score(got: &[Attempts], want: &[TaskGrid]) -> f64 {
    if want.is_empty() {
        return 0.0;
    }
    let right = want
        .iter()
        .zip(got)
        .filter(|(w, a)| {
            let w = w.to_rows();
            a.attempt_1 == w || a.attempt_2 == w
        })
        .count();
    right as f64 / want.len() as f64
}

/// A grid's rows (`cells` row-major, `w` wide).
pub fn rows(w: usize, cells: &[u8]) -> Vec<Vec<u8>> {
    cells.chunks(w.max(1)).map(<[u8]>::to_vec).collect()
}

/// The attempts for one test input from its candidates' answers, best candidate first (`None`: that
/// candidate gave no grid): attempt 1 is the first answer, attempt 2 the next one that differs; with
/// no (other) answer an attempt repeats the test input itself, so every test input is present.
/// Also says which candidate (its position in `answers`) gave each attempt (`None`: the test input).
pub fn attempts(
    answers: impl IntoIterator<Item = Option<Vec<Vec<u8>>>>,
    input: &TaskGrid,
) -> (Attempts, [Option<usize>; 2]) {
    let mut picks: Vec<Vec<Vec<u8>>> = Vec::new();
    let mut by = [None; 2];
    for (k, r) in answers.into_iter().enumerate() {
        let Some(r) = r else { continue };
        if !picks.contains(&r) {
            by[picks.len()] = Some(k);
            picks.push(r);
        }
        if picks.len() == 2 {
            break;
        }
    }
    let mut picks = picks.into_iter();
    let attempt_1 = picks.next().unwrap_or_else(|| input.to_rows());
    let attempt_2 = picks.next().unwrap_or_else(|| {
        by[1] = by[0];
        attempt_1.clone()
    });
    (Attempts { attempt_1, attempt_2 }, by)
}

/// Ranks a task's candidates deterministically: those written for the task first, then by index
/// (registry order for solvers, input order for programs).
pub fn rank(candidates: &mut [usize], written_for_task: impl Fn(usize) -> bool) {
    candidates.sort_by_key(|&c| (!written_for_task(c), c));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load::salvage;

    #[test]
    fn a_kill_before_the_rename_leaves_the_old_file() {
        // The fault hook aborts the process, so it is exercised by tests/submission_cli.rs; here the
        // plain path: the new content replaces the old, and no temporary file is left behind.
        let dir = tempfile::TempDir::new().unwrap();
        let target = dir.path().join("submission.json");
        fs::write(&target, "old").unwrap();
        write_output(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn output_checks() {
        let dir = tempfile::TempDir::new().unwrap();
        let input = dir.path().join("x_challenges.json");
        fs::write(&input, "{}").unwrap();
        assert!(check_output(dir.path(), &[]).unwrap_err().contains("folder"));
        let missing = dir.path().join("nope").join("s.json");
        assert!(check_output(&missing, &[]).unwrap_err().contains("does not exist"));
        assert!(check_output(&input, &[&input]).unwrap_err().contains("input file"));
        assert!(check_output(&dir.path().join("s.json"), &[&input]).is_ok());
        assert!(check_output(Path::new("-"), &[]).is_ok());
    }

    #[test]
    fn counts_and_salvage() {
        assert_eq!(count_problem(1, 2).unwrap(), "1 expected output grid for 2 test inputs");
        assert_eq!(count_problem(2, 2), None);
        let r = salvage(
            Path::new("f"),
            "t",
            Some(r#"{"train": [], "test": [{"input": [[1]]}, {"input": 5}], "test": 1}"#),
        );
        let inputs = r.test_inputs.unwrap();
        assert_eq!(inputs.len(), 2);
        assert_eq!(inputs[0].as_ref().unwrap().cells(), &[1]);
        assert_eq!(inputs[1], None);
        assert_eq!(salvage(Path::new("f"), "t", Some("[1]")).test_inputs, None);
    }
}
