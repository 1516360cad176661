//! Serde types of the whole content API contract (docs/API.md), version 1.
//!
//! Decoding follows the contract's rules: unknown fields are ignored, a
//! missing optional field is `None`, an unknown body block is kept as
//! [`Block::Unknown`] and skipped when rendering. Times are decoded strictly
//! (RFC 3339 with an offset), so a mistyped date is a decoding error.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An RFC 3339 instant that keeps the offset the API gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub DateTime<FixedOffset>);

impl Timestamp {
    pub fn parse(text: &str) -> Option<Self> {
        DateTime::parse_from_rfc3339(text).ok().map(Timestamp)
    }

    /// The RFC 3339 form, for `<time datetime>` and for the wire.
    pub fn to_rfc3339(&self) -> String {
        self.0.to_rfc3339()
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text)
            .ok_or_else(|| serde::de::Error::custom("expected an RFC 3339 time with an offset"))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

/// `GET {api}/site.json`
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Site {
    pub name: String,
    #[serde(default)]
    pub tagline: Option<String>,
    #[serde(default = "default_lang")]
    pub lang: String,
    #[serde(default)]
    pub canonical_origin: Option<String>,
    #[serde(default)]
    pub sections: Vec<SectionRef>,
    #[serde(default)]
    pub footer_links: Vec<FooterLink>,
    #[serde(default)]
    pub comments: CommentSettings,
}

fn default_lang() -> String {
    "fr".to_owned()
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct SectionRef {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct FooterLink {
    pub label: String,
    pub href: String,
}

/// The `comments` object of site.json: whether threads show, whether the
/// backend takes writes, and the limits both sides check.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct CommentSettings {
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(default)]
    pub posting: bool,
    #[serde(default = "default_max_body")]
    pub max_body: usize,
    #[serde(default = "default_max_title")]
    pub max_title: usize,
    #[serde(default = "default_max_author")]
    pub max_author: usize,
    /// The site's community rules, linked next to every form (1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidelines: Option<FooterLink>,
    /// How long an author may edit or delete their comment (1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit_window_seconds: Option<u64>,
}

fn yes() -> bool {
    true
}
fn default_max_body() -> usize {
    4000
}
fn default_max_title() -> usize {
    120
}
fn default_max_author() -> usize {
    60
}

impl Default for CommentSettings {
    fn default() -> Self {
        CommentSettings {
            enabled: true,
            posting: false,
            max_body: default_max_body(),
            max_title: default_max_title(),
            max_author: default_max_author(),
            guidelines: None,
            edit_window_seconds: None,
        }
    }
}

/// `GET {api}/front.json`, `GET {api}/sections/{slug}.json` and their `next` pages.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ArticleList {
    #[serde(default)]
    pub section: Option<SectionRef>,
    pub articles: Vec<ArticleSummary>,
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub lede: Option<String>,
    pub section: SectionRef,
    #[serde(default = "default_lang")]
    pub lang: String,
    pub published_at: Timestamp,
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    #[serde(default)]
    pub image: Option<Image>,
    #[serde(default)]
    pub word_count: Option<u32>,
    #[serde(default)]
    pub comment_count: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Image {
    pub src: String,
    #[serde(default)]
    pub alt: String,
    #[serde(default)]
    pub credit: Option<String>,
    #[serde(default)]
    pub width: Option<u32>,
    #[serde(default)]
    pub height: Option<u32>,
}

/// `GET {api}/articles/{slug}.json`: an [`ArticleSummary`] plus the body.
/// Decoded by [`Article::from_json`]: the summary and the rest are read from
/// the same text in two passes, which keeps serde's buffering machinery
/// (`flatten`) out of the .wasm.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    #[serde(flatten)]
    pub content: ArticleContent,
}

/// Everything of an article beyond its summary.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ArticleContent {
    #[serde(default)]
    pub authors: Vec<Author>,
    #[serde(default)]
    pub body: Vec<Block>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub related: Vec<ArticleSummary>,
    #[serde(default = "yes")]
    pub comments_open: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Author {
    pub name: String,
}

impl Article {
    pub fn from_json(text: &str) -> Result<Article, serde_json::Error> {
        Ok(Article {
            summary: serde_json::from_str(text)?,
            content: serde_json::from_str(text)?,
        })
    }
}

