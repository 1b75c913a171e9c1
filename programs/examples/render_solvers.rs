//! Prints every registered solver in arc-dsl's Python form, read from `solvers/src/tasks/*.rs`
//! (`cargo run -p programs --example render_solvers > solvers.py`).

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../solvers/src/tasks");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).expect("solvers/src/tasks").map(|e| e.unwrap().path()).collect();
    files.sort();
    println!("from dsl import *\nfrom constants import *\n");
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "rs")) {
        let parsed = programs::parse_file(f).expect("readable");
        for e in &parsed.errors {
            eprintln!("{e}");
        }
        for p in &parsed.programs {
            println!("\n{}", p.render_python());
        }
    }
}
