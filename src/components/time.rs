//! Dates inside `<time datetime>`.

use gazette_model::contract::Timestamp;
use gazette_model::dates::format_date;
use gazette_model::lang::Lang;
use leptos::prelude::*;

/// A calendar date in `lang`, as the API's offset gives it.
#[component]
pub fn DateText(at: Timestamp, lang: Lang) -> impl IntoView {
    view! { <time datetime=at.to_rfc3339()>{format_date(&at, lang)}</time> }
}
