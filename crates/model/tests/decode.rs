//! Decoding: every file of the demo API, and hand-written bad payloads.

use std::path::{Path, PathBuf};

use gazette_model::contract::{Article, ArticleList, Block, CommentList, CommentStatus, Site};
use gazette_model::reading::{article_reading_minutes, article_words_and_images};

fn api_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/api")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable api dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_demo_file_decodes_as_its_contract_type() {
    let root = api_dir();
    let mut files = Vec::new();
    json_files(&root, &mut files);
    assert!(
        files.len() >= 12 * 2 + 4,
        "demo content present ({} files)",
        files.len()
    );
    let (mut articles, mut lists, mut threads) = (0, 0, 0);
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable");
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let result = if rel == "site.json" {
            serde_json::from_str::<Site>(&text).map(|_| ())
        } else if rel.ends_with("/comments.json") {
            threads += 1;
            serde_json::from_str::<CommentList>(&text).map(|_| ())
        } else if rel.starts_with("articles/") {
            articles += 1;
            Article::from_json(&text).map(|_| ())
        } else {
            lists += 1;
            serde_json::from_str::<ArticleList>(&text).map(|_| ())
        };
        assert!(result.is_ok(), "{rel}: {result:?}");
    }
    assert!(articles >= 12, "{articles} articles");
    assert_eq!(articles, threads, "a comments.json for every article");
    assert!(lists >= 5);
}

#[test]
fn demo_site_has_sections_and_languages() {
    let site: Site =
        serde_json::from_str(&std::fs::read_to_string(api_dir().join("site.json")).unwrap())
            .unwrap();
    assert!(site.sections.len() >= 4);
    assert_eq!(site.lang, "fr");
}

#[test]
fn the_calibration_article_reads_in_two_minutes() {
    let text = std::fs::read_to_string(api_dir().join("articles/budget-eau-casablanca.json"))
        .expect("calibration article");
    let article = Article::from_json(&text).unwrap();
    let (words, _) = article_words_and_images(&article);
    assert!((395..=425).contains(&words), "{words} words");
    assert_eq!(article_reading_minutes(&article), 2);
    assert_eq!(
        article.summary.word_count,
        Some(words),
        "word_count agrees with the body"
    );
}

const SUMMARY: &str = r#"{"slug":"a","title":"T","section":{"slug":"s","name":"S"},"lang":"fr","published_at":"2016-03-19T09:30:00+01:00"}"#;

/// SUMMARY with one more field.
fn summary_with(field: &str) -> String {
    format!("{},{field}}}", &SUMMARY[..SUMMARY.len() - 1])
}

#[test]
fn minimal_summary_decodes_with_optional_fields_absent() {
    let list: ArticleList =
        serde_json::from_str(&format!(r#"{{"articles":[{SUMMARY}]}}"#)).unwrap();
    assert_eq!(list.section, None);
    assert_eq!(list.next, None);
    let a = &list.articles[0];
    assert_eq!(
        (a.image.clone(), a.word_count, a.updated_at),
        (None, None, None)
    );
}

#[test]
fn unknown_fields_are_ignored_and_unknown_blocks_skipped() {
    let text = r#"{"slug":"a","title":"T","section":{"slug":"s","name":"S","colour":"red"},
        "lang":"fr","published_at":"2016-03-19T09:30:00+01:00","future_field":{"x":1},
        "body":[{"type":"paragraph","text":"Bonjour"},
                {"type":"video","src":"/x.mp4","autoplay":true},
                {"type":"list","ordered":true,"items":["un","deux"]}]}"#;
    let article = Article::from_json(text).unwrap();
    assert_eq!(article.content.body.len(), 3);
    assert_eq!(article.content.body[1], Block::Unknown);
    assert!(
        article.content.comments_open,
        "comments_open defaults to open"
    );
}

#[test]
fn bad_payloads_are_errors_not_panics() {
    let cases = [
        (
            "wrong type for title",
            r#"{"articles":[{"slug":"a","title":5,"section":{"slug":"s","name":"S"},"published_at":"2016-03-19T09:30:00+01:00"}]}"#,
        ),
        (
            "missing slug",
            r#"{"articles":[{"title":"T","section":{"slug":"s","name":"S"},"published_at":"2016-03-19T09:30:00+01:00"}]}"#,
        ),
        (
            "date without offset",
            r#"{"articles":[{"slug":"a","title":"T","section":{"slug":"s","name":"S"},"published_at":"2016-03-19 09:30"}]}"#,
        ),
        ("articles not a list", r#"{"articles":{"a":1}}"#),
        ("truncated", r#"{"articles":[{"slug":"a""#),
        ("not json", "<html>502 Bad Gateway</html>"),
        ("empty", ""),
        (
            "negative word count",
            &format!(r#"{{"articles":[{}]}}"#, summary_with(r#""word_count":-3"#)),
        ),
    ];
    for (name, text) in cases {
        assert!(
            serde_json::from_str::<ArticleList>(text).is_err(),
            "{name} should fail"
        );
    }
    assert!(
        Article::from_json(&summary_with(r#""body":"text""#)).is_err(),
        "body not a list"
    );
    assert!(
        Article::from_json(&summary_with(r#""body":[{"type":"heading"}]"#)).is_err(),
        "heading without text"
    );
    assert!(
        Article::from_json(&summary_with(r#""body":[{"type":"image","alt":"x"}]"#)).is_err(),
        "image without src"
    );
    assert!(
        Article::from_json(&summary_with(r#""body":[{"type":"list","items":"a"}]"#)).is_err(),
        "items not a list"
    );
    assert!(
        Article::from_json(&summary_with(r#""body":[{"text":"no type"}]"#)).is_err(),
        "block without type"
    );
    assert!(
        serde_json::from_str::<CommentList>(r#"{"comments":[{"id":"c1"}]}"#).is_err(),
        "comment without created_at"
    );
    assert!(
        serde_json::from_str::<Site>(r#"{"sections":[]}"#).is_err(),
        "site without name"
    );
}

#[test]
fn comment_status_defaults_to_published() {
    let list: CommentList = serde_json::from_str(
        r#"{"article":"a","comments":[{"id":"c1","author":"x","body":"b","created_at":"2016-03-19T13:13:00+01:00"},
        {"id":"c2","author":"x","body":"","created_at":"2016-03-19T13:13:00+01:00","status":"deleted"}]}"#,
    )
    .unwrap();
    assert_eq!(list.comments[0].status, CommentStatus::Published);
    assert_eq!(list.comments[1].status, CommentStatus::Deleted);
}
