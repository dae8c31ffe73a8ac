//! Batch runs of `gazette extract`: many inputs (files, directories, lists of paths), read on
//! every core, written in input order as each one is done.
//!
//! Workers render each input into 256 KiB chunks sent over a bounded channel of its own; the
//! writer (the calling thread) drains the channels in input order. So output order never depends
//! on scheduling, the first input streams while it is being rendered, and what is held back is
//! bounded: at most `WINDOW_PER_THREAD × threads` inputs are in flight, each with at most
//! `CHANNEL_CHUNKS` chunks waiting, whatever the number of files.

use crate::document::Document;
use crate::extract::{Indicator, Kind};
use crate::ingest::IngestOptions;
use crate::report::extract::{Exporter, Extracted, Format, exporter};
use anyhow::Context;
use std::collections::VecDeque;
use std::fmt;
use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::{Duration, Instant};

/// One input of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// How the input is named in messages and in `source.path`: the path as given, `-` for
    /// standard input.
    pub name: String,
    /// Why the input cannot be read, when that was found while listing (an unreadable directory).
    pub error: Option<String>,
}

impl Input {
    fn stdin() -> Input {
        Input {
            path: None,
            name: "-".into(),
            error: None,
        }
    }

    fn file(path: PathBuf) -> Input {
        Input {
            name: path.to_string_lossy().into_owned(),
            path: Some(path),
            error: None,
        }
    }

    /// The name in an error message (`<stdin>` rather than `-`).
    fn shown(&self) -> &str {
        if self.path.is_none() {
            "<stdin>"
        } else {
            &self.name
        }
    }
}

/// Extensions of the files a directory walk takes (compared without case). Files named on the
/// command line or in a list are read whatever their name, and their kind is told by content.
pub const WALKED_EXTENSIONS: &[&str] = &["pdf", "txt"];

/// The inputs of a run, in order: each argument (a file, `-` for standard input, or a directory,
/// walked recursively in name order for PDF and text files, hidden entries skipped), then the
/// paths listed in `files_from` (a file, or `-` for standard input), one per line or, with
/// `nul`, NUL-separated as `find -print0` writes them. Directories in a list are skipped, since
/// `find` lists them along with their files.
pub fn expand(args: &[String], files_from: Option<&str>, nul: bool) -> anyhow::Result<Vec<Input>> {
    if files_from == Some("-") && args.iter().any(|a| a == "-") {
        anyhow::bail!(
            "standard input cannot be both the list of files (--files-from -) and an input"
        );
    }
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            out.push(Input::stdin());
            continue;
        }
        let path = PathBuf::from(arg);
        if path.is_dir() {
            walk(path, &mut out);
        } else {
            // Given as written, so that messages and `source.path` name it as the user did.
            out.push(Input {
                path: Some(path),
                name: arg.clone(),
                error: None,
            });
        }
    }
    if let Some(list) = files_from {
        let bytes = if list == "-" {
            let mut buf = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .context("<stdin>: cannot read the list of files")?;
            buf
        } else {
            std::fs::read(list).with_context(|| format!("{list}: cannot read the list of files"))?
        };
        for entry in list_entries(&bytes, nul) {
            let path = path_from_bytes(entry);
            if !path.is_dir() {
                out.push(Input::file(path));
            }
        }
    }
    Ok(out)
}

/// The entries of a list of paths: split at NUL or at line ends (a `\r` before `\n` dropped),
/// empty entries skipped.
pub fn list_entries(bytes: &[u8], nul: bool) -> impl Iterator<Item = &[u8]> {
    let sep = if nul { b'\0' } else { b'\n' };
    bytes
        .split(move |&b| b == sep)
        .map(move |e| {
            if nul {
                e
            } else {
                e.strip_suffix(b"\r").unwrap_or(e)
            }
        })
        .filter(|e| !e.is_empty())
}

#[cfg(unix)]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

/// Depth-first, entries in byte order of their names, so that a run lists the same files in the
/// same order on every machine. Symbolic links to files are followed, links to directories are
/// not (a link back up the tree would never end). An unreadable directory becomes a failed input.
fn walk(dir: PathBuf, out: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.collect::<Result<Vec<_>, _>>(),
        Err(e) => Err(e),
    };
    let mut entries = match entries {
        Ok(entries) => entries,
        Err(e) => {
            let mut input = Input::file(dir);
            input.error = Some(format!("cannot read directory: {e}"));
            out.push(input);
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(path, out);
            continue;
        }
        let is_file = kind.is_file() || (kind.is_symlink() && path.is_file());
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| WALKED_EXTENSIONS.iter().any(|w| e.eq_ignore_ascii_case(w)));
        if is_file && wanted {
            out.push(Input::file(path));
        }
    }
}

