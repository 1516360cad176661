//! The API's routes and its read side: JSON files from the content folder,
//! with comment threads and counts from the database.

use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use gazette_model::listing::{listing_page, pages, sub_thread, thread_order};
use gazette_model::routes::api::{self, CommentsPath};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;

use crate::content::{counted_slugs, patch_counts, patch_site};
use crate::db::blocking;
use crate::errors::{json_response, ApiError, Kind};
use crate::state::{AppState, MAX_BODY};
use crate::{moderation, post, report};

pub fn router(state: Arc<AppState>, cors_origin: Option<&str>) -> Result<Router, String> {
    let lang = state.lang;
    let router = Router::new()
        .route("/{*path}", get(get_json))
        .route(api::POST_COMMENT_ROUTE, post(post::post_comment))
        .route(api::REPORT_ROUTE, post(report::post_report))
        .merge(moderation::router())
        .fallback(move || async move { ApiError::new(Kind::NotFound, lang) })
        .method_not_allowed_fallback(
            move || async move { ApiError::new(Kind::MethodNotAllowed, lang) },
        )
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            too_large_as_json,
        ))
        .with_state(state);
    Ok(match cors_origin {
        Some(origin) => router.layer(cors(origin)?),
        None => router,
    })
}

fn cors(origin: &str) -> Result<CorsLayer, String> {
    let origin =
        HeaderValue::from_str(origin).map_err(|_| format!("bad --cors-origin {origin:?}"))?;
    Ok(CorsLayer::new()
        .allow_origin(AllowOrigin::list([origin]))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(3600)))
}

/// The body limit answers a too-long Content-Length with plain text; the
/// contract wants its error shape.
async fn too_large_as_json(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE && !is_json {
        return ApiError::new(Kind::TooLarge, state.lang).into_response();
    }
    response
}

async fn get_json(
    State(state): State<Arc<AppState>>,
    Path(path): Path<String>,
) -> Result<Response, ApiError> {
    let text = api_json(&state, &path).await?;
    Ok(json_response(StatusCode::OK, text))
}

/// The JSON this server answers to GET {api}/{path}: site.json says it takes
/// writes, listings and articles carry the live comment counts, and comment
/// listings come from the database. Also the data of the pages it renders
/// (static_files).
pub async fn api_json(state: &AppState, path: &str) -> Result<String, ApiError> {
    if let Some(listing) = api::comments_path(path) {
        return comments_json(state, listing).await;
    }
    let lang = state.lang;
    let not_found = || ApiError::new(Kind::NotFound, lang);
    // Anything else under a listing's folder (`pages/1.json`, `pages/02.json`)
    // is no page, even where --content holds a static build's page files.
    let under_comments = path
        .strip_prefix("articles/")
        .is_some_and(|rest| rest.contains("/comments/"));
    if under_comments {
        return Err(not_found());
    }
    let needs_patch = path == "site.json"
        || path.starts_with("articles/")
        || path == "front.json"
        || path.starts_with("front/")
        || path.starts_with("sections/");
    if !needs_patch {
        let bytes = state
            .content
            .read(path)
            .await
            .map_err(|e| ApiError::internal("reading content", e, lang))?
            .ok_or_else(not_found)?;
        return String::from_utf8(bytes).map_err(|e| ApiError::internal(path, e, lang));
    }
    let mut json = state
        .content
        .read_json(path)
        .await
        .map_err(|e| ApiError::internal("reading content", e, lang))?
        .ok_or_else(not_found)?;
    if path == "site.json" {
        patch_site(&mut json);
    } else {
        let slugs = counted_slugs(path, &json);
        let db = state.db.clone();
        match tokio::task::spawn_blocking(move || db.published_counts(&slugs)).await {
            Ok(Ok(counts)) => patch_counts(path, &mut json, &counts),
            // The content still serves, with the counts its files hold.
            Ok(Err(e)) => eprintln!("error: comment counts for {path}: {e}"),
            Err(e) => eprintln!("error: comment counts for {path}: {e}"),
        }
    }
    to_string(&json, lang)
}

/// A page of an article's listing, or of one comment's sub-thread, in
/// thread order (contract 1.1). Pages are counted from the listing as it
/// is now: one that changes between two requests may repeat or skip a
/// comment at a page boundary (the app keeps the first of each id).
async fn comments_json(state: &AppState, listing: CommentsPath<'_>) -> Result<String, ApiError> {
    let lang = state.lang;
    let not_found = || ApiError::new(Kind::NotFound, lang);
    let slug = match listing {
        CommentsPath::Page { slug, .. } | CommentsPath::SubThread { slug, .. } => slug,
    };
    if !state.content.article_exists(slug).await {
        return Err(not_found());
    }
    let db = state.db.clone();
    let article = slug.to_owned();
    let (comments, published) = blocking(lang, move || db.list(&article)).await?;
    let ordered = thread_order(&comments);
    match listing {
        CommentsPath::Page { n, .. } => {
            let mut page = listing_page(slug, pages(ordered), n).ok_or_else(not_found)?;
            page.total = Some(published);
            to_string(&page, lang)
        }
        CommentsPath::SubThread { id, n, .. } => to_string(
            &sub_thread(slug, &ordered, id, n).ok_or_else(not_found)?,
            lang,
        ),
    }
}

fn to_string(
    value: &impl serde::Serialize,
    lang: gazette_model::lang::Lang,
) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| ApiError::internal("encoding JSON", e, lang))
}
