//! `GET /healthz` and `GET /readyz` (contract 1.1, "Operations"), for a
//! load balancer: healthz says the process serves; readyz that its database
//! answers too (`503 unavailable` with Retry-After when it does not, so the
//! balancer sends posts elsewhere). Neither is cached.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::db::blocking;
use crate::errors::{private_json, ApiError};
use crate::state::AppState;

pub async fn healthz() -> Response {
    private_json(StatusCode::OK, r#"{"status":"ok"}"#.to_owned())
}

pub async fn readyz(State(state): State<Arc<AppState>>) -> Result<Response, ApiError> {
    let db = state.db.clone();
    blocking(state.lang, move || db.ping()).await?;
    Ok(private_json(
        StatusCode::OK,
        r#"{"status":"ready"}"#.to_owned(),
    ))
}
