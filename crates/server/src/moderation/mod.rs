//! The moderation API (contract 1.1) under `{api}/moderation/`: sessions
//! (`session`), the queue, decisions, bans and the log (`desk`). Every
//! request but sign-in needs a valid session (`401` otherwise), and every
//! change also the `X-Gazette-Moderation: 1` header (`403`), which a page
//! on another site cannot send without CORS consent this server never
//! gives. Credentials and sessions: `auth`.

pub mod auth;
mod desk;
mod session;

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::HeaderMap;
use axum::routing::{delete, get, post};
use axum::Router;
use gazette_model::routes::api::moderation as paths;
use serde::de::DeserializeOwned;

use crate::db::blocking;
use crate::errors::{ApiError, Kind};
use crate::state::AppState;
use crate::writes::{body_bytes, is_json, now};

/// The moderation routes, relative to the API root.
pub fn router() -> Router<Arc<AppState>> {
    let at = |path: &str| format!("/{path}");
    Router::new()
        .route(
            &at(paths::SESSION),
            post(session::sign_in).delete(session::sign_out),
        )
        .route(&at(paths::QUEUE), get(desk::queue))
        .route(&at(&paths::decision("{id}")), post(desk::decide))
        .route(&at(paths::BANS), post(desk::ban))
        .route(&at(&paths::ban("{author_key}")), delete(desk::unban))
        .route(&at(paths::LOG), get(desk::log))
}

/// Whether the request carries `X-Gazette-Moderation: 1`.
fn from_the_desk(headers: &HeaderMap) -> bool {
    headers
        .get("x-gazette-moderation")
        .is_some_and(|v| v.as_bytes() == b"1")
}

/// The signed-in moderator, or `401`; for a change, also `403` without
/// the desk's header.
async fn moderator(
    state: &AppState,
    headers: &HeaderMap,
    changes: bool,
) -> Result<String, ApiError> {
    let lang = state.lang;
    let token = auth::cookie_token(headers).ok_or(ApiError::new(Kind::Unauthorized, lang))?;
    let db = state.db.clone();
    let (_, now_unix) = now();
    let hash = auth::token_hash(&token);
    let name = blocking(lang, move || db.session(&hash, now_unix))
        .await?
        .ok_or(ApiError::new(Kind::Unauthorized, lang))?;
    if changes && !from_the_desk(headers) {
        return Err(ApiError::new(Kind::Forbidden, lang));
    }
    Ok(name)
}

/// A JSON request body of type `T`, or the contract's `400`.
fn json_body<T: DeserializeOwned>(
    state: &AppState,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    bad: Kind,
) -> Result<T, ApiError> {
    let lang = state.lang;
    let body = body_bytes(body, lang)?;
    if !is_json(headers) {
        return Err(ApiError::new(Kind::NotJson, lang));
    }
    serde_json::from_slice(&body).map_err(|_| ApiError::new(bad, lang))
}
