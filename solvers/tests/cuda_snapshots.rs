//! The generated CUDA of every solver, snapshotted with insta (`tests/snapshots/`): a change in the
//! translator or in a solver body shows up as a reviewable diff (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test -p solvers --test cuda_snapshots` to accept), never silently.

#[test]
fn every_solver_has_its_cuda_snapshot() {
    let all = solvers::all();
    assert!(!all.is_empty());
    for s in all {
        assert!(
            s.cuda_source.contains(&format!("ARC_SOLVER_KERNEL({})", s.name)),
            "{}: its CUDA has no batch kernel",
            s.task
        );
        insta::with_settings!(
            { snapshot_suffix => s.task, prepend_module_to_snapshot => false, omit_expression => true },
            {
                insta::assert_snapshot!("cuda", s.cuda_source);
            }
        );
    }
}
