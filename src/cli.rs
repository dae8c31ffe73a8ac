//! The command line, declared in one place.

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "gazette",
    version,
    about = "Read Chinese government gazettes and work reports (政府公报, 政府工作报告): structure, figures, targets",
    after_help = "Examples:\n  gazette sections fixtures/xizang-2025-01.txt\n  gazette text fixtures/pdf/xizang-2025-01.libreoffice.pdf --page-markers\n  cat report.txt | gazette sections - --format json"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the structure: masthead, contents, articles, parts, items (with pages and sizes).
    #[command(
        after_help = "Examples:\n  gazette sections report.pdf\n  gazette sections report.txt --format json --depth sentence"
    )]
    Sections(SectionsArgs),
    /// Print the canonical text every later stage works on.
    #[command(
        after_help = "Examples:\n  gazette text report.pdf > report.txt\n  gazette text report.pdf --page-markers | less"
    )]
    Text(TextArgs),
    /// Internal: parse a PDF from stdin in an isolated worker process.
    #[command(name = "__pdf-worker", hide = true)]
    PdfWorker,
}

/// How to read an input.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Text encoding of a text input (utf-8, gb18030, gbk, big5, utf-16le …); detected when absent.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Password of an encrypted PDF (an empty user password is tried first).
    #[arg(long, value_name = "PASSWORD")]
    pub password: Option<String>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = gazette::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

#[derive(Debug, Args)]
pub struct SectionsArgs {
    /// A text or PDF file, or `-` for standard input.
    pub input: String,
    #[command(flatten)]
    pub input_args: InputArgs,
    #[arg(long, value_enum, default_value_t = TreeFormat::Table)]
    pub format: TreeFormat,
    /// How deep the tree goes.
    #[arg(long, value_enum, default_value_t = Depth::Item)]
    pub depth: Depth,
}

#[derive(Debug, Args)]
pub struct TextArgs {
    /// A text or PDF file, or `-` for standard input.
    pub input: String,
    #[command(flatten)]
    pub input_args: InputArgs,
    /// Mark where each page starts with a line `=== page N ===`.
    #[arg(long)]
    pub page_markers: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TreeFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Depth {
    Item,
    Paragraph,
    Sentence,
}

impl From<Depth> for gazette::report::sections::Depth {
    fn from(d: Depth) -> Self {
        match d {
            Depth::Item => Self::Item,
            Depth::Paragraph => Self::Paragraph,
            Depth::Sentence => Self::Sentence,
        }
    }
}
