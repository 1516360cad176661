//! A comment's body: paragraphs, line breaks and links, all as text nodes.

use gazette_model::comment_text::{split_body, Segment};
use leptos::prelude::*;

pub fn comment_body(body: &str) -> impl IntoView {
    split_body(body)
        .into_iter()
        .map(|lines| {
            let count = lines.len();
            let lines = lines
                .into_iter()
                .enumerate()
                .map(|(i, segments)| {
                    let segments = segments.into_iter().map(segment_view).collect_view();
                    (segments, (i + 1 < count).then(|| view! { <br/> }))
                })
                .collect_view();
            view! { <p>{lines}</p> }
        })
        .collect_view()
}

fn segment_view(segment: Segment<'_>) -> AnyView {
    match segment {
        Segment::Text(text) => text.to_owned().into_any(),
        Segment::Link(url) => {
            let (href, text) = (url.to_owned(), url.to_owned());
            view! { <a href=href rel="nofollow ugc noopener">{text}</a> }.into_any()
        }
    }
}
