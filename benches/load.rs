//! Loading the bundled plans: JSON parsing plus validation, against parsing alone.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.bench_function("from_json (parse + validate, 3 plans)", |b| {
        b.iter(|| {
            for json in peacediff::corpus::JSON {
                black_box(peacediff::Plan::from_json(black_box(json)).ok());
            }
        })
    });
    group.bench_function("serde_json::Value (parse only, 3 plans)", |b| {
        b.iter(|| {
            for json in peacediff::corpus::JSON {
                black_box(serde_json::from_str::<serde_json::Value>(black_box(json)).ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
