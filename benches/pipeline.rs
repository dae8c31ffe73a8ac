//! Normalise + segment + extract on the seed report (`fixtures/xizang-2025-01.txt`), whole and
//! stage by stage. `cargo bench --bench pipeline`; the corpus-wide figures are `bench/run.sh`.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use gazette::ingest::{IngestOptions, ingest_bytes};
use std::hint::black_box;

fn seed() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/xizang-2025-01.txt"
    ))
    .expect("the seed fixture")
}

fn pipeline(c: &mut Criterion) {
    let bytes = seed();
    let opts = IngestOptions::default();
    let mut g = c.benchmark_group("seed");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("normalise+segment+extract", |b| {
        b.iter(|| {
            let doc = gazette::analyse("seed", black_box(&bytes), &opts).expect("seed reads");
            gazette::extract::extract(&doc)
        })
    });
    // The pages as the binary normalises them (a UTF-8 text's lines, read in place).
    let pages = ingest_bytes(&bytes, &opts).expect("seed reads").pages;
    // The pages are copied for each run outside the time measured.
    g.bench_function("normalise", |b| {
        b.iter_batched(
            || pages.clone(),
            |pages| gazette::normalise::normalise_pages(black_box(pages)),
            BatchSize::SmallInput,
        )
    });
    let canonical = gazette::normalise::normalise_pages(pages);
    g.bench_function("segment", |b| {
        b.iter(|| gazette::segment::segment(black_box(&canonical)))
    });
    let doc = gazette::analyse("seed", &bytes, &opts).expect("seed reads");
    g.bench_function("extract", |b| {
        b.iter(|| gazette::extract::extract(black_box(&doc)))
    });
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
