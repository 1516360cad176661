//! Database calls run off the async threads: every handler's one way to
//! reach [`super::Db`].

use gazette_model::lang::Lang;

use super::StoreError;
use crate::errors::{ApiError, Kind};

/// Seconds a client is told to wait when the database is unavailable.
pub const RETRY_AFTER_UNAVAILABLE: u64 = 5;

/// Runs a database call on the blocking pool. A database that cannot be
/// reached is a `503 unavailable` with `Retry-After`; any other failure a `500`.
pub async fn blocking<T: Send + 'static>(
    lang: Lang,
    call: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    match tokio::task::spawn_blocking(call).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(api_error(e, lang)),
        Err(e) => Err(ApiError::internal("database task", e, lang)),
    }
}

pub fn api_error(e: StoreError, lang: Lang) -> ApiError {
    match e {
        StoreError::Unavailable(why) => {
            eprintln!("error: database unavailable: {why}");
            ApiError::new(Kind::Unavailable, lang).retry_after(RETRY_AFTER_UNAVAILABLE)
        }
        StoreError::Failed(why) => ApiError::internal("database", why, lang),
    }
}
