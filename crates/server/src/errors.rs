//! The API's one error shape, `{ "error": { code, message, field } }`, with
//! messages in the site's language.

use std::fmt::Display;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use gazette_model::contract::{ErrorDetail, ErrorResponse};
use gazette_model::i18n::{api_messages, field_error, strings};
use gazette_model::lang::Lang;
use gazette_model::validate::FieldError;

/// The errors the API answers with, other than a field's validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    NotFound,
    Closed,
    TooLarge,
    /// The request body did not arrive within `--body-timeout`.
    Timeout,
    KeyReused,
    RateLimited,
    MalformedJson,
    NotJson,
    MissingKey,
    BadKey,
    MethodNotAllowed,
    Internal,
    /// The client is banned from posting and reporting.
    Banned,
    /// No valid moderation session, or wrong credentials.
    Unauthorized,
    /// A moderation change without the `X-Gazette-Moderation` header.
    Forbidden,
    BadReport,
    BadDecision,
    /// The database cannot be reached: nothing was stored.
    Unavailable,
}

impl Kind {
    pub fn status(self) -> StatusCode {
        match self {
            Kind::NotFound => StatusCode::NOT_FOUND,
            Kind::Closed | Kind::Banned | Kind::Forbidden => StatusCode::FORBIDDEN,
            Kind::Unauthorized => StatusCode::UNAUTHORIZED,
            Kind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Kind::Timeout => StatusCode::REQUEST_TIMEOUT,
            Kind::KeyReused => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Kind::MalformedJson
            | Kind::NotJson
            | Kind::MissingKey
            | Kind::BadKey
            | Kind::BadReport
            | Kind::BadDecision => StatusCode::BAD_REQUEST,
            Kind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Kind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            Kind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Kind::NotFound => "not_found",
            Kind::Closed => "closed",
            Kind::TooLarge => "too_large",
            Kind::Timeout => "timeout",
            Kind::KeyReused => "key_reused",
            Kind::RateLimited => "rate_limited",
            Kind::MalformedJson
            | Kind::NotJson
            | Kind::MissingKey
            | Kind::BadKey
            | Kind::BadReport
            | Kind::BadDecision => "invalid",
            Kind::Banned => "banned",
            Kind::Unauthorized => "unauthorized",
            Kind::Forbidden => "forbidden",
            Kind::MethodNotAllowed => "method_not_allowed",
            Kind::Internal => "internal",
            Kind::Unavailable => "unavailable",
        }
    }

    /// The answer's message, in the site's language (`gazette_model::i18n`).
    pub fn message(self, lang: Lang) -> &'static str {
        let m = api_messages(lang);
        match self {
            Kind::NotFound => m.not_found,
            Kind::Closed => strings(lang).comments_closed,
            Kind::TooLarge => m.too_large,
            Kind::Timeout => m.timeout,
            Kind::KeyReused => m.key_reused,
            Kind::RateLimited => m.rate_limited,
            Kind::MalformedJson => m.malformed_json,
            Kind::NotJson => m.not_json,
            Kind::MissingKey => m.missing_key,
            Kind::BadKey => m.bad_key,
            Kind::MethodNotAllowed => m.method_not_allowed,
            Kind::Internal => m.internal,
            Kind::Unavailable => m.unavailable,
            Kind::Banned => m.banned,
            Kind::Unauthorized => m.unauthorized,
            Kind::Forbidden => m.forbidden,
            Kind::BadReport => m.bad_report,
            Kind::BadDecision => m.bad_decision,
        }
    }
}

/// An error answer of the API.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub field: Option<&'static str>,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(kind: Kind, lang: Lang) -> ApiError {
        ApiError {
            status: kind.status(),
            code: kind.code(),
            message: kind.message(lang).to_owned(),
            field: None,
            retry_after: None,
        }
    }

    /// A field that failed validation: `400 invalid` or `400 too_long`.
    pub fn field(error: FieldError, lang: Lang) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code: error.code(),
            message: field_error(&error, lang),
            field: Some(error.field.name()),
            retry_after: None,
        }
    }

    /// A `500`, logged with its cause.
    pub fn internal(context: &str, cause: impl Display, lang: Lang) -> ApiError {
        eprintln!("error: {context}: {cause}");
        ApiError::new(Kind::Internal, lang)
    }

    /// Names the request's field the error is about.
    pub fn on_field(mut self, field: &'static str) -> ApiError {
        self.field = Some(field);
        self
    }

    pub fn retry_after(mut self, seconds: u64) -> ApiError {
        self.retry_after = Some(seconds);
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorResponse {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message: self.message,
                field: self.field.map(str::to_owned),
            },
        };
        let text = serde_json::to_string(&body).unwrap_or_default();
        let mut response = json_response(self.status, text);
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        // The body was not read to its end: the connection cannot carry
        // another request, and the client learns it before it tries.
        if matches!(
            self.status,
            StatusCode::PAYLOAD_TOO_LARGE | StatusCode::REQUEST_TIMEOUT
        ) {
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }
}

/// A JSON answer that caches must revalidate.
pub fn json_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// A JSON answer for one moderator's eyes: never stored by a cache.
pub fn private_json(status: StatusCode, body: String) -> Response {
    let mut response = json_response(status, body);
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
