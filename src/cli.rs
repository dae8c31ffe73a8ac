//! The command line, declared in one place.

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "gazette",
    version,
    about = "Read Chinese government gazettes and work reports (政府公报, 政府工作报告): structure, figures, targets",
    after_help = "Examples:\n  gazette sections fixtures/xizang-2025-01.txt\n  gazette text fixtures/pdf/xizang-2025-01.libreoffice.pdf --page-markers\n  cat report.txt | gazette sections - --format json\n  gazette extract fixtures/xizang-2025-01.txt --format json\n  gazette extract report.html --lang en\n  gazette diff report-2025.pdf report-2026.pdf --chart chart.svg\n  gazette completions bash > gazette.bash"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of indicator labels in tables, charts and an extra JSON field `label`
    /// (en: the catalogue's English label where there is one).
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Indicators as the report names them.
    Zh,
    /// English labels from the catalogue.
    En,
}

impl From<Lang> for gazette::report::style::Lang {
    fn from(l: Lang) -> Self {
        match l {
            Lang::Zh => Self::Zh,
            Lang::En => Self::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the structure: masthead, contents, articles, parts, items (with pages and sizes).
    #[command(
        after_help = "Examples:\n  gazette sections report.pdf\n  gazette sections report.txt --format json --depth sentence\n  gazette sections saved-page.html   # a web page: the article, without its chrome"
    )]
    Sections(SectionsArgs),
    /// Print the canonical text every later stage works on.
    #[command(
        after_help = "Examples:\n  gazette text report.pdf > report.txt\n  gazette text report.pdf --page-markers | less\n  gazette text saved-page.html   # the article's text, one paragraph per line"
    )]
    Text(TextArgs),
    /// Find every numeric result and target: value, unit, comparator, indicator, kind, year, page.
    #[command(
        after_help = "Examples:\n  gazette extract fixtures/xizang-2025-01.txt\n  gazette extract report.pdf --format json > report.json\n  gazette extract reports/ --format jsonl --kind all > all.jsonl\n  find archive -name '*.pdf' -print0 | gazette extract --files-from - -0 -j 2 --format jsonl\n  gazette extract report.txt --key gdp_growth,cpi_growth --format csv"
    )]
    Extract(ExtractArgs),
    /// Results against targets: one report (last year's results vs this year's targets) or two
    /// (the earlier report's targets vs the later report's results for the same year).
    #[command(
        after_help = "Examples:\n  gazette diff fixtures/xizang-2025-01.txt\n  gazette diff report-2025.pdf report-2026.pdf --format markdown\n  gazette diff report-2025.txt report-2026.txt --fail-on missed   # exit 1 if a target was missed\n  gazette diff report-2025.pdf report-2026.pdf --chart chart.svg\n  gazette diff report-2025.pdf report-2026.pdf --format html > diff.html\n  gazette diff report.txt --lang en"
    )]
    Diff(DiffArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  gazette completions bash > ~/.local/share/bash-completion/completions/gazette\n  gazette completions zsh > ~/.zfunc/_gazette\n  gazette completions fish > ~/.config/fish/completions/gazette.fish"
    )]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`.
    #[command(
        after_help = "Examples:\n  gazette man > /usr/local/share/man/man1/gazette.1\n  gazette man | man -l -"
    )]
    Man,
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
    /// Read large files rather than map them into memory (mapping assumes that no other process
    /// writes a file during the run: one that truncates it meanwhile ends the run).
    #[arg(long)]
    pub no_mmap: bool,
}

impl InputArgs {
    pub fn mapping(&self) -> gazette::Mapping {
        if self.no_mmap {
            gazette::Mapping::Never
        } else {
            gazette::Mapping::Auto
        }
    }
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

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Text or PDF files, directories (walked recursively for *.pdf and *.txt, in name order), or
    /// `-` for standard input.
    #[arg(required_unless_present = "files_from")]
    pub inputs: Vec<String>,
    /// Also read the paths listed in FILE (`-` for standard input), one per line.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<String>,
    /// With --files-from: paths are separated by NUL bytes, as `find -print0` writes them.
    #[arg(short = '0', long = "null", requires = "files_from")]
    pub null: bool,
    /// Read this many files at once (default: one per core).
    #[arg(
        short = 'j',
        long = "jobs",
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    pub jobs: usize,
    /// No progress bar and no summary line on stderr (errors and warnings are still reported).
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub input_args: InputArgs,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,
    /// Kinds to keep: result, target, context, or all (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "result,target")]
    pub kind: Vec<KindFilter>,
    /// Keep only mentions with one of these catalogue keys (comma-separated), e.g. gdp_growth.
    #[arg(long, value_delimiter = ',')]
    pub key: Vec<String>,
    /// Keep only mentions whose section title contains this text (e.g. 工作回顾, （三）).
    #[arg(long)]
    pub section: Option<String>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// One report, or the earlier and the later report (text, PDF, or `-` for one of them).
    #[arg(required = true, num_args = 1..=2, value_name = "REPORT")]
    pub inputs: Vec<String>,
    #[command(flatten)]
    pub input_args: InputArgs,
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
    /// Also list indicators present on one side only.
    #[arg(long)]
    pub all: bool,
    /// Tolerance of a `左右` target for rates, in percentage points.
    #[arg(long, default_value_t = 0.5, value_name = "PP")]
    pub tolerance: f64,
    /// Tolerance of a `左右` target for amounts, as a share of the target.
    #[arg(long, default_value_t = 0.05, value_name = "SHARE")]
    pub relative_tolerance: f64,
    /// Compare two reports even if the years do not line up.
    #[arg(long)]
    pub force: bool,
    /// Exit with code 1 when a verdict of this kind is present (after printing everything).
    #[arg(long, value_enum, value_name = "KIND")]
    pub fail_on: Option<FailOn>,
    /// Also draw the results against the targets as an SVG chart into this file.
    #[arg(long, value_name = "FILE.svg")]
    pub chart: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// A target was missed (two reports).
    Missed,
    /// A target was set below last year's result (one report).
    Lowered,
    /// Missed, lowered, or a target with no reported result.
    Any,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    Table,
    Json,
    Csv,
    Markdown,
    /// A self-contained page with the chart and the table.
    Html,
}

impl From<DiffFormat> for gazette::report::diff::Format {
    fn from(f: DiffFormat) -> Self {
        match f {
            DiffFormat::Table => Self::Table,
            DiffFormat::Json => Self::Json,
            DiffFormat::Csv => Self::Csv,
            DiffFormat::Markdown => Self::Markdown,
            DiffFormat::Html => Self::Html,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    Table,
    Json,
    Jsonl,
    Csv,
    Markdown,
}

impl From<ExtractFormat> for gazette::report::extract::Format {
    fn from(f: ExtractFormat) -> Self {
        match f {
            ExtractFormat::Table => Self::Table,
            ExtractFormat::Json => Self::Json,
            ExtractFormat::Jsonl => Self::Jsonl,
            ExtractFormat::Csv => Self::Csv,
            ExtractFormat::Markdown => Self::Markdown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindFilter {
    Result,
    Target,
    Context,
    All,
}

impl KindFilter {
    /// The kinds the filters keep; empty for all.
    pub fn kinds(filters: &[KindFilter]) -> Vec<gazette::extract::Kind> {
        use gazette::extract::Kind;
        if filters.contains(&KindFilter::All) {
            return Vec::new();
        }
        filters
            .iter()
            .map(|f| match f {
                KindFilter::Result => Kind::Result,
                KindFilter::Target => Kind::Target,
                KindFilter::Context | KindFilter::All => Kind::Context,
            })
            .collect()
    }
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
