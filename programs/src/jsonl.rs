//! JSON lines, one program per line, as a generator pipes them:
//! `{"task": "<id>" or null, "name": "solve_x", "source": "def solve_x(I):\n    ..."}`.

use std::io::BufRead;

use serde::Deserialize;

use crate::error::{ErrorKind, Pos, ProgramError};
use crate::{parse_source, ParsedPrograms};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    #[serde(default)]
    task: Option<String>,
    #[serde(default)]
    name: Option<String>,
    source: String,
}

/// Reads JSON lines from `reader` (`origin` names it in messages, e.g. `<stdin>`). Each record's
/// `source` holds one program in either form; `name` (if given) renames it and `task` (if not null)
/// sets its task. Problems inside a source are placed as `<origin>#<json line>:<line>:<column>`
/// (the place inside that record's `source`). Blank lines are skipped; a bad line is one error and the next lines still count.
pub fn parse_jsonl(reader: impl BufRead, origin: &str) -> ParsedPrograms {
    let mut out = ParsedPrograms::default();
    for (k, line) in reader.lines().enumerate() {
        let line_no = k as u32 + 1;
        let err = |pos: Pos, message: String| ProgramError {
            origin: origin.to_string(),
            program: None,
            pos,
            kind: ErrorKind::Json,
            message,
        };
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                out.errors.push(err(Pos::new(line_no, 1), format!("cannot read the line: {e}")));
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let rec: Record = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                let msg = e.to_string();
                // serde_json appends " at line L column C"; the place is given in front instead.
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                out.errors.push(err(
                    Pos::new(line_no, e.column().max(1) as u32),
                    format!("{msg} (expected {{\"task\": <id or null>, \"name\": ..., \"source\": ...}})"),
                ));
                continue;
            }
        };
        let mut parsed = parse_source(&rec.source, &format!("{origin}#{line_no}"));
        if let Some(name) = &rec.name {
            if parsed.programs.len() == 1 && parsed.errors.is_empty() {
                let p = &mut parsed.programs[0];
                p.name = name.clone();
                p.def.name = name.clone();
                if p.task.is_none() {
                    p.task = crate::task_of_name(name);
                }
            }
            for e in &mut parsed.errors {
                e.program = Some(name.clone());
            }
        }
        if let Some(task) = &rec.task {
            for p in &mut parsed.programs {
                p.task = Some(task.clone());
            }
        }
        if parsed.programs.is_empty() && parsed.errors.is_empty() {
            out.errors.push(ProgramError {
                origin: format!("{origin}#{line_no}"),
                program: rec.name.clone(),
                pos: Pos::new(1, 1),
                kind: ErrorKind::Syntax,
                message: "the source holds no program (`def solve_<name>(I): ... return O`)".into(),
            });
        }
        out.programs.extend(parsed.programs);
        out.errors.extend(parsed.errors);
    }
    out
}
