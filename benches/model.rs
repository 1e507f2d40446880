//! The model's speed natively: schedule and metrics for the reported deal (budget ≤ 50 µs, issue 3), and
//! reading a 100 KB hostile link (budget < 10 ms, issue 5). Run with `cargo bench --bench model`.

use std::hint::black_box;
use std::time::Instant;

use deal_calculator::model::{link, scenario::Scenario, Outcome};

/// Median and 95th percentile, in microseconds, of `runs` timed calls after 10% warm-up.
fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    for _ in 0..runs / 10 {
        f();
    }
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q) as usize];
    (at(0.5), at(0.95))
}

fn main() {
    let scenario = Scenario::reported();
    let (median, p95) = time(2_000, || {
        black_box(Outcome::compute(black_box(&scenario)).ok());
    });
    let verdict = if median <= 50.0 { "PASS" } else { "FAIL" };
    println!("model, native (reported deal, schedule + metrics): median {median:.1} µs, p95 {p95:.1} µs — budget ≤ 50 µs: {verdict}");

    let hostile = format!(
        "v=1&{}",
        (1..12_000)
            .map(|i| format!("t{i}=~1B"))
            .collect::<Vec<_>>()
            .join("&")
    );
    let hostile = &hostile[..100_000];
    let (median, p95) = time(200, || {
        black_box(link::decode(black_box(hostile)));
    });
    let verdict = if p95 < 10_000.0 { "PASS" } else { "FAIL" };
    println!("decoding a 100 KB link: median {median:.0} µs, p95 {p95:.0} µs — budget < 10 ms: {verdict}");
}
