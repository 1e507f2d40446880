//! Links written by each version must open to the same numbers in every later version. The fixtures file holds
//! such links with the metrics they showed when written; never edit an entry, only add new ones.
#![cfg(not(target_arch = "wasm32"))]

use deal_calculator::model::link;
use deal_calculator::model::metrics::MetricKey;
use deal_calculator::model::Outcome;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixtures {
    links: Vec<Fixture>,
}

#[derive(Deserialize)]
struct Fixture {
    query: String,
    note: String,
    metrics: std::collections::BTreeMap<String, String>,
}

#[test]
fn every_fixture_link_still_shows_its_numbers() {
    let fixtures: Fixtures = serde_json::from_str(include_str!("link_fixtures.json")).unwrap();
    assert!(fixtures.links.len() >= 6);
    for fixture in &fixtures.links {
        let decoded = link::decode(&fixture.query);
        assert!(
            decoded.problems.is_empty(),
            "{}: {:?}",
            fixture.note,
            decoded.problems
        );
        let metrics = Outcome::compute(&decoded.scenario).unwrap().metrics;
        for (key, expected) in &fixture.metrics {
            let key_enum = MetricKey::from_key(key)
                .unwrap_or_else(|| panic!("{}: unknown metric {key}", fixture.note));
            let actual = metrics
                .get(key_enum)
                .map(|v| v.normalize().to_string())
                .unwrap_or_default();
            assert_eq!(
                &actual, expected,
                "{} ({}): {key}",
                fixture.note, fixture.query
            );
        }
        // Writing the decoded scenario again gives a link that reads back to the same scenario.
        assert_eq!(
            link::decode(&link::encode(&decoded.scenario)).scenario,
            decoded.scenario
        );
    }
}

/// Prints the metrics of a link, for adding a fixture: `FIXTURE_QUERY='v=1&…' cargo test --test link_fixtures
/// print_fixture -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_fixture() {
    let query = std::env::var("FIXTURE_QUERY").unwrap_or_default();
    let metrics = Outcome::compute(&link::decode(&query).scenario)
        .unwrap()
        .metrics;
    let entries: Vec<String> = metrics
        .iter()
        .map(|(key, value)| {
            format!(
                "\"{}\": \"{}\"",
                key.key(),
                value.map(|v| v.normalize().to_string()).unwrap_or_default()
            )
        })
        .collect();
    println!("{{ {} }}", entries.join(", "));
}
