//! Component tests in headless Chromium (wasm-bindgen-test): what needs a
//! real DOM. Run by scripts/test.sh with
//! `cargo test -p gazette --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use gazette::comments::{Posting, ThreadCtx, ThreadList};
use gazette::components::blocks::Body;
use gazette::components::summary::ArticleCard;
use gazette::context::{SiteContext, UiLang};
use gazette::load::Load;
use gazette_model::contract::{
    ArticleSummary, Block, Comment, CommentSettings, CommentStatus, SectionRef, Span, Timestamp,
};
use gazette_model::lang::Lang;
use gazette_model::thread::Thread;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` in a fresh element with the French interface and a router.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + Send + 'static) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(UiLang(RwSignal::new(Lang::Fr)));
        provide_context(SiteContext(signal(Load::Loading).0));
        view! { <Router>{view()}</Router> }
    });
    handle.forget();
    host
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

#[wasm_bindgen_test]
fn body_follows_only_allowed_links_and_skips_unknown_blocks() {
    let blocks = vec![
        Block::Paragraph {
            text: None,
            spans: vec![
                Span {
                    text: "sûr".into(),
                    href: Some("https://example.org/a".into()),
                    em: false,
                    strong: true,
                },
                Span {
                    text: " piège".into(),
                    href: Some("javascript:alert(1)".into()),
                    em: true,
                    strong: false,
                },
            ],
        },
        Block::Unknown,
        Block::List {
            ordered: true,
            items: vec!["un".into(), "<b>deux</b>".into()],
        },
    ];
    let host = mount(move || view! { <Body blocks lang=Lang::Fr/> });
    let links = host.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "only the https link is a link");
    let link: web_sys::Element = links.get(0).unwrap().unchecked_into();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/a")
    );
    assert!(host.query_selector("strong a, a strong").unwrap().is_some());
    assert!(
        host.text_content().unwrap().contains("piège"),
        "the unsafe link stays as text"
    );
    assert!(host.query_selector("ol li").unwrap().is_some());
    assert!(
        host.query_selector("b").unwrap().is_none(),
        "list items are text, not HTML"
    );
    assert!(host.text_content().unwrap().contains("<b>deux</b>"));
}

#[wasm_bindgen_test]
fn card_shows_reading_time_and_the_article_direction() {
    let summary = ArticleSummary {
        slug: "maarid".into(),
        title: "معرض الخط".into(),
        lede: None,
        section: SectionRef {
            slug: "culture".into(),
            name: "Culture".into(),
            description: None,
        },
        lang: "ar".into(),
        published_at: at("2026-03-19T13:13:00+01:00"),
        updated_at: None,
        image: None,
        word_count: Some(280),
        comment_count: Some(2),
    };
    let host = mount(move || view! { <ul><ArticleCard summary/></ul> });
    let card = host.query_selector("li").unwrap().unwrap();
    assert_eq!(card.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(card.get_attribute("lang").as_deref(), Some("ar"));
    let text = card.text_content().unwrap();
    assert!(text.contains("مدة القراءة: دقيقتان"), "{text}");
    assert!(text.contains("19 مارس 2026"), "{text}");
    assert!(text.contains("تعليقان"), "{text}");
}

fn comment(
    id: &str,
    parent: Option<&str>,
    author: &str,
    body: &str,
    status: CommentStatus,
) -> Comment {
    Comment {
        id: id.into(),
        parent_id: parent.map(Into::into),
        author: author.into(),
        title: Some("<script>alert('titre')</script>".into()),
        body: body.into(),
        created_at: at("2016-03-19T13:13:00+01:00"),
        status,
        recommend_count: None,
        featured: false,
        edited_at: None,
    }
}

#[wasm_bindgen_test]
fn thread_shows_hostile_text_as_text_and_keeps_replies_of_deleted_comments() {
    let list = vec![
        comment(
            "c1",
            None,
            "<img src=x onerror=alert(1)>",
            "Voir https://example.org.\n\n<script>alert(2)</script>",
            CommentStatus::Published,
        ),
        comment("c2", None, "", "", CommentStatus::Deleted),
        comment(
            "c3",
            Some("c2"),
            "Nadia",
            "Toujours là",
            CommentStatus::Published,
        ),
        comment("c4", None, "Caché", "en attente", CommentStatus::Pending),
    ];
    let host = mount(move || {
        let thread = Arc::new(Thread::build(&list, &[]));
        let posting = Posting {
            can_post: Signal::stored(false),
            limits: CommentSettings::default(),
        };
        let ctx = ThreadCtx::new(thread, "article", None, posting);
        view! { <ThreadList ctx/> }
    });
    assert!(
        host.query_selector("script, img").unwrap().is_none(),
        "no element from comment text"
    );
    let text = host.text_content().unwrap();
    assert!(text.contains("<img src=x onerror=alert(1)>"));
    assert!(text.contains("<script>alert(2)</script>"));
    assert!(text.contains("Commentaire supprimé"));
    assert!(
        text.contains("Toujours là"),
        "the deleted comment's reply stays"
    );
    assert!(
        !text.contains("en attente"),
        "pending comments of others are hidden"
    );
    assert!(
        text.contains("2 commentaires"),
        "the deleted one is not counted: {text}"
    );
    let link = host.query_selector(".comment-body a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("nofollow ugc noopener")
    );
    assert_eq!(
        host.query_selector_all("article.comment").unwrap().length(),
        3
    );
    assert!(
        host.query_selector("form").unwrap().is_none(),
        "no form when posting is off"
    );
}
