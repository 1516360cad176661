//! An article's body blocks. Links are followed only when the contract
//! allows their scheme; unknown blocks are skipped.

use gazette_model::contract::{Block, Span};
use gazette_model::links::safe_href;
use leptos::prelude::*;

use gazette_model::i18n::strings;
use gazette_model::lang::Lang;

/// An article's body blocks; `lang` is the article's (for the few labels).
#[component]
pub fn Body(blocks: Vec<Block>, lang: Lang) -> impl IntoView {
    view! { <div class="body">{blocks.into_iter().map(|b| block_view(b, lang)).collect_view()}</div> }
}

fn block_view(block: Block, lang: Lang) -> AnyView {
    match block {
        Block::Paragraph { text, spans } => view! {
            <p>{text}{spans.into_iter().map(span_view).collect_view()}</p>
        }
        .into_any(),
        Block::Heading { text } => view! { <h2>{text}</h2> }.into_any(),
        Block::Quote { text, cite } => view! {
            <figure class="quote">
                <blockquote><p>{text}</p></blockquote>
                {cite.map(|cite| view! { <figcaption>{cite}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::Image {
            src,
            alt,
            caption,
            credit,
            width,
            height,
        } => {
            let Some(src) = safe_href(&src).map(str::to_owned) else {
                return ().into_any();
            };
            view! {
                <figure class="figure">
                    <img src=src alt=alt width=width height=height loading="lazy" decoding="async"/>
                    <Caption caption credit lang/>
                </figure>
            }
            .into_any()
        }
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{item}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Unknown => ().into_any(),
    }
}

/// A figure's caption and photo credit, when it has either, labelled in
/// the article's language.
#[component]
pub fn Caption(caption: Option<String>, credit: Option<String>, lang: Lang) -> impl IntoView {
    let s = strings(lang);
    (caption.is_some() || credit.is_some()).then(|| {
        view! {
            <figcaption>
                {caption}
                {credit.map(|credit| view! {
                    <span class="credit"><span class="visually-hidden">{s.photo_credit}" "</span>{credit}</span>
                })}
            </figcaption>
        }
    })
}

fn span_view(span: Span) -> AnyView {
    let Span {
        text,
        href,
        em,
        strong,
    } = span;
    let mut inner = view! { {text} }.into_any();
    if em {
        inner = view! { <em>{inner}</em> }.into_any();
    }
    if strong {
        inner = view! { <strong>{inner}</strong> }.into_any();
    }
    match href.as_deref().and_then(safe_href) {
        Some(url) if url.starts_with('/') => {
            view! { <a href=url.to_owned()>{inner}</a> }.into_any()
        }
        Some(url) => view! {
            <a href=url.to_owned() rel="noopener">{inner}</a>
        }
        .into_any(),
        None => inner,
    }
}