/// Which mentions are written.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Kinds kept; empty keeps every kind.
    pub kinds: Vec<Kind>,
    /// Catalogue keys kept; empty keeps every mention.
    pub keys: Vec<String>,
    /// Kept only when the section title contains this.
    pub section: Option<String>,
}

impl Filter {
    pub fn admits(&self, i: &Indicator) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&i.kind))
            && (self.keys.is_empty() || i.key.is_some_and(|k| self.keys.iter().any(|a| a == k)))
            && self
                .section
                .as_ref()
                .is_none_or(|s| i.section.contains(s.as_str()))
    }
}

/// How to run.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    pub filter: Filter,
    pub ingest: IngestOptions,
    pub max_size: u64,
    pub mapping: crate::Mapping,
    /// Worker threads; 0 for one per core.
    pub jobs: usize,
    /// Show a progress bar on stderr (only drawn when stderr is a terminal and there are several
    /// inputs).
    pub progress: bool,
}

/// What follows a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    /// The caller goes on: everything the run built is freed.
    Return,
    /// The process exits: see [`run_to_exit`].
    Exit,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub ok: usize,
    pub failed: usize,
    pub indicators: usize,
    pub elapsed: Duration,
}

impl Summary {
    /// Count a finished input, and say its messages.
    fn count(&mut self, outcome: &Outcome, reporter: &Reporter) {
        for m in &outcome.messages {
            reporter.say(m);
        }
        if outcome.ok {
            self.ok += 1;
        } else {
            self.failed += 1;
        }
        self.indicators += outcome.indicators;
    }
}

impl fmt::Display for Summary {
    /// `31 files, 30 ok, 1 failed, 4,213 indicators, 1.8 s`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} files, {} ok, {} failed, {} indicators, {:.1} s",
            thousands(self.files),
            thousands(self.ok),
            thousands(self.failed),
            thousands(self.indicators),
            self.elapsed.as_secs_f64()
        )
    }
}

/// `4213` → `4,213`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Rendered output travels in chunks of about this size (large enough that handing chunks to the
/// writer costs little next to rendering them: with 64 KiB, two workers ran 1.74× one, with
/// 256 KiB 1.98×)…
const CHUNK: usize = 256 * 1024;
/// …and at most this many wait per input, so a worker that is ahead of the writer pauses (the
/// output held back stays under `CHUNK × CHANNEL_CHUNKS × WINDOW_PER_THREAD` per worker, 4 MiB).
const CHANNEL_CHUNKS: usize = 4;
/// Inputs in flight (started but not yet written) per worker thread.
const WINDOW_PER_THREAD: usize = 4;

/// What a worker sends the writer. Most inputs render into one chunk, sent with the outcome in
/// one message: each message can wake the writer, and a message each for the start of a
/// document, its chunk and its end tripled the writer's waits (on 864 inputs, about 2,500
/// rather than 900; two workers spent 3 % more CPU time then).
enum Msg {
    /// A full chunk of an input's output.
    Chunk(Piece),
    /// The rest of an input's output, and how it went.
    Done(Piece, Outcome),
}

/// Output of an input, and whether a document starts with it (not an error record): the writer
/// then calls `Exporter::before` first.
struct Piece {
    begins_document: bool,
    data: Vec<u8>,
}

/// How one input went, and what to say about it on stderr.
struct Outcome {
    ok: bool,
    indicators: usize,
    messages: Vec<String>,
}

/// Where a worker's output goes: to the writer in chunks, or (a run of one input, which needs no
/// other thread) straight out.
enum Dest<'a> {
    Writer(SyncSender<Msg>),
    Out {
        out: &'a mut dyn Write,
        exporter: &'a dyn Exporter,
        documents: &'a mut usize,
    },
}

/// A worker's output, buffered in chunks.
struct Sink<'a> {
    dest: Dest<'a>,
    buf: Vec<u8>,
    /// A document starts at the start of `buf` (sent to the writer with it).
    begins_document: bool,
}

