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
        .filter(|x| {
            right.iter().map(|y| word_ratio(x, y)).fold(0.0, f64::max)
                >= align::Options::default().similarity_threshold()
        })
        .count()
}

/// The clause texts of the plans as sorted word ids, words compared as
/// [`align::similarity`] compares them (lowercase, without punctuation at either end).
fn words<const N: usize>(plans: [&Plan; N]) -> [Vec<Vec<u32>>; N] {
    let mut ids: HashMap<String, u32> = HashMap::new();
    plans.map(|plan| {
        let mut intern = |word: &str| {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            (!word.is_empty()).then(|| *ids.entry(word).or_insert(next))
        };
        let texts = plan.clauses().values().map(|c| {
            let mut words: Vec<u32> = c.text.split_whitespace().filter_map(&mut intern).collect();
            words.sort_unstable();
            words
        });
        texts.collect()
    })
}

/// Twice the words two sorted lists share over the words of both, as
/// [`align::similarity`] computes it.
fn word_ratio(x: &[u32], y: &[u32]) -> f64 {
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while let (Some(a), Some(b)) = (x.get(i), y.get(j)) {
        match a.cmp(b) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (x.len() + y.len()) as f64
}

/// The baseline scores pairs exactly as the engine's public similarity does.
fn check_baseline(a: &Plan, b: &Plan) {
    let [left, right] = words([a, b]);
    let texts = a.clauses().values().zip(b.clauses().values()).take(50);
    for ((x, y), (p, q)) in left.iter().zip(&right).zip(texts) {
        assert_eq!(word_ratio(x, y), align::similarity(&p.text, &q.text));
    }
}

/// Reads every byte of the plans' clause ids, texts and slugs once: a linear pass
/// that shows how this machine's memory, not the engine, scales with the plans' size.
fn read(plans: [&Plan; 2]) -> usize {
    let bytes = |text: &str| text.bytes().map(usize::from).sum::<usize>();
    let clauses = plans.into_iter().flat_map(|plan| plan.clauses().values());
    clauses
        .map(|c| bytes(c.id()) + bytes(&c.text) + c.provisions.iter().map(|p| bytes(p.slug())).sum::<usize>())
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
