//! The model's speed for the reported deal, natively: schedule and metrics, in microseconds.
//! Run with `cargo bench --bench model`. Budget (issue 8): ≤ 50 µs.

use std::hint::black_box;
use std::time::Instant;

use deal_calculator::model::{scenario::Scenario, Outcome};

fn main() {
    let scenario = Scenario::reported();
    for _ in 0..200 {
        black_box(Outcome::compute(black_box(&scenario)).ok());
    }
    let mut samples = Vec::with_capacity(2_000);
    for _ in 0..2_000 {
        let start = Instant::now();
        black_box(Outcome::compute(black_box(&scenario)).ok());
        samples.push(start.elapsed().as_secs_f64() * 1e6);
    }
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q) as usize];
    let verdict = if at(0.5) <= 50.0 { "PASS" } else { "FAIL" };
    println!("model, native (reported deal, schedule + metrics): median {:.1} µs, p95 {:.1} µs — budget ≤ 50 µs: {verdict}", at(0.5), at(0.95));
}