impl<'a> Sink<'a> {
    fn new(dest: Dest<'a>) -> Sink<'a> {
        Sink {
            dest,
            buf: Vec::with_capacity(CHUNK),
            begins_document: false,
        }
    }

    /// A document starts here (not an error record): what the format writes before one goes
    /// first.
    fn begin_document(&mut self) -> io::Result<()> {
        self.send_buffered()?;
        match &mut self.dest {
            Dest::Writer(_) => {
                self.begins_document = true;
                Ok(())
            }
            Dest::Out {
                out,
                exporter,
                documents,
            } => before_document(*out, *exporter, documents),
        }
    }

    /// What is buffered, taken for a message.
    fn piece(&mut self, capacity: usize) -> Piece {
        Piece {
            begins_document: std::mem::take(&mut self.begins_document),
            data: std::mem::replace(&mut self.buf, Vec::with_capacity(capacity)),
        }
    }

    fn send(&mut self, msg: Msg) -> io::Result<()> {
        match &mut self.dest {
            // The writer has gone (a closed pipe): stop rendering.
            Dest::Writer(tx) => tx
                .send(msg)
                .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe)),
            // Written here: as the writer would write it.
            Dest::Out {
                out,
                exporter,
                documents,
            } => match msg {
                Msg::Chunk(piece) | Msg::Done(piece, _) => {
                    deliver(&piece, *out, *exporter, documents)
                }
            },
        }
    }

    fn send_buffered(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        if let Dest::Out { out, .. } = &mut self.dest {
            // Written here, the buffer is used again: no allocation per chunk.
            out.write_all(&self.buf)?;
            self.buf.clear();
            return Ok(());
        }
        let piece = self.piece(CHUNK);
        self.send(Msg::Chunk(piece))
    }

    /// The end of a worker's input: what is left of its output, with the outcome.
    fn finish(mut self, outcome: Outcome) -> io::Result<()> {
        let piece = self.piece(0);
        self.send(Msg::Done(piece, outcome))
    }
}

impl Write for Sink<'_> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        // Written here, a large piece (a document's lines, gathered by its exporter) goes out as
        // it is, after what was gathered before it, not copied.
        if data.len() >= CHUNK / 8
            && let Dest::Out { out, .. } = &mut self.dest
        {
            if !self.buf.is_empty() {
                out.write_all(&self.buf)?;
                self.buf.clear();
            }
            out.write_all(data)?;
            return Ok(data.len());
        }
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send_buffered()?;
        }
        Ok(data.len())
    }

    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        self.write(data).map(|_| ())
    }

    /// Chunks go when full and at the end of the input; the writer flushes the real output.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Read, normalise and segment one input; errors name the input.
pub fn load(input: &Input, opts: &Options) -> anyhow::Result<Document> {
    let name = input.shown();
    if let Some(e) = &input.error {
        anyhow::bail!("{name}: {e}");
    }
    let bytes = match &input.path {
        None => crate::read_input("-", opts.max_size, opts.mapping),
        Some(p) => crate::read_input_path(p, opts.max_size, opts.mapping),
    }
    .with_context(|| name.to_string())?;
    crate::analyse_owned(&input.name, bytes, &opts.ingest).with_context(|| name.to_string())
}

/// The error and its causes on one line: `file: reason: cause`. A cause that the reason before it
/// already ends with is left out, and line breaks inside a message become spaces.
pub fn error_line(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let msg = cause
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let repeated = parts.len() >= 2 && parts.last().is_some_and(|prev| prev.ends_with(&msg));
        if msg.is_empty() || repeated {
            continue;
        }
        parts.push(msg);
    }
    parts.join(": ")
}

/// One input: load, extract, filter, render into `sink`.
fn process(
    input: &Input,
    opts: &Options,
    exporter: &dyn Exporter,
    sink: &mut Sink<'_>,
) -> io::Result<(Outcome, Option<Analysed>)> {
    let doc = match load(input, opts) {
        Ok(doc) => doc,
        Err(e) => {
            exporter.error(sink, &input.name, &format!("{:#}", e.root_cause()))?;
            let outcome = Outcome {
                ok: false,
                indicators: 0,
                messages: vec![format!("gazette: {}", error_line(&e))],
            };
            return Ok((outcome, None));
        }
    };
    let messages = doc
        .warnings
        .iter()
        .map(|w| format!("gazette: {}: warning: {w}", input.shown()))
        .collect();
    let all = crate::extract::extract(&doc);
    let indicators: Vec<&Indicator> = all.iter().filter(|i| opts.filter.admits(i)).collect();
    let count = indicators.len();
    sink.begin_document()?;
    exporter.document(
        sink,
        &Extracted {
            doc: &doc,
            indicators,
        },
    )?;
    let outcome = Outcome {
        ok: true,
        indicators: count,
        messages,
    };
    Ok((
        outcome,
        Some(Analysed {
            _doc: doc,
            _all: all,
        }),
    ))
}

