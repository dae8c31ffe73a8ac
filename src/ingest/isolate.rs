//! Runs PDF parsing in a child process (the hidden `__pdf-worker` subcommand of the same binary)
//! so that a panic, stack overflow, hang or memory blow-up inside the PDF library is an error
//! for that one file instead of the end of the whole run.
//!
//! Protocol: the parent writes the PDF bytes to the worker's stdin and closes it; the password,
//! if any, travels in the environment (`GAZETTE_PDF_PASSWORD`), never in argv where `ps` shows
//! it. The worker writes one JSON object to stdout — `{"ok": {"pages": […], "warnings": […]}}` or
//! `{"error": {"kind": "pdf" | "notext", "message": "…"}}` — and exits 0 or 2. Anything else
//! (a signal, another exit code, no JSON, no exit before the deadline) is the parent's to explain.

use std::io::{Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use wait_timeout::ChildExt;

use super::pdf::{PdfText, extract_pages, panic_reason};
use crate::error::IngestError;

/// The argument that makes the binary run `run_worker`.
pub const WORKER_ARG: &str = "__pdf-worker";
/// Environment variable carrying the password from parent to worker.
pub const PASSWORD_ENV: &str = "GAZETTE_PDF_PASSWORD";
/// Environment variable naming the executable to run as worker (default: the current one).
pub const WORKER_EXE_ENV: &str = "GAZETTE_WORKER_EXE";
/// Environment variable with the wall-clock limit in seconds (fractions allowed).
pub const TIMEOUT_ENV: &str = "GAZETTE_PDF_TIMEOUT_SECS";
/// Environment variable with the worker's address-space limit in MiB (0: no limit).
pub const MEMORY_ENV: &str = "GAZETTE_PDF_MEMORY_MB";

/// pdf-extract needs well under a second per page in a release build; 30 s is a hang, not a
/// big file. Debug builds (the test suite) run it ~10× slower — the 1 MB Chromium fixture takes
/// 6 s alone, and more on a loaded 2-core machine — so they get more room.
const DEFAULT_TIMEOUT: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(120)
} else {
    Duration::from_secs(30)
};
/// Address space, not resident memory: the worker maps its binary and thread stacks too.
const DEFAULT_MEMORY_MB: u64 = 2048;
/// Only the start of the worker's stderr is kept, to recognise how it died.
const MAX_STDERR_BYTES: u64 = 64 * 1024;
/// Exit codes of the worker.
const EXIT_OK: i32 = 0;
const EXIT_ERROR: i32 = 2;

/// How to run the worker.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// Executable that understands `__pdf-worker`; `None`: the current executable.
    pub exe: Option<PathBuf>,
    pub timeout: Duration,
    /// Address-space limit of the worker in MiB; 0 for none.
    pub memory_mb: u64,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            exe: None,
            timeout: DEFAULT_TIMEOUT,
            memory_mb: DEFAULT_MEMORY_MB,
        }
    }
}

impl WorkerOptions {
    /// Defaults, overridden by `GAZETTE_WORKER_EXE`, `GAZETTE_PDF_TIMEOUT_SECS` and
    /// `GAZETTE_PDF_MEMORY_MB` where set and valid.
    pub fn from_env() -> Self {
        let d = WorkerOptions::default();
        let timeout = std::env::var(TIMEOUT_ENV)
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .and_then(|s| Duration::try_from_secs_f64(s).ok())
            .filter(|t| !t.is_zero())
            .unwrap_or(d.timeout);
        WorkerOptions {
            exe: std::env::var_os(WORKER_EXE_ENV)
                .filter(|s| !s.is_empty())
                .map(PathBuf::from),
            timeout,
            memory_mb: memory_limit_from_env().unwrap_or(d.memory_mb),
        }
    }
}

fn memory_limit_from_env() -> Option<u64> {
    std::env::var(MEMORY_ENV).ok()?.trim().parse().ok()
}

/// What the worker sends back.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Reply {
    Ok(PdfText),
    Error { kind: ErrorKind, message: String },
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum ErrorKind {
    Pdf,
    NoText,
}

/// Parse a PDF in a worker process, with the options from the environment.
pub fn extract_pages_isolated(
    bytes: &[u8],
    password: Option<&str>,
) -> Result<PdfText, IngestError> {
    extract_pages_isolated_with(bytes, password, &WorkerOptions::from_env())
}