/// One body block. Blocks of a type this version does not know decode as
/// `Unknown` and are skipped.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "lowercase", try_from = "RawBlock")]
pub enum Block {
    Paragraph {
        #[serde(default)]
        text: Option<String>,
        #[serde(default)]
        spans: Vec<Span>,
    },
    Heading {
        text: String,
    },
    Quote {
        text: String,
        #[serde(default)]
        cite: Option<String>,
    },
    Image {
        src: String,
        #[serde(default)]
        alt: String,
        #[serde(default)]
        caption: Option<String>,
        #[serde(default)]
        credit: Option<String>,
        #[serde(default)]
        width: Option<u32>,
        #[serde(default)]
        height: Option<u32>,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<String>,
    },
    #[serde(other)]
    Unknown,
}

/// A block as it comes: every field of every type, checked by `TryFrom`.
/// Decoding through it rather than an internally tagged enum keeps serde's
/// buffering machinery out of the .wasm.
#[derive(Deserialize)]
struct RawBlock {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    spans: Option<Vec<Span>>,
    #[serde(default)]
    cite: Option<String>,
    #[serde(default)]
    src: Option<String>,
    #[serde(default)]
    alt: Option<String>,
    #[serde(default)]
    caption: Option<String>,
    #[serde(default)]
    credit: Option<String>,
    #[serde(default)]
    width: Option<u32>,
    #[serde(default)]
    height: Option<u32>,
    #[serde(default)]
    ordered: Option<bool>,
    #[serde(default)]
    items: Option<Vec<String>>,
}

impl TryFrom<RawBlock> for Block {
    type Error = String;

    fn try_from(raw: RawBlock) -> Result<Block, String> {
        let missing = |field: &str| format!("{} block without `{field}`", raw.kind);
        Ok(match raw.kind.as_str() {
            "paragraph" => Block::Paragraph {
                text: raw.text,
                spans: raw.spans.unwrap_or_default(),
            },
            "heading" => Block::Heading {
                text: raw.text.ok_or_else(|| missing("text"))?,
            },
            "quote" => Block::Quote {
                text: raw.text.ok_or_else(|| missing("text"))?,
                cite: raw.cite,
            },
            "image" => Block::Image {
                src: raw.src.ok_or_else(|| missing("src"))?,
                alt: raw.alt.unwrap_or_default(),
                caption: raw.caption,
                credit: raw.credit,
                width: raw.width,
                height: raw.height,
            },
            "list" => Block::List {
                ordered: raw.ordered.unwrap_or(false),
                items: raw.items.ok_or_else(|| missing("items"))?,
            },
            _ => Block::Unknown,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Span {
    pub text: String,
    #[serde(default)]
    pub href: Option<String>,
    #[serde(default)]
    pub em: bool,
    #[serde(default)]
    pub strong: bool,
}

/// `GET {api}/articles/{slug}/comments.json`
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct CommentList {
    #[serde(default)]
    pub article: String,
    #[serde(default)]
    pub total: Option<u32>,
    pub comments: Vec<Comment>,
    #[serde(default)]
    pub next: Option<String>,
}

/// `GET {api}/articles/{slug}/comments/{id}.json` (1.1): one comment's
/// sub-thread, its replies in thread order and paged like a listing.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct SubThread {
    #[serde(default)]
    pub article: String,
    /// From the top-level comment down to the parent.
    #[serde(default)]
    pub ancestors: Vec<Comment>,
    pub comment: Comment,
    #[serde(default)]
    pub replies: Vec<Comment>,
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Comment {
    pub id: String,
    #[serde(default)]
    pub parent_id: Option<String>,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub body: String,
    pub created_at: Timestamp,
    #[serde(default)]
    pub status: CommentStatus,
    /// Readers who recommended it (1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommend_count: Option<u32>,
    /// The newsroom's pick (1.1).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub featured: bool,
    /// When its author last changed it (1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<Timestamp>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentStatus {
    #[default]
    Published,
    Pending,
    Deleted,
}

/// `POST {api}/articles/{slug}/comments` request body.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct NewComment {
    #[serde(default)]
    pub parent_id: Option<String>,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub body: String,
    /// The honeypot: a person leaves it empty.
    #[serde(default)]
    pub website: String,
}

/// The one error shape of the API: `{ "error": { code, message, field } }`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ErrorResponse {
    pub error: ErrorDetail,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ErrorDetail {
    pub code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub field: Option<String>,
}
