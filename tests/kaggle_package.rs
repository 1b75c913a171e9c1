//! `scripts/kaggle-package --skip-build` on the binary under test: the folder holds the binary,
//! valid dataset metadata, a README and the notebook cell; the copied binary runs `info` from the
//! folder; the glibc floor is printed and a binary above the allowed floor is refused; a wheel given
//! with --wheel goes into the folder (its extension's floor checked too) and the cell installs it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

fn package(out: &Path, envs: &[(&str, &str)]) -> Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/kaggle-package");
    let mut c = Command::new("bash");
    c.arg(script).arg("--skip-build").arg(env!("CARGO_BIN_EXE_arcforge")).arg("--out").arg(out);
    c.env_remove("KAGGLE_USERNAME").env_remove("ARCFORGE_GLIBC_MAX");
    for (k, v) in envs {
        c.env(k, v);
    }
    c.output().expect("bash runs the script")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn package_folder_is_ready_for_kaggle_datasets_create() {
    let tmp = TempDir::new().unwrap();
    let dir: PathBuf = tmp.path().join("kaggle");
    let out = package(&dir, &[("KAGGLE_USERNAME", "tester")]);
    assert!(out.status.success(), "stdout:\n{}\nstderr:\n{}", text(&out.stdout), text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("glibc floor: GLIBC_2."), "the floor is stated: {stdout}");

    for f in ["arcforge", "dataset-metadata.json", "README.md", "run.py"] {
        let meta = fs::metadata(dir.join(f)).unwrap_or_else(|e| panic!("{f} missing: {e}"));
        assert!(meta.len() > 0, "{f} is empty");
    }
    let meta: Value = serde_json::from_str(&fs::read_to_string(dir.join("dataset-metadata.json")).unwrap())
        .expect("dataset-metadata.json is valid JSON");
    assert_eq!(meta["id"], "tester/arcforge");
    assert_eq!(meta["title"], "arcforge");
    assert!(meta["licenses"][0]["name"].is_string(), "{meta}");

    // The notebook cell solves the competition's test challenges into the working folder.
    let cell = fs::read_to_string(dir.join("run.py")).unwrap();
    assert!(cell.contains("/kaggle/input/arc-prize-2025/arc-agi_test_challenges.json"));
    assert!(cell.contains("/kaggle/working/submission.json"));
    assert!(cell.contains("\"solve\""));
    let compiled = Command::new("python3")
        .args(["-c", "import ast, sys; ast.parse(open(sys.argv[1]).read())"])
        .arg(dir.join("run.py"))
        .status()
        .unwrap();
    assert!(compiled.success(), "run.py is not valid Python");

    // The copy is the same binary and runs from the folder.
    assert_eq!(fs::read(dir.join("arcforge")).unwrap(), fs::read(env!("CARGO_BIN_EXE_arcforge")).unwrap());
    let info = Command::new("./arcforge").arg("info").current_dir(&dir).output().unwrap();
    assert!(info.status.success(), "{}", text(&info.stderr));
    assert!(text(&info.stdout).contains("solvers"), "{}", text(&info.stdout));
    let readme = fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(readme.contains("arcforge solve"), "{readme}");

    // Without KAGGLE_USERNAME the id carries a placeholder to edit, and is still valid JSON.
    let dir2 = tmp.path().join("anon");
    assert!(package(&dir2, &[]).status.success());
    let meta: Value =
        serde_json::from_str(&fs::read_to_string(dir2.join("dataset-metadata.json")).unwrap()).unwrap();
    assert_eq!(meta["id"], "YOUR_KAGGLE_USERNAME/arcforge");
}

#[test]
fn package_refuses_a_binary_above_the_glibc_floor() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("kaggle");
    // Every glibc binary needs more than 2.0.
    let out = package(&dir, &[("ARCFORGE_GLIBC_MAX", "2.0")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("> 2.0"), "{}", text(&out.stderr));
    assert!(!dir.join("arcforge").exists(), "nothing is packaged");
}

#[test]
fn package_rejects_a_user_name_that_would_break_the_metadata() {
    let tmp = TempDir::new().unwrap();
    let out = package(&tmp.path().join("k"), &[("KAGGLE_USERNAME", "a\"b")]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn package_puts_the_wheel_beside_the_binary_and_checks_its_glibc_floor() {
    let tmp = TempDir::new().unwrap();
    // A stand-in wheel: a zip holding an ELF extension module (the binary under test, whose symbol
    // versions objdump reads like the real module's).
    let wheel = tmp.path().join("arcforge-0.1.0-cp39-abi3-manylinux_2_34_x86_64.whl");
    let made = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'w').write(sys.argv[2], 'arcforge/_arcforge.abi3.so')",
        ])
        .arg(&wheel)
        .arg(env!("CARGO_BIN_EXE_arcforge"))
        .status()
        .unwrap();
    assert!(made.success());
    let dir = tmp.path().join("kaggle");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/kaggle-package");
    let out = Command::new("bash")
        .arg(&script)
        .arg("--skip-build")
        .arg(env!("CARGO_BIN_EXE_arcforge"))
        .arg("--wheel")
        .arg(&wheel)
        .arg("--out")
        .arg(&dir)
        .env_remove("ARCFORGE_GLIBC_MAX")
        .output()
        .unwrap();
    assert!(out.status.success(), "stdout:\n{}\nstderr:\n{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).contains("wheel glibc floor: GLIBC_2."), "{}", text(&out.stdout));
    assert_eq!(fs::read(dir.join(wheel.file_name().unwrap())).unwrap(), fs::read(&wheel).unwrap());
    // The notebook cell installs the package offline from the dataset folder and solves with it.
    let cell = fs::read_to_string(dir.join("run.py")).unwrap();
    assert!(cell.contains("\"--no-index\", \"--find-links\""), "{cell}");
    assert!(cell.contains("arcforge.solve(CHALLENGES, output=SUBMISSION)"), "{cell}");
    let readme = fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(
        readme.contains("pip install --no-index --find-links /kaggle/input/arcforge arcforge"),
        "{readme}"
    );

    // A wheel that is not there is refused before anything is written.
    let missing = Command::new("bash")
        .arg(&script)
        .args(["--skip-build", env!("CARGO_BIN_EXE_arcforge"), "--wheel", "/no/such.whl", "--out"])
        .arg(tmp.path().join("other"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2), "{}", text(&missing.stderr));
    assert!(!tmp.path().join("other").exists());
}
