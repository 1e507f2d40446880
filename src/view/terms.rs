//! Deal terms the report states without a figure, each with its source.

use yew::prelude::*;

const TERMS: [(&str, &str, &str); 5] = [
    (
        "Exclusive cloud distribution",
        "AWS becomes the exclusive third-party cloud distributor of OpenAI Frontier, OpenAI's agent platform.",
        "Report, Feb 2026",
    ),
    (
        "Stateful Runtime Environment",
        "Developed jointly and powered by OpenAI models, it runs on Amazon Bedrock.",
        "Report, Feb 2026",
    ),
    (
        "Customised models for Amazon",
        "OpenAI builds customised models for Amazon's customer-facing products and agents, such as Alexa and Echo.",
        "Report, Feb 2026",
    ),
    (
        "Stargate's obstacles",
        "The Stargate venture with Oracle and SoftBank faces questions of ownership, financing and regulation; the AWS deal reduces OpenAI's reliance on it.",
        "Report, Feb 2026",
    ),
    (
        "Other funding talks",
        "OpenAI is also in talks with Middle East sovereign wealth funds, Nvidia, Microsoft and SoftBank.",
        "Report, Feb 2026",
    ),
];

#[component]
pub fn DealTerms() -> Html {
    html! {
        <section class="group terms" aria-labelledby="terms-heading">
            <h2 id="terms-heading">{ "Deal terms without a figure" }</h2>
            <dl>
                { for TERMS.iter().map(|(term, text, source)| html! {
                    <div class="term">
                        <dt>{ *term }</dt>
                        <dd>{ *text }<span class="term-source">{ format!(" Source: {source}.") }</span></dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
