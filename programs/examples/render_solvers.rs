//! Prints every registered solver in arc-dsl's Python form, read from `solvers/src/tasks/*.rs`
//! (`cargo run -p programs --example render_solvers > solvers.py`).

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../solvers/src/tasks");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).expect("solvers/src/tasks").map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut all = Vec::new();
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "rs")) {
        let parsed = programs::parse_file(f).expect("readable");
        for e in &parsed.errors {
            eprintln!("{e}");
        }
        all.extend(parsed.programs);
    }
    print!("{}", programs::python_file(&all));
}
