//! gazette: read Chinese government gazettes and work reports, find every numeric result and
//! target, and compare them.
//!
//! The pipeline: [`ingest`] (bytes → pages) → [`normalise`] (pages → canonical text with a page
//! map) → [`segment`] (text → tree and metadata). Printing lives in [`report`].

pub mod batch;
pub mod chars;
pub mod chrome;
pub mod diff;
pub mod document;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod lexicon;
pub mod normalise;
pub mod patterns;
pub mod report;
pub mod segment;

use document::{Document, SourceInfo};
use error::IngestError;
use ingest::{IngestOptions, RawDocument};
use std::io::Read;

/// Inputs larger than this are refused unless the caller raises the limit.
pub const DEFAULT_MAX_SIZE: u64 = 200 * 1024 * 1024;

/// Files at least this large are mapped into memory rather than read: the kernel then neither
/// copies them nor zeroes a buffer for them. Below it, reading costs less than setting up a map.
pub const MAP_MIN_SIZE: u64 = 1024 * 1024;

/// Whether a large file may be mapped into memory (see [`MAP_MIN_SIZE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mapping {
    #[default]
    Auto,
    /// Always read: a mapped file that another process truncates while it is read ends the
    /// process with SIGBUS.
    Never,
}

/// The bytes of an input: read into memory, or mapped from a large file.
pub enum InputBytes {
    Read(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for InputBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            InputBytes::Read(v) => v,
            InputBytes::Mapped(m) => m,
        }
    }
}

/// Read an input: a path, or `-` for standard input. At most `max_size` bytes are accepted.
pub fn read_input(path: &str, max_size: u64, mapping: Mapping) -> Result<InputBytes, IngestError> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(max_size + 1)
            .read_to_end(&mut buf)?;
        if buf.len() as u64 > max_size {
            return Err(IngestError::TooLarge {
                size: buf.len() as u64,
                limit: max_size,
            });
        }
        return Ok(InputBytes::Read(buf));
    }
    read_input_path(std::path::Path::new(path), max_size, mapping)
}

/// Read a file (a path that need not be UTF-8). At most `max_size` bytes are accepted.
pub fn read_input_path(
    path: &std::path::Path,
    max_size: u64,
    mapping: Mapping,
) -> Result<InputBytes, IngestError> {
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(IngestError::IsDirectory);
    }
    if meta.len() > max_size {
        return Err(IngestError::TooLarge {
            size: meta.len(),
            limit: max_size,
        });
    }
    if mapping == Mapping::Auto && meta.is_file() && meta.len() >= MAP_MIN_SIZE {
        let file = std::fs::File::open(path)?;
        // SAFETY: the map is only read, as the file's bytes; text validated as UTF-8 is then
        // read in place. This assumes that nothing writes the file while gazette reads it:
        // another process writing it meanwhile could change bytes already validated, and one
        // truncating it (or an I/O error of the storage) ends this process with SIGBUS.
        // `--no-mmap` reads files that may change during a run. A map that fails is no error:
        // the file is read.
        if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
            // The size may have changed since it was asked.
            if map.len() as u64 > max_size {
                return Err(IngestError::TooLarge {
                    size: map.len() as u64,
                    limit: max_size,
                });
            }
            return Ok(InputBytes::Mapped(map));
        }
    }
    Ok(InputBytes::Read(std::fs::read(path)?))
}

/// [`analyse`], taking the bytes: they are dropped as soon as nothing reads them (once decoded,
/// or, for UTF-8 text whose pages are lines of the bytes, once normalised), so that a large
/// input is not held twice.
pub fn analyse_owned(
    path: &str,
    bytes: InputBytes,
    opts: &IngestOptions,
) -> Result<Document, IngestError> {
    let size = bytes.len() as u64;
    let normalised = match ingest::ingest_bytes(&bytes, opts)?.owned() {
        Ok(raw) => {
            drop(bytes);
            normalised(raw)?
        }
        Err(in_place) => {
            let normalised = normalised(in_place)?;
            drop(bytes);
            normalised
        }
    };
    Ok(segmented(path, normalised, size))
}

/// Turn the bytes of one input into a segmented document. `path` is only used to name the source.
pub fn analyse(path: &str, bytes: &[u8], opts: &IngestOptions) -> Result<Document, IngestError> {
    let normalised = normalised(ingest::ingest_bytes(bytes, opts)?)?;
    Ok(segmented(path, normalised, bytes.len() as u64))
}

/// An input normalised, with what ingesting it told.
struct Normalised {
    kind: ingest::SourceKind,
    encoding: Option<String>,
    pages: u32,
    canonical: normalise::Canonical,
    warnings: Vec<String>,
}

/// Normalise the pages of an input; an input with no text left is an error.
fn normalised(raw: RawDocument) -> Result<Normalised, IngestError> {
    let RawDocument {
        kind,
        encoding,
        pages,
        warnings,
    } = raw;
    let canonical = normalise::normalise_pages(pages);
    let page_total = canonical.page_count;
    if canonical.text.trim().is_empty() {
        return Err(IngestError::NoText(
            "nothing left after removing page furniture".into(),
        ));
    }
    Ok(Normalised {
        kind,
        encoding,
        pages: page_total,
        canonical,
        warnings,
    })
}

