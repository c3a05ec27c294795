//! Figures for BENCHMARKS.md that criterion does not give: alignment quality on
//! every workload of the generator against its truth, with the time of each diff
//! as a ratio of the typical typed diff in the same run, the time of rendering a
//! large diff in each format as a ratio of JSON, peak memory of a diff, and the
//! memory and time of writing a 100,000-clause diff's JSON against loading its plans.
//!
//! ```text
//! cargo run --release --example scale
//! cargo run --release --example scale -- 1000 10000 100000   # the workloads at these sizes
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use std::io;
use std::time::{Duration, Instant};

use peacediff::render::{Format, Options, Render, json};
use peacediff::synth::{self, Perturbation, Shape, Workload};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The least of three timings of `run`.
fn best_of_three<T>(mut run: impl FnMut() -> T) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(run());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!(
            "Prints the figures of BENCHMARKS.md that criterion does not give.\n\n\
             Usage: cargo run --release --example scale -- [SIZES]...\n\n\
             SIZES: clause counts of the workloads [default: 1000 10000]"
        );
        return;
    }
    if let Some(bad) = args.iter().find(|a| a.parse::<usize>().is_err()) {
        eprintln!(
            "error: `{}` is not a clause count (try --help)",
            bad.escape_debug()
        );
        std::process::exit(2);
    }
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000]
    } else {
        sizes
    };
    println!(
        "alignment quality and time per workload (diff of a plan and its derived copy; best of 3 runs):"
    );
    println!(
        "  {:>16} {:>7} {:>8} {:>9} {:>10} {:>9}",
        "workload", "clauses", "recall", "precision", "diff ms", "× typed"
    );
    let mut previous: Option<(usize, Vec<f64>, f64)> = None;
    for &n in &sizes {
        let mut typed = f64::NAN;
        let mut times = Vec::new();
        let mut load = 0.0;
        for workload in Workload::ALL {
            let (base, derived, truth) = workload.generate(n, 1);
            let d = peacediff::diff(&base, &derived);
            let (recall, precision) = (truth.recall(&d), truth.precision(&d));
            drop(d);
            let ms = best_of_three(|| peacediff::diff(&base, &derived)).as_secs_f64() * 1e3;
            if workload == Workload::Typed {
                typed = ms;
                let (a, b) = (base.to_json(), derived.to_json());
                load = best_of_three(|| (peacediff::Plan::from_json(&a), peacediff::Plan::from_json(&b)))
                    .as_secs_f64()
                    * 1e3;
            }
            times.push(ms);
            println!(
                "  {:>16} {n:>7} {recall:>8.4} {precision:>9.4} {ms:>10.1} {:>9.2}",
                workload.name(),
                ms / typed
            );
        }
        println!(
            "  {:>16} {n:>7} {:>8} {:>9} {load:>10.1}",
            "(deserialise)", "", ""
        );
        if let Some((m, before, load_before)) = &previous {
            let growth: Vec<String> = Workload::ALL
                .iter()
                .zip(times.iter().zip(before))
                .map(|(w, (now, then))| format!("{} {:.1} ×", w.name(), now / then))
                .collect();
            println!(
                "  growth {m} → {n}: deserialise {:.1} ×; {}",
                load / load_before,
                growth.join(", ")
            );
        }
        previous = Some((n, times, load));
    }

    println!("rendering a typed diff, as a ratio of its JSON rendering (best of 3 runs):");
    {
        let n = 40_000;
        let base = synth::plan(1, &Shape::clauses(n));
        let (derived, _) = synth::perturb(&base, 2, &Perturbation::default());
        let d = peacediff::diff(&base, &derived);
        let options = Options::width(100).with_color(true);
        let time = |format: Format| best_of_three(|| d.render(format, &options)).as_secs_f64() * 1e3;
        let json = time(Format::Json);
        let others: Vec<String> = [Format::Terminal, Format::Markdown, Format::Html]
            .iter()
            .map(|&f| {
                let ms = time(f);
                format!("{f} {ms:.0} ms ({:.2} ×)", ms / json)
            })
            .collect();
        println!("  {n:>6} clauses: json {json:.0} ms; {}", others.join(", "));
    }

    println!("peak memory of a typed diff (bytes allocated at once):");
    for n in [1_000, 10_000, 100_000] {
        let base = synth::plan(1, &Shape::clauses(n));
        let (derived, _) = synth::perturb(&base, 2, &Perturbation::default());
        let plans = IN_USE.load(Ordering::Relaxed);
        PEAK.store(plans, Ordering::Relaxed);
        let d = peacediff::diff(&base, &derived);
        let peak = PEAK.load(Ordering::Relaxed) - plans;
        drop(d);
        // The two loaded plans are (nearly) all that is in use before the diff.
        println!(
            "  {n:>6} clauses: plans {:.1} MB, diff peak {:.1} MB above them ({:.2} × the plans)",
            plans as f64 / 1e6,
            peak as f64 / 1e6,
            peak as f64 / plans as f64
        );
    }

    println!("JSON of a typed diff, written to a sink as it is made (render::json::write):");
    {
        let n = 100_000;
        let base = synth::plan(1, &Shape::clauses(n));
        let (derived, _) = synth::perturb(&base, 2, &Perturbation::default());
        let plans = IN_USE.load(Ordering::Relaxed);
        PEAK.store(plans, Ordering::Relaxed);
        let d = peacediff::diff(&base, &derived);
        let held = IN_USE.load(Ordering::Relaxed);
        let diff_peak = PEAK.load(Ordering::Relaxed);
        PEAK.store(held, Ordering::Relaxed);
        let mut out = Counted::default();
        if let Err(err) = json::write(&d, &mut out) {
            eprintln!("writing the diff's JSON failed: {err}");
        }
        let write_peak = PEAK.load(Ordering::Relaxed);
        let peak = diff_peak.max(write_peak) - plans;
        let write = best_of_three(|| json::write(&d, io::sink()).is_ok()).as_secs_f64() * 1e3;
        drop(d);
        let (a, b) = (base.to_json(), derived.to_json());
        drop((base, derived));
        let load = best_of_three(|| (peacediff::Plan::from_json(&a), peacediff::Plan::from_json(&b)))
            .as_secs_f64()
            * 1e3;
        let mb = |bytes: usize| bytes as f64 / 1e6;
        println!(
            "  {n:>6} clauses: plans {:.1} MB; the diff holds {:.1} MB; its JSON is {:.1} MB",
            mb(plans),
            mb(held - plans),
            mb(out.0)
        );
        println!(
            "  peak above the plans while diffing and writing {:.1} MB ({:.2} × the plans; writing alone adds {:.1} MB to the diff)",
            mb(peak),
            peak as f64 / plans as f64,
            mb(write_peak - held)
        );
        println!(
            "  writing the JSON {write:.0} ms; deserialising both plans from JSON {load:.0} ms; {:.2} × the deserialising",
            write / load
        );
    }
}

/// A writer that counts the bytes written and keeps none.
#[derive(Default)]
struct Counted(usize);

impl io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