/// Parse a PDF in a worker process run as `opts` says.
pub fn extract_pages_isolated_with(
    bytes: &[u8],
    password: Option<&str>,
    opts: &WorkerOptions,
) -> Result<PdfText, IngestError> {
    let exe = match &opts.exe {
        Some(exe) => exe.clone(),
        None => std::env::current_exe()
            .map_err(|e| IngestError::Pdf(format!("cannot find the PDF worker executable: {e}")))?,
    };
    let mut cmd = Command::new(&exe);
    cmd.arg(WORKER_ARG)
        .env(MEMORY_ENV, opts.memory_mb.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    match password {
        Some(pw) => cmd.env(PASSWORD_ENV, pw),
        None => cmd.env_remove(PASSWORD_ENV),
    };
    let child = cmd.spawn().map_err(|e| {
        IngestError::Pdf(format!(
            "cannot start the PDF worker {}: {e}",
            exe.display()
        ))
    })?;
    let outcome = talk_to(child, bytes, opts.timeout)?;
    interpret(outcome, opts)
}

/// How the worker ended and what it printed.
struct Outcome {
    /// `None`: killed at the deadline.
    status: Option<ExitStatus>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Feed the PDF to the worker and collect its output, killing it at the deadline. Writing and
/// reading happen on their own threads: a worker that fills its stdout pipe before it has read
/// all of stdin would otherwise deadlock with us.
fn talk_to(mut child: Child, bytes: &[u8], timeout: Duration) -> Result<Outcome, IngestError> {
    let pipes_missing = || IngestError::Pdf("PDF worker started without pipes".into());
    let mut stdin = child.stdin.take().ok_or_else(pipes_missing)?;
    let mut stdout = child.stdout.take().ok_or_else(pipes_missing)?;
    let stderr = child.stderr.take().ok_or_else(pipes_missing)?;
    std::thread::scope(|s| {
        // A worker that dies early closes its stdin: the write fails with EPIPE (Rust programs
        // ignore SIGPIPE unless told otherwise), which is fine, its exit status says what
        // happened. Dropping `stdin` closes it: end of the PDF.
        s.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        let out = s.spawn(move || {
            let mut buf = Vec::new();
            let _ = stdout.read_to_end(&mut buf);
            buf
        });
        let err = s.spawn(move || {
            let mut buf = Vec::new();
            let mut limited = stderr.take(MAX_STDERR_BYTES);
            let _ = limited.read_to_end(&mut buf);
            // Keep draining so that a chatty worker never blocks on a full stderr pipe.
            let _ = std::io::copy(&mut limited.into_inner(), &mut std::io::sink());
            buf
        });
        let status = match child.wait_timeout(timeout) {
            Ok(Some(status)) => Some(status),
            Ok(None) => {
                // Past the deadline: kill, then reap so that the pipes close and readers end.
                let _ = child.kill();
                let _ = child.wait();
                None
            }
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(IngestError::Pdf(format!("lost the PDF worker: {e}")));
            }
        };
        Ok(Outcome {
            status,
            stdout: out.join().unwrap_or_default(),
            stderr: err.join().unwrap_or_default(),
        })
    })
}

/// Turn the worker's ending into the result of the parse.
fn interpret(outcome: Outcome, opts: &WorkerOptions) -> Result<PdfText, IngestError> {
    let Some(status) = outcome.status else {
        return Err(IngestError::Pdf(format!(
            "PDF parser timed out after {}",
            seconds(opts.timeout)
        )));
    };
    if let Some(signal) = killed_by(&status) {
        let stderr = String::from_utf8_lossy(&outcome.stderr);
        let why = if stderr.contains("overflowed its stack") {
            ": stack overflow (deeply nested or self-referencing content?)".to_string()
        } else if stderr.contains("memory allocation of") {
            format!(": out of memory (limit {} MiB)", opts.memory_mb)
        } else {
            String::new()
        };
        return Err(IngestError::Pdf(format!(
            "PDF parser crashed (signal {signal}){why}"
        )));
    }
    match status.code() {
        Some(EXIT_OK | EXIT_ERROR) => match parse_reply(&outcome.stdout) {
            Some(Reply::Ok(text)) => Ok(text),
            Some(Reply::Error {
                kind: ErrorKind::NoText,
                message,
            }) => Err(IngestError::NoText(message)),
            Some(Reply::Error {
                kind: ErrorKind::Pdf,
                message,
            }) => Err(IngestError::Pdf(message)),
            None => Err(IngestError::Pdf(
                "PDF parser failed: no readable answer from the worker".into(),
            )),
        },
        Some(code) => Err(IngestError::Pdf(format!(
            "PDF parser failed (exit code {code})"
        ))),
        None => Err(IngestError::Pdf("PDF parser failed (no exit code)".into())),
    }
}

/// The JSON reply: the whole of stdout, or else its last line (in case a library printed).
fn parse_reply(stdout: &[u8]) -> Option<Reply> {
    serde_json::from_slice(stdout).ok().or_else(|| {
        let text = String::from_utf8_lossy(stdout);
        let last = text.lines().rev().find(|l| !l.trim().is_empty())?;
        serde_json::from_str(last).ok()
    })
}

#[cfg(unix)]
fn killed_by(status: &ExitStatus) -> Option<i32> {
    std::os::unix::process::ExitStatusExt::signal(status)
}

#[cfg(not(unix))]
fn killed_by(_status: &ExitStatus) -> Option<i32> {
    None
}

/// `30 s`, `0.5 s`.
fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s} s")
    }
}