/// Segment a normalised input of `size` bytes.
fn segmented(path: &str, normalised: Normalised, size: u64) -> Document {
    let Normalised {
        kind,
        encoding,
        pages: page_total,
        mut canonical,
        warnings,
    } = normalised;
    // Traditional script is segmented through its simplified fold (same byte offsets), so that
    // headings and header lines are recognised by the same rules; the text keeps its characters.
    // The fold is made in place and undone after, so that a large input is not held twice.
    let script_marks = lexicon::script::marks(&canonical.text);
    let replaced = lexicon::script::fold_in_place(&mut canonical.text, &script_marks);
    let (mut root, mut meta) = segment::segment(&canonical);
    // What the fold wrote, kept so that extraction reads any piece of the text folded without
    // folding it again.
    let folds: Vec<(usize, char)> = replaced
        .iter()
        .filter_map(|&(at, _)| Some((at, canonical.text[at..].chars().next()?)))
        .collect();
    if !replaced.is_empty() {
        let folded = &canonical.text;
        let fold = Fold::new(folded, &replaced, &folds);
        restore_titles(&mut root, &fold);
        for field in [&mut meta.title, &mut meta.speaker, &mut meta.publication] {
            if let Some(t) = field.as_mut() {
                *t = fold.original_of(t, 0, folded.len());
            }
        }
        lexicon::script::unfold_in_place(&mut canonical.text, &replaced);
    }
    Document {
        source: SourceInfo {
            path: path.to_string(),
            kind,
            encoding,
            pages: page_total,
            bytes: size,
        },
        canonical,
        meta,
        root,
        folds,
        warnings,
    }
}

/// What the script fold did to a text: the folded text, the characters it replaced (by
/// offset), and the characters it wrote in their place (sorted).
struct Fold<'a> {
    folded: &'a str,
    replaced: &'a [(usize, char)],
    written: Vec<char>,
}

impl<'a> Fold<'a> {
    /// `folds`: what the fold wrote at each of the `replaced` offsets.
    fn new(folded: &'a str, replaced: &'a [(usize, char)], folds: &[(usize, char)]) -> Fold<'a> {
        let mut written: Vec<char> = folds.iter().map(|&(_, c)| c).collect();
        written.sort_unstable();
        written.dedup();
        Fold {
            folded,
            replaced,
            written,
        }
    }

    /// `s` as the original writes it, where `s` occurs in `folded[start..end]` (the fold keeps
    /// byte offsets); else `s` unchanged (titles that are not a piece of the text). A piece of
    /// the folded text that holds no character the fold wrote is the original's already, so `s`
    /// is only looked for when it holds one.
    fn original_of(&self, s: &str, start: usize, end: usize) -> String {
        if !s.chars().any(|c| self.written.binary_search(&c).is_ok()) {
            return s.to_string();
        }
        self.folded
            .get(start..end)
            .and_then(|within| within.find(s))
            .map_or_else(
                || s.to_string(),
                |at| {
                    let (from, to) = (start + at, start + at + s.len());
                    lexicon::script::patched(self.folded, from, to, self.replaced).into_owned()
                },
            )
    }
}

/// Titles of a tree segmented through the folded text, in the characters of the original. Only
/// nodes whose text the fold changed can have a title that differs.
fn restore_titles(node: &mut document::Node, fold: &Fold) {
    // A paragraph of running text has no title of its own (`Node::title_in` reads it from the
    // text, which is the original's): most nodes are such paragraphs.
    if !node.title.is_empty()
        && fold
            .replaced
            .get(fold.replaced.partition_point(|&(at, _)| at < node.start))
            .is_some_and(|&(at, _)| at < node.end)
    {
        node.title = fold.original_of(&node.title, node.start, node.end);
    }
    for child in &mut node.children {
        restore_titles(child, fold);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_files_are_mapped_unless_told_not_to() {
        let dir = tempfile::tempdir().unwrap();
        let large = dir.path().join("large.txt");
        let small = dir.path().join("small.txt");
        std::fs::write(&large, "增长5%。\n".repeat(MAP_MIN_SIZE as usize / 10 + 1)).unwrap();
        std::fs::write(&small, "增长5%。\n").unwrap();
        let read = |path: &std::path::Path, mapping| read_input_path(path, u64::MAX, mapping);
        let mapped = read(&large, Mapping::Auto).unwrap();
        assert!(matches!(mapped, InputBytes::Mapped(_)));
        let plain = read(&large, Mapping::Never).unwrap();
        assert!(matches!(plain, InputBytes::Read(_)));
        assert_eq!(&*mapped, &*plain);
        assert!(matches!(
            read(&small, Mapping::Auto).unwrap(),
            InputBytes::Read(_)
        ));
        // The limit holds for a mapped file too.
        assert!(matches!(
            read_input_path(&large, MAP_MIN_SIZE, Mapping::Auto),
            Err(IngestError::TooLarge { .. })
        ));
    }
}
