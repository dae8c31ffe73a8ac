//! The `gazette` binary: parse the command line, run, turn errors into one line and an exit code.

mod allocator;
mod cli;

use anyhow::{Context, Result};
use clap::Parser;
use cli::{Cli, Command, InputArgs};
use gazette::document::Document;
use gazette::ingest::IngestOptions;
use std::io::Write;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: allocator::HugeBlocks = allocator::HugeBlocks;

/// Exit code for bad input or a failed run.
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    allocator::tune();
    let cli = Cli::parse();
    // The PDF worker limits its own address space: no room is taken for it beforehand.
    if !matches!(cli.command, Command::PdfWorker) {
        allocator::grow_heap();
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe downstream (`gazette … | head`) is not an error worth a message.
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("gazette: {}", gazette::batch::error_line(&e));
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    use std::io::IsTerminal;
    gazette::report::style::set(gazette::report::style::Style {
        lang: cli.lang.into(),
        colour: gazette::report::style::colour_wanted(
            std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        ),
    });
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "gazette", &mut out);
        }
        Command::Man => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
        }
        Command::PdfWorker => {
            let code =
                gazette::ingest::isolate::run_worker(std::env::var("GAZETTE_PDF_PASSWORD").ok());
            return Ok(ExitCode::from(code.clamp(0, 255) as u8));
        }
        Command::Sections(args) => {
            let doc = load(&args.input, &args.input_args)?;
            let rendered = match args.format {
                cli::TreeFormat::Table => gazette::report::sections::table(&doc, args.depth.into()),
                cli::TreeFormat::Json => gazette::report::sections::json(&doc, args.depth.into())?,
            };
            writeln!(out, "{rendered}")?;
        }
        Command::Extract(args) => return extract(&args, &mut out),
        Command::Diff(args) => return diff(&args, &mut out),
        Command::Text(args) => {
            let doc = load(&args.input, &args.input_args)?;
            let text = if args.page_markers {
                gazette::report::text::with_page_markers(&doc)
            } else {
                doc.text().to_string()
            };
            writeln!(out, "{text}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `gazette extract`: every input (files, directories, `--files-from`) on every core, output in
/// input order; a failed input is reported and the others go on.
fn extract(args: &cli::ExtractArgs, out: &mut dyn Write) -> Result<ExitCode> {
    use gazette::batch;
    let inputs = batch::expand(&args.inputs, args.files_from.as_deref(), args.null)?;
    if inputs.is_empty() {
        anyhow::bail!("no input files (directories are searched for *.pdf and *.txt)");
    }
    let opts = batch::Options {
        format: args.format.into(),
        filter: batch::Filter {
            kinds: cli::KindFilter::kinds(&args.kind),
            keys: args.key.clone(),
            section: args.section.clone(),
        },
        ingest: IngestOptions {
            encoding: args.input_args.encoding.clone(),
            password: args.input_args.password.clone(),
            in_process: false,
        },
        max_size: args.input_args.max_size,
        mapping: args.input_args.mapping(),
        jobs: args.jobs,
        progress: !args.quiet,
    };
    let summary = batch::run_to_exit(&inputs, &opts, out)?;
    // One input says all there is to say through its output and its error line.
    if !args.quiet && summary.files > 1 {
        eprintln!("{summary}");
    }
    Ok(if summary.failed > 0 {
        ExitCode::from(EXIT_BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    })
}

/// `gazette diff`: exit 0, 1 when `--fail-on` finds its verdict, 2 on bad input.
fn diff(args: &cli::DiffArgs, out: &mut dyn Write) -> Result<ExitCode> {
    use gazette::diff::{self, Verdict};
    let docs = args
        .inputs
        .iter()
        .map(|p| load(p, &args.input_args))
        .collect::<Result<Vec<_>>>()?;
    let inds: Vec<Vec<gazette::extract::Indicator>> =
        docs.iter().map(gazette::extract::extract).collect();
    let opts = diff::Options {
        all: args.all,
        tolerance: args.tolerance,
        relative_tolerance: args.relative_tolerance,
    };
    let result = match docs.len() {
        1 => diff::single(&docs[0], &inds[0], &opts),
        _ => diff::compare(
            (&docs[0], &inds[0]),
            (&docs[1], &inds[1]),
            args.force,
            &opts,
        )?,
    };
    gazette::report::diff::write(args.format.into(), out, &result, &opts)?;
    out.flush()?;
    if let Some(path) = &args.chart {
        let english = gazette::report::style::english();
        std::fs::write(path, gazette::report::chart::svg(&result, &opts, english))
            .with_context(|| format!("{}: cannot write the chart", path.display()))?;
    }
    eprintln!("gazette: {}", result.summary());
    let failing = |v: Verdict| match args.fail_on {
        Some(cli::FailOn::Missed) => v == Verdict::Missed,
        Some(cli::FailOn::Lowered) => v == Verdict::Lowered,
        Some(cli::FailOn::Any) => {
            matches!(v, Verdict::Missed | Verdict::Lowered | Verdict::NotReported)
        }
        None => false,
    };
    Ok(if result.rows.iter().any(|r| failing(r.verdict)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Read, normalise and segment one input; errors name the input.
fn load(path: &str, args: &InputArgs) -> Result<Document> {
    let name = if path == "-" { "<stdin>" } else { path };
    let bytes = gazette::read_input(path, args.max_size, args.mapping())
        .with_context(|| name.to_string())?;
    let opts = IngestOptions {
        encoding: args.encoding.clone(),
        password: args.password.clone(),
        in_process: false,
    };
    let doc = gazette::analyse_owned(path, bytes, &opts).with_context(|| name.to_string())?;
    for w in &doc.warnings {
        eprintln!("gazette: {name}: warning: {w}");
    }
    Ok(doc)
}
