//! What the integration tests share: the binary, run from the project root, and the project's
//! files by their paths relative to it.

// Each test file uses some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

/// A file of the project, by its path relative to the project root.
pub fn project_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The binary, run from the project root (so that `fixtures/…` paths name the fixtures).
pub fn gazette() -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("gazette");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Run the binary with `args` and return what it did.
pub fn run(args: &[&str]) -> Output {
    gazette().args(args).output().expect("run gazette")
}

/// The standard output of a run with `args`, which must succeed.
pub fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "gazette {args:?} failed: {stderr}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// `stdout_of`, for a run that must also write nothing to standard error.
pub fn quiet_stdout_of(args: &[&str]) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "gazette {args:?} failed: {stderr}");
    assert!(
        stderr.is_empty(),
        "gazette {args:?} wrote to stderr: {stderr}"
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}