/// What reading an input built, handed back so that the caller chooses when it is freed.
struct Analysed {
    _doc: crate::document::Document,
    _all: Vec<Indicator>,
}

/// A worker's job: process one input and send its output; a panic is a failed input, not the
/// end of the run.
fn work(
    input: &Input,
    opts: &Options,
    exporter: &dyn Exporter,
    tx: SyncSender<Msg>,
    abort: &AtomicBool,
) {
    if abort.load(Ordering::Relaxed) {
        return;
    }
    let mut sink = Sink::new(Dest::Writer(tx));
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        process(input, opts, exporter, &mut sink)
    }));
    let outcome = match run {
        Ok(Ok((outcome, _))) => outcome,
        // The writer is gone; nobody is listening.
        Ok(Err(_)) => return,
        Err(_) => internal_error(input),
    };
    let _ = sink.finish(outcome);
}

/// A panic while reading an input: a failed input, said so.
fn internal_error(input: &Input) -> Outcome {
    Outcome {
        ok: false,
        indicators: 0,
        messages: vec![format!(
            "gazette: {}: internal error (a bug in gazette; please report it with this file)",
            input.shown()
        )],
    }
}

/// Stderr while a run goes: messages, and a progress bar when asked for and stderr is a terminal.
struct Reporter {
    bar: Option<indicatif::ProgressBar>,
}

