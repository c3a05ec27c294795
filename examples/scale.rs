//! Figures for BENCHMARKS.md that criterion does not give: alignment quality on
//! untyped plans against the generator's truth, and peak memory of a diff.
//!
//! ```text
//! cargo run --release --example scale
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use peacediff::synth::{self, Perturbation, Shape};

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

fn main() {
    println!("untyped alignment, 30 % reworded, slugs renamed:");
    for n in [2_000, 10_000] {
        let base = synth::plan(
            3,
            &Shape {
                typed: 0,
                ..Shape::clauses(n)
            },
        );
        let perturbation = Perturbation::untyped_rewording(0.3);
        let (derived, truth) = synth::perturb(&base, 4, &perturbation);
        let d = peacediff::diff(&base, &derived);
        println!(
            "  {n:>6} clauses: recall {:.4}, precision {:.4}",
            truth.recall(&d),
            truth.precision(&d)
        );
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
}
