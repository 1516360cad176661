//! `POST` and `DELETE {api}/moderation/session`: signing in and out.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use gazette_model::contract::Timestamp;
use gazette_model::moderation::{Session, SignIn};

use super::auth::{self, SESSION_SECONDS};
use super::{from_the_desk, json_body, moderator};
use crate::db::blocking;
use crate::errors::{private_json, ApiError, Kind};
use crate::rate_limit::{now_ms, sign_in_entries, SIGN_IN_FAILURES};
use crate::state::AppState;
use crate::writes::now;

pub async fn sign_in(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let lang = state.lang;
    let client = state.client(peer, &headers);
    if !from_the_desk(&headers) {
        return Err(ApiError::new(Kind::Forbidden, lang));
    }
    let SignIn { name, password } = json_body(&state, &headers, body, Kind::MalformedJson)?;
    let entries = sign_in_entries(client, &name);
    let (db, checked) = (state.db.clone(), entries.clone());
    if let Some(seconds) = blocking(lang, move || {
        db.blocked(&checked, SIGN_IN_FAILURES, now_ms())
    })
    .await?
    {
        return Err(ApiError::new(Kind::RateLimited, lang).retry_after(seconds));
    }
    let db = state.db.clone();
    let lookup = name.clone();
    let hash = blocking(lang, move || db.moderator_hash(&lookup)).await?;
    // argon2 takes a while on purpose: off the async threads.
    let valid =
        tokio::task::spawn_blocking(move || auth::verify_password(&password, hash.as_deref()))
            .await
            .unwrap_or(false);
    if !valid {
        let db = state.db.clone();
        blocking(lang, move || db.hit(&entries, now_ms())).await?;
        eprintln!("moderation: failed sign-in");
        return Err(ApiError::new(Kind::Unauthorized, lang));
    }
    let (token, token_hash) = auth::new_token();
    let (_, now_unix) = now();
    let expires_at = now_unix + SESSION_SECONDS;
    let db = state.db.clone();
    let moderator = name.clone();
    blocking(lang, move || {
        db.open_session(&token_hash, &moderator, expires_at, now_unix)
    })
    .await?;
    let session = Session {
        moderator: name,
        expires_at: Timestamp(
            chrono::DateTime::from_timestamp(expires_at, 0)
                .unwrap_or_default()
                .fixed_offset(),
        ),
    };
    let body = serde_json::to_string(&session).unwrap_or_default();
    let mut response = private_json(StatusCode::CREATED, body);
    set_cookie(&mut response, &state, Some(&token), &headers);
    Ok(response)
}

pub async fn sign_out(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = state.lang;
    moderator(&state, &headers, true).await?;
    if let Some(token) = auth::cookie_token(&headers) {
        let db = state.db.clone();
        let hash = auth::token_hash(&token);
        blocking(lang, move || db.end_session(&hash)).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    set_cookie(&mut response, &state, None, &headers);
    Ok(response)
}

fn set_cookie(response: &mut Response, state: &AppState, token: Option<&str>, headers: &HeaderMap) {
    let path = format!("{}/moderation", state.api_prefix);
    let value = auth::cookie(token, &path, auth::is_https(headers));
    if let Ok(value) = HeaderValue::from_str(&value) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
}
