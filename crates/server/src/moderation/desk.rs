//! The desk's requests: the queue, decisions on comments, bans and the
//! decision log. Answers are for one moderator's eyes (`no-store`).

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use gazette_model::contract::Timestamp;
use gazette_model::moderation::{
    Action, ArticleRef, Ban, Log, LogEntry, NewBan, Queue, QueueItem, QueueState,
};
use gazette_model::routes::{api::moderation as paths, is_valid_slug};
use serde::Deserialize;
use serde_json::Value;

use super::{json_body, moderator};
use crate::db::blocking;
use crate::db::moderation::DecisionOutcome;
use crate::errors::{private_json, ApiError, Kind};
use crate::state::AppState;
use crate::writes::now;

/// Longest reason a moderator may give, in characters.
const MAX_REASON: usize = 500;
/// Longest ban, in days.
const MAX_BAN_DAYS: u32 = 3650;

#[derive(Deserialize)]
pub struct QueueQuery {
    state: Option<String>,
    cursor: Option<String>,
}

pub async fn queue(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(query): Query<QueueQuery>,
) -> Result<Response, ApiError> {
    let lang = state.lang;
    moderator(&state, &headers, false).await?;
    let bad = || ApiError::new(Kind::MalformedJson, lang).on_field("state");
    let which = match query.state.as_deref() {
        None => QueueState::All,
        Some(key) => QueueState::from_key(key).ok_or_else(bad)?,
    };
    let after = cursor(query.cursor.as_deref())
        .ok_or_else(bad)?
        .unwrap_or(0);
    let db = state.db.clone();
    let (entries, counts, next) = blocking(lang, move || db.queue(which, after)).await?;
    let mut titles: HashMap<String, String> = HashMap::new();
    let mut items = Vec::with_capacity(entries.len());
    for entry in entries {
        let slug = entry.comment.article.clone();
        if !titles.contains_key(&slug) {
            let title = article_title(&state, &slug).await;
            titles.insert(slug.clone(), title);
        }
        let author_key = entry
            .comment
            .author_key
            .clone()
            .unwrap_or_else(|| state.keys.imported(&entry.comment.row.comment.author));
        items.push(QueueItem {
            article: ArticleRef {
                title: titles[&slug].clone(),
                slug,
            },
            comment: entry.comment.row.comment,
            parent: entry.parent,
            reports: entry.reports,
            author_key,
        });
    }
    let queue = Queue {
        items,
        counts,
        next: next.map(|seq| paths::queue(which.key(), Some(&seq.to_string()))),
    };
    Ok(private_json(StatusCode::OK, to_json(&queue)))
}

async fn article_title(state: &AppState, slug: &str) -> String {
    match state.content.article(slug).await {
        Ok(Some(article)) => article
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or(slug)
            .to_owned(),
        _ => slug.to_owned(),
    }
}

/// `POST moderation/comments/{id}`. `article` is this server's addition:
/// comments imported from several articles may share an id.
#[derive(Deserialize)]
struct DecisionBody {
    action: Action,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    article: Option<String>,
}

pub async fn decide(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let lang = state.lang;
    let name = moderator(&state, &headers, true).await?;
    let decision: DecisionBody = json_body(&state, &headers, body, Kind::BadDecision)?;
    if matches!(decision.action, Action::Ban | Action::Unban) {
        return Err(ApiError::new(Kind::BadDecision, lang).on_field("action"));
    }
    let reason = reason(decision.reason, lang)?;
    let (at, _) = now();
    let db = state.db.clone();
    let outcome = blocking(lang, move || {
        db.decide(
            &id,
            decision.article.as_deref(),
            decision.action,
            reason.as_deref(),
            &name,
            &at,
        )
    })
    .await?;
    match outcome {
        DecisionOutcome::Done(comment) => Ok(private_json(StatusCode::OK, to_json(&comment))),
        DecisionOutcome::NotFound => Err(ApiError::new(Kind::NotFound, lang)),
        DecisionOutcome::Ambiguous => {
            Err(ApiError::new(Kind::BadDecision, lang).on_field("article"))
        }
        DecisionOutcome::NotApplicable => {
            Err(ApiError::new(Kind::BadDecision, lang).on_field("action"))
        }
    }
}

pub async fn ban(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let lang = state.lang;
    let name = moderator(&state, &headers, true).await?;
    let ban: NewBan = json_body(&state, &headers, body, Kind::BadDecision)?;
    if !is_valid_slug(&ban.author_key) {
        return Err(ApiError::new(Kind::BadDecision, lang).on_field("author_key"));
    }
    if !(1..=MAX_BAN_DAYS).contains(&ban.days) {
        return Err(ApiError::new(Kind::BadDecision, lang).on_field("days"));
    }
    let reason = reason(ban.reason, lang)?;
    let (at, now_unix) = now();
    let until_unix = now_unix + i64::from(ban.days) * 24 * 60 * 60;
    let db = state.db.clone();
    let key = ban.author_key.clone();
    blocking(lang, move || {
        db.ban(&key, reason.as_deref(), until_unix, &name, &at)
    })
    .await?;
    let answer = Ban {
        author_key: ban.author_key,
        until: Timestamp(
            chrono::DateTime::from_timestamp(until_unix, 0)
                .unwrap_or_default()
                .fixed_offset(),
        ),
    };
    Ok(private_json(StatusCode::CREATED, to_json(&answer)))
}

pub async fn unban(
    State(state): State<Arc<AppState>>,
    Path(author_key): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = state.lang;
    let name = moderator(&state, &headers, true).await?;
    let (at, _) = now();
    let db = state.db.clone();
    if blocking(lang, move || db.unban(&author_key, &name, &at)).await? {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::new(Kind::NotFound, lang))
    }
}

#[derive(Deserialize)]
pub struct LogQuery {
    cursor: Option<String>,
}

pub async fn log(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(query): Query<LogQuery>,
) -> Result<Response, ApiError> {
    let lang = state.lang;
    moderator(&state, &headers, false).await?;
    let before = cursor(query.cursor.as_deref())
        .ok_or_else(|| ApiError::new(Kind::MalformedJson, lang).on_field("cursor"))?
        .unwrap_or(i64::MAX);
    let db = state.db.clone();
    let (rows, next) = blocking(lang, move || db.log(before)).await?;
    let items = rows
        .into_iter()
        .filter_map(|row| {
            Some(LogEntry {
                at: Timestamp::parse(&row.at)?,
                moderator: row.moderator,
                action: Action::from_key(&row.action)?,
                comment_id: row.comment_id,
                reason: row.reason,
            })
        })
        .collect();
    let log = Log {
        items,
        next: next.map(|seq| paths::log(Some(&seq.to_string()))),
    };
    Ok(private_json(StatusCode::OK, to_json(&log)))
}

/// A cursor: absent (`Some(None)`), a number (`Some(Some(n))`), or bad (`None`).
fn cursor(text: Option<&str>) -> Option<Option<i64>> {
    match text {
        None | Some("") => Some(None),
        Some(text) => text.parse().ok().map(Some),
    }
}

/// A moderator's optional reason, trimmed, at most [`MAX_REASON`] characters.
fn reason(
    reason: Option<String>,
    lang: gazette_model::lang::Lang,
) -> Result<Option<String>, ApiError> {
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if reason
        .as_ref()
        .is_some_and(|r| r.chars().count() > MAX_REASON)
    {
        return Err(ApiError::new(Kind::BadDecision, lang).on_field("reason"));
    }
    Ok(reason)
}

fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