impl Reporter {
    fn new(show: bool, total: usize) -> Reporter {
        let bar = (show && total > 1 && io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files, {elapsed} (eta {eta}) {wide_msg}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Reporter { bar }
    }

    fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn done(&self, name: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(name.to_string());
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Run `extract` over `inputs`, writing to `out` in input order. A failed input is reported on
/// stderr (and, in formats that record errors, in the output) and the run goes on. An error is
/// returned only when writing fails (a closed pipe among them).
pub fn run(inputs: &[Input], opts: &Options, out: &mut dyn Write) -> io::Result<Summary> {
    run_then(inputs, opts, out, After::Return)
}

/// [`run`], in a process that exits when the run ends: the last input's document and mentions
/// (in a run with one worker) are left for the exit to reclaim at once rather than freed piece
/// by piece. A large input is hundreds of thousands of small allocations, and freeing them took
/// about a tenth of the run on a 26 MB input. The memory is not freed before the process ends:
/// for the binary, not for a library caller that goes on.
pub fn run_to_exit(inputs: &[Input], opts: &Options, out: &mut dyn Write) -> io::Result<Summary> {
    run_then(inputs, opts, out, After::Exit)
}

fn run_then(
    inputs: &[Input],
    opts: &Options,
    out: &mut dyn Write,
    after: After,
) -> io::Result<Summary> {
    let started = Instant::now();
    let exporter = exporter(opts.format, inputs.len() > 1);
    let threads = if opts.jobs == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        opts.jobs
    }
    .clamp(1, inputs.len().max(1));
    if threads == 1 {
        return run_inline(inputs, opts, exporter.as_ref(), out, started, after);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("gazette-worker-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let reporter = Reporter::new(opts.progress, inputs.len());
    let abort = AtomicBool::new(false);
    let mut summary = Summary {
        files: inputs.len(),
        ..Summary::default()
    };
    let exporter: &dyn Exporter = exporter.as_ref();
    let written = pool.in_place_scope(|scope| {
        let mut pending: VecDeque<(usize, Receiver<Msg>)> = VecDeque::new();
        let mut next = 0;
        let mut documents = 0;
        let result = loop {
            while next < inputs.len() && pending.len() < threads * WINDOW_PER_THREAD {
                let (tx, rx) = sync_channel(CHANNEL_CHUNKS);
                let input = &inputs[next];
                let abort = &abort;
                scope.spawn(move |_| work(input, opts, exporter, tx, abort));
                pending.push_back((next, rx));
                next += 1;
            }
            let Some((index, rx)) = pending.pop_front() else {
                break Ok(documents);
            };
            if let Err(e) = drain(&rx, exporter, out, &mut documents, &mut summary, &reporter) {
                break Err(e);
            }
            reporter.done(&inputs[index].name);
        };
        if result.is_err() {
            // Stop the workers: queued inputs are skipped, running ones stop at their next send.
            abort.store(true, Ordering::Relaxed);
            pending.clear();
        }
        result
    });
    reporter.finish();
    close(exporter, out, written?, summary, started)
}

/// The end of a run: what the format opened is closed, the output flushed, the time taken.
fn close(
    exporter: &dyn Exporter,
    out: &mut dyn Write,
    documents: usize,
    mut summary: Summary,
    started: Instant,
) -> io::Result<Summary> {
    exporter.finish(out, documents)?;
    out.flush()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// What the format writes before a document (a separator, an opening bracket), counted.
fn before_document(
    out: &mut dyn Write,
    exporter: &dyn Exporter,
    documents: &mut usize,
) -> io::Result<()> {
    exporter.before(out, *documents)?;
    *documents += 1;
    Ok(())
}

/// Write a piece of what a worker sent, after what the format writes before a document if one
/// starts with it.
fn deliver(
    piece: &Piece,
    out: &mut dyn Write,
    exporter: &dyn Exporter,
    documents: &mut usize,
) -> io::Result<()> {
    if piece.begins_document {
        before_document(out, exporter, documents)?;
    }
    out.write_all(&piece.data)
}

/// A run with one worker (or of one input): each input rendered straight out on this thread,
/// in order, with no threads or channels in between.
fn run_inline(
    inputs: &[Input],
    opts: &Options,
    exporter: &dyn Exporter,
    out: &mut dyn Write,
    started: Instant,
    after: After,
) -> io::Result<Summary> {
    let reporter = Reporter::new(opts.progress, inputs.len());
    let mut summary = Summary {
        files: inputs.len(),
        ..Summary::default()
    };
    let mut documents = 0;
    for (k, input) in inputs.iter().enumerate() {
        let mut sink = Sink::new(Dest::Out {
            out: &mut *out,
            exporter,
            documents: &mut documents,
        });
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            process(input, opts, exporter, &mut sink)
        }));
        let outcome = match run {
            Ok(done) => {
                let (outcome, analysed) = done?;
                if after == After::Exit && k + 1 == inputs.len() {
                    std::mem::forget(analysed);
                }
                outcome
            }
            Err(_) => internal_error(input),
        };
        sink.send_buffered()?;
        drop(sink);
        summary.count(&outcome, &reporter);
        // Each input is visible downstream as soon as it is written.
        out.flush()?;
        reporter.done(&input.name);
    }
    reporter.finish();
    close(exporter, out, documents, summary, started)
}

/// Write one input's output as it arrives.
fn drain(
    rx: &Receiver<Msg>,
    exporter: &dyn Exporter,
    out: &mut dyn Write,
    documents: &mut usize,
    summary: &mut Summary,
    reporter: &Reporter,
) -> io::Result<()> {
    loop {
        match rx.recv() {
            Ok(Msg::Done(piece, outcome)) => {
                deliver(&piece, out, exporter, documents)?;
                summary.count(&outcome, reporter);
                // Each input is visible downstream as soon as it is written.
                return out.flush();
            }
            Ok(Msg::Chunk(piece)) => deliver(&piece, out, exporter, documents)?,
            // The worker ended without a word: only after an abort, which the caller handles.
            Err(_) => {
                summary.failed += 1;
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(4213), "4,213");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn summary_line() {
        let s = Summary {
            files: 31,
            ok: 30,
            failed: 1,
            indicators: 4213,
            elapsed: Duration::from_millis(1840),
        };
        assert_eq!(
            s.to_string(),
            "31 files, 30 ok, 1 failed, 4,213 indicators, 1.8 s"
        );
    }

    #[test]
    fn list_entries_split_at_lines_or_nul() {
        let lines: Vec<&[u8]> = list_entries(b"a.txt\r\nb c.pdf\n\nd\n", false).collect();
        assert_eq!(lines, vec![&b"a.txt"[..], b"b c.pdf", b"d"]);
        let nul: Vec<&[u8]> = list_entries(b"a\nb\0c\0\0", true).collect();
        assert_eq!(nul, vec![&b"a\nb"[..], b"c"]);
    }

    #[test]
    fn directories_are_walked_in_name_order_for_pdf_and_text() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/inner")).unwrap();
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        for f in [
            "z.txt",
            "a.PDF",
            "notes.md",
            "b/inner/c.txt",
            "b/a.txt",
            ".hidden/x.txt",
            ".dot.txt",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let inputs = expand(&[root.to_string_lossy().into_owned()], None, false).unwrap();
        let rel: Vec<String> = inputs
            .iter()
            .map(|i| {
                i.path
                    .as_ref()
                    .unwrap()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(rel, vec!["a.PDF", "b/a.txt", "b/inner/c.txt", "z.txt"]);
    }

    #[test]
    fn stdin_cannot_be_list_and_input() {
        assert!(expand(&["-".into()], Some("-"), false).is_err());
    }
}
