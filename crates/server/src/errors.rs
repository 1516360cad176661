//! The API's one error shape, `{ "error": { code, message, field } }`, with
//! messages in the site's language.

use std::fmt::Display;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use gazette_model::contract::{ErrorDetail, ErrorResponse};
use gazette_model::lang::Lang;
use gazette_model::validate::FieldError;

/// The errors the API answers with, other than a field's validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    NotFound,
    Closed,
    TooLarge,
    KeyReused,
    RateLimited,
    MalformedJson,
    NotJson,
    MissingKey,
    BadKey,
    MethodNotAllowed,
    Internal,
}

impl Kind {
    pub fn status(self) -> StatusCode {
        match self {
            Kind::NotFound => StatusCode::NOT_FOUND,
            Kind::Closed => StatusCode::FORBIDDEN,
            Kind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Kind::KeyReused => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Kind::MalformedJson | Kind::NotJson | Kind::MissingKey | Kind::BadKey => {
                StatusCode::BAD_REQUEST
            }
            Kind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Kind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Kind::NotFound => "not_found",
            Kind::Closed => "closed",
            Kind::TooLarge => "too_large",
            Kind::KeyReused => "key_reused",
            Kind::RateLimited => "rate_limited",
            Kind::MalformedJson | Kind::NotJson | Kind::MissingKey | Kind::BadKey => "invalid",
            Kind::MethodNotAllowed => "method_not_allowed",
            Kind::Internal => "internal",
        }
    }

    pub fn message(self, lang: Lang) -> &'static str {
        use Lang::*;
        match (self, lang) {
            (Kind::NotFound, Fr) => "Cette page n'existe pas.",
            (Kind::NotFound, En) => "This page does not exist.",
            (Kind::NotFound, Ar) => "هذه الصفحة غير موجودة.",
            (Kind::Closed, Fr) => "Les commentaires sont fermés pour cet article.",
            (Kind::Closed, En) => "Comments are closed on this article.",
            (Kind::Closed, Ar) => "التعليقات مغلقة على هذا المقال.",
            (Kind::TooLarge, Fr) => "La requête est trop volumineuse (64 Kio au plus).",
            (Kind::TooLarge, En) => "The request is too large (64 KiB at most).",
            (Kind::TooLarge, Ar) => "الطلب كبير جدًا (64 كيلوبايت على الأكثر).",
            (Kind::KeyReused, Fr) => {
                "Cette clé d'idempotence a déjà servi pour un autre commentaire."
            }
            (Kind::KeyReused, En) => "This idempotency key was already used for another comment.",
            (Kind::KeyReused, Ar) => "مفتاح عدم التكرار هذا استُخدم لتعليق آخر.",
            (Kind::RateLimited, Fr) => "Trop de commentaires envoyés. Réessayez dans un moment.",
            (Kind::RateLimited, En) => "Too many comments sent. Please try again in a moment.",
            (Kind::RateLimited, Ar) => "أرسلت تعليقات كثيرة. حاول مرة أخرى بعد قليل.",
            (Kind::MalformedJson, Fr) => {
                "Le corps de la requête n'est pas un commentaire JSON valide."
            }
            (Kind::MalformedJson, En) => "The request body is not a valid JSON comment.",
            (Kind::MalformedJson, Ar) => "محتوى الطلب ليس تعليقًا بصيغة JSON صالحة.",
            (Kind::NotJson, Fr) => "La requête doit être envoyée en application/json.",
            (Kind::NotJson, En) => "The request must be sent as application/json.",
            (Kind::NotJson, Ar) => "يجب إرسال الطلب بصيغة application/json.",
            (Kind::MissingKey, Fr) => "L'en-tête Idempotency-Key est obligatoire.",
            (Kind::MissingKey, En) => "The Idempotency-Key header is required.",
            (Kind::MissingKey, Ar) => "الترويسة Idempotency-Key مطلوبة.",
            (Kind::BadKey, Fr) => "L'en-tête Idempotency-Key doit être un UUID.",
            (Kind::BadKey, En) => "The Idempotency-Key header must be a UUID.",
            (Kind::BadKey, Ar) => "يجب أن تكون الترويسة Idempotency-Key معرّف UUID.",
            (Kind::MethodNotAllowed, Fr) => "Méthode non autorisée.",
            (Kind::MethodNotAllowed, En) => "Method not allowed.",
            (Kind::MethodNotAllowed, Ar) => "الطريقة غير مسموح بها.",
            (Kind::Internal, Fr) => "Erreur du serveur. Réessayez plus tard.",
            (Kind::Internal, En) => "Server error. Please try again later.",
            (Kind::Internal, Ar) => "خطأ في الخادم. حاول مرة أخرى لاحقًا.",
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
            message: error.message(lang),
            field: Some(error.field.name()),
            retry_after: None,
        }
    }

    /// A `500`, logged with its cause.
    pub fn internal(context: &str, cause: impl Display, lang: Lang) -> ApiError {
        eprintln!("error: {context}: {cause}");
        ApiError::new(Kind::Internal, lang)
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
