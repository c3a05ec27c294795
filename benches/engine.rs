//! The engine on seeded synthetic plans, with the baselines measured in the same run.
//!
//! `cargo bench --bench engine` runs everything; pass a filter to run a part, such as
//! `cargo bench --bench engine -- diff_typed/10000`. BENCHMARKS.md records the figures.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use peacediff::synth::{self, Perturbation, Shape, Texts, Workload};
use peacediff::{Plan, align, compare, diff};

/// The typed workload: the default perturbation (20 % reworded, 10 % amended, 5 % added,
/// removed and moved, 2 % split and joined).
fn typed_pair(n: usize) -> (Plan, Plan) {
    let base = synth::plan(1, &Shape::clauses(n));
    let (derived, _) = synth::perturb(&base, 2, &Perturbation::default());
    (base, derived)
}

/// The untyped workload: `other` provisions only, slugs renamed, 30 % reworded.
fn untyped_pair(n: usize) -> (Plan, Plan) {
    let base = synth::plan(3, &Shape::untyped(n));
    let perturbation = Perturbation::untyped_rewording(0.3);
    let (derived, _) = synth::perturb(&base, 4, &perturbation);
    (base, derived)
}

/// All-pairs similarity and the best partner for each clause: the exhaustive baseline.
/// Texts are split into words once; every pair is then scored as [`align::similarity`]
/// scores it.
fn exhaustive(a: &Plan, b: &Plan) -> usize {
    let [left, right] = words([a, b]);
    left.iter()
        .filter(|x| right.iter().map(|y| word_ratio(x, y)).fold(0.0, f64::max) >= align::SIMILARITY_THRESHOLD)
        .count()
}

/// The clause texts of the plans as word ids.
fn words<'p, const N: usize>(plans: [&'p Plan; N]) -> [Vec<Vec<u32>>; N] {
    let mut ids: HashMap<&'p str, u32> = HashMap::new();
    plans.map(|plan| {
        let texts = plan.clauses.values().map(|c| c.text.split_whitespace());
        let mut intern = |word: &'p str| {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            *ids.entry(word).or_insert(next)
        };
        texts.map(|words| words.map(&mut intern).collect()).collect()
    })
}

/// The share of words a Patience diff keeps, as [`align::similarity`] computes it.
fn word_ratio(x: &[u32], y: &[u32]) -> f64 {
    if x == y {
        return 1.0;
    }
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, x, y);
    let matched: usize = ops
        .iter()
        .map(|op| match op {
            similar::DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    // `similar` reports its ratio as an f32.
    f64::from((2 * matched) as f32 / (x.len() + y.len()) as f32)
}

/// The baseline scores pairs exactly as the engine's public similarity does.
fn check_baseline(a: &Plan, b: &Plan) {
    let [left, right] = words([a, b]);
    let texts = a.clauses.values().zip(b.clauses.values()).take(50);
    for ((x, y), (p, q)) in left.iter().zip(&right).zip(texts) {
        assert_eq!(word_ratio(x, y), align::similarity(&p.text, &q.text));
    }
}

/// Reads every byte of the plans' clause ids, texts and slugs once: a linear pass
/// that shows how this machine's memory, not the engine, scales with the plans' size.
fn read(plans: [&Plan; 2]) -> usize {
    let bytes = |text: &str| text.bytes().map(usize::from).sum::<usize>();
    let clauses = plans.into_iter().flat_map(|plan| plan.clauses.values());
    clauses
        .map(|c| bytes(&c.id) + bytes(&c.text) + c.provisions.iter().map(|p| bytes(p.slug())).sum::<usize>())
        .sum()
}

/// Ten samples after a short warm-up: the large sizes take seconds per iteration.
fn few_samples(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
}

fn sizes() -> Vec<usize> {
    vec![100, 1_000, 10_000, 100_000]
}

fn typed(c: &mut Criterion) {
    let mut group = c.benchmark_group("diff_typed");
    few_samples(&mut group);
    for n in sizes() {
        let (a, b) = typed_pair(n);
        let (json_a, json_b) = (a.to_json(), b.to_json());
        // Up to seconds per iteration at 100,000 clauses: equal one-iteration samples.
        group.sampling_mode(if n >= 100_000 {
            SamplingMode::Flat
        } else {
            SamplingMode::Auto
        });
        group.bench_with_input(BenchmarkId::new("diff", n), &n, |bench, _| {
            bench.iter(|| black_box(diff(&a, &b)))
        });
        group.bench_with_input(BenchmarkId::new("read_both", n), &n, |bench, _| {
            bench.iter(|| black_box(read([&a, &b])))
        });
        group.bench_with_input(BenchmarkId::new("deserialise_both", n), &n, |bench, _| {
            bench.iter(|| black_box((Plan::from_json(&json_a).ok(), Plan::from_json(&json_b).ok())))
        });
        group.bench_with_input(BenchmarkId::new("compare_2", n), &n, |bench, _| {
            bench.iter(|| black_box(compare(&[&a, &b]).ok()))
        });
        group.bench_with_input(BenchmarkId::new("line_diff_json", n), &n, |bench, _| {
            bench.iter(|| {
                let d = similar::TextDiff::from_lines(&json_a, &json_b);
                black_box(d.ops().len())
            })
        });
        let plans: Vec<Plan> = (0..5u64)
            .map(|seed| synth::perturb(&a, seed, &Perturbation::default()).0)
            .collect();
        let refs: Vec<&Plan> = plans.iter().collect();
        group.bench_with_input(BenchmarkId::new("compare_5", n), &n, |bench, _| {
            bench.iter(|| black_box(compare(&refs).ok()))
        });
    }
    group.finish();
}

fn untyped(c: &mut Criterion) {
    let mut group = c.benchmark_group("diff_untyped");
    few_samples(&mut group);
    for n in [100, 1_000, 2_000, 10_000] {
        let (a, b) = untyped_pair(n);
        group.sampling_mode(SamplingMode::Auto);
        group.bench_with_input(BenchmarkId::new("diff", n), &n, |bench, _| {
            bench.iter(|| black_box(diff(&a, &b)))
        });
        if n <= 2_000 {
            check_baseline(&a, &b);
            // Seconds per iteration: ten single-iteration samples, not criterion's ramp.
            group.sampling_mode(SamplingMode::Flat);
            group.bench_with_input(BenchmarkId::new("exhaustive", n), &n, |bench, _| {
                bench.iter(|| black_box(exhaustive(&a, &b)))
            });
        }
    }
    group.finish();
}

/// Every workload of the generator at 10,000 clauses: the typical typed diff, and
/// the shapes real collections have (repeated subjects, boilerplate, near-duplicates,
/// one subject for every clause, rewording by synonyms), plus every clause alike.
fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    few_samples(&mut group);
    let n = 10_000;
    for workload in Workload::ALL {
        let (a, b, _) = workload.generate(n, 1);
        group.bench_function(BenchmarkId::new(workload.name(), n), |bench| {
            bench.iter(|| black_box(diff(&a, &b)))
        });
    }
    let same_words = Shape {
        texts: Texts::Same,
        ..Shape::untyped(n)
    };
    let a = synth::plan(5, &same_words);
    let renamed = Perturbation {
        rename_untyped: true,
        ..Perturbation::default()
    };
    let (b, _) = synth::perturb(&a, 6, &renamed);
    group.bench_function(BenchmarkId::new("same_words", n), |bench| {
        bench.iter(|| black_box(diff(&a, &b)))
    });
    group.finish();
}

criterion_group!(benches, typed, untyped, adversarial);
criterion_main!(benches);
