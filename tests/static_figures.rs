//! index.html carries the reported deal's headline figures as static text, for readers without JavaScript or
//! WebAssembly. They must say what the model says.
#![cfg(not(target_arch = "wasm32"))]

use deal_calculator::model::format;
use deal_calculator::model::metrics::MetricKey;
use deal_calculator::model::scenario::Scenario;
use deal_calculator::model::Outcome;

#[test]
fn static_figures_match_the_model() {
    let html = include_str!("../index.html");
    let metrics = Outcome::compute(&Scenario::reported()).unwrap().metrics;
    let mut checked = 0;
    for chunk in html.split("data-static-metric=\"").skip(1) {
        let (key, rest) = chunk.split_once('"').unwrap();
        let metric = MetricKey::from_key(key)
            .unwrap_or_else(|| panic!("unknown metric {key} in index.html"));
        let label = rest
            .split("<dt>")
            .nth(1)
            .unwrap()
            .split("</dt>")
            .next()
            .unwrap();
        let value = rest
            .split("<dd>")
            .nth(1)
            .unwrap()
            .split("</dd>")
            .next()
            .unwrap();
        // The app keeps an empty line under each figure for the reported value; so must the static page, or the
        // first render would move everything below the figures.
        let tile = rest.split("</div>").next().unwrap();
        assert!(
            tile.ends_with(r#"<dd class="was" aria-hidden="true"></dd>"#),
            "{key}: {tile}"
        );
        assert_eq!(label, metric.label(), "{key}");
        assert_eq!(value, format::metric(metric, metrics.get(metric)), "{key}");
        checked += 1;
    }
    assert_eq!(checked, 9);

    // The shared link's picture (web/preview.png) is described in words for those who cannot see it.
    let alt = html
        .split(r#"<meta property="og:image:alt" content=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("index.html describes its preview picture");
    for metric in [
        MetricKey::InvestmentTotal,
        MetricKey::InfrastructureTotal,
        MetricKey::AmazonNetNominal,
        MetricKey::CommitmentsShare,
    ] {
        let figure = format::metric(metric, metrics.get(metric));
        assert!(alt.contains(&figure), "{figure} in {alt}");
    }
}
