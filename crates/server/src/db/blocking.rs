//! Database calls run off the async threads: every handler's one way to
//! reach [`super::Db`], so a second storage backend has one seam to fill.

use gazette_model::lang::Lang;

use crate::errors::ApiError;

/// Runs a database call on the blocking pool; its failure is a `500`.
pub async fn blocking<T: Send + 'static>(
    lang: Lang,
    call: impl FnOnce() -> rusqlite::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    match tokio::task::spawn_blocking(call).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(ApiError::internal("database", e, lang)),
        Err(e) => Err(ApiError::internal("database task", e, lang)),
    }
}