/// Entry point of the hidden worker subcommand: PDF bytes on stdin, a JSON result on stdout.
/// Returns the process exit code: 0 with text, 2 with an error.
pub fn run_worker(password: Option<String>) -> i32 {
    // The parent reports failures; a panic message on the terminal would only duplicate them.
    std::panic::set_hook(Box::new(|_| {}));
    limit_memory(memory_limit_from_env().unwrap_or(DEFAULT_MEMORY_MB));
    let mut bytes = Vec::new();
    let result = match std::io::stdin().lock().read_to_end(&mut bytes) {
        Ok(_) => catch_unwind(AssertUnwindSafe(|| {
            extract_pages(&bytes, password.as_deref())
        }))
        .unwrap_or_else(|payload| Err(IngestError::Pdf(panic_reason(payload.as_ref())))),
        Err(e) => Err(IngestError::Pdf(format!(
            "PDF worker could not read its input: {e}"
        ))),
    };
    let (reply, code) = match result {
        Ok(text) => (Reply::Ok(text), EXIT_OK),
        Err(IngestError::NoText(message)) => (
            Reply::Error {
                kind: ErrorKind::NoText,
                message,
            },
            EXIT_ERROR,
        ),
        Err(e) => (
            Reply::Error {
                kind: ErrorKind::Pdf,
                message: e.to_string(),
            },
            EXIT_ERROR,
        ),
    };
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer(&mut out, &reply).is_ok()
        && out.write_all(b"\n").is_ok()
        && out.flush().is_ok();
    if written { code } else { EXIT_ERROR }
}

/// Cap the worker's address space, so that a file that makes the parser allocate without end
/// fails with an allocation error (the process aborts) instead of taking the machine's memory.
#[cfg(unix)]
fn limit_memory(mb: u64) {
    if mb == 0 {
        return;
    }
    let wanted = mb.saturating_mul(1024 * 1024);
    let mut current = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit only read and write the `rlimit` structs passed by pointer,
    // which live on this stack frame for the duration of the calls.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_AS, &mut current) != 0 {
            return;
        }
        // The soft limit may not exceed the hard one; leave the hard limit where it is.
        let cap = (wanted as libc::rlim_t).min(current.rlim_max);
        let limit = libc::rlimit {
            rlim_cur: cap,
            rlim_max: current.rlim_max,
        };
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
}

#[cfg(not(unix))]
fn limit_memory(_mb: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_json_shape() {
        let ok = Reply::Ok(PdfText {
            pages: vec!["一".into()],
            warnings: vec![],
        });
        assert_eq!(
            serde_json::to_string(&ok).unwrap_or_default(),
            r#"{"ok":{"pages":["一"],"warnings":[]}}"#
        );
        let err = Reply::Error {
            kind: ErrorKind::NoText,
            message: "m".into(),
        };
        assert_eq!(
            serde_json::to_string(&err).unwrap_or_default(),
            r#"{"error":{"kind":"notext","message":"m"}}"#
        );
    }

    #[test]
    fn seconds_format() {
        assert_eq!(seconds(Duration::from_secs(30)), "30 s");
        assert_eq!(seconds(Duration::from_millis(500)), "0.5 s");
    }
}
