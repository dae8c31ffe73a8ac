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
