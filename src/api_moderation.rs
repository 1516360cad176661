//! The moderation desk's client: the contract's moderation API (1.1) under
//! `{api}/moderation/`. The browser sends the session cookie by itself
//! (same origin); every change carries `X-Gazette-Moderation: 1`.

use gazette_model::contract::Comment;
use gazette_model::moderation::{Action, Decision, Log, NewBan, Queue, QueueState, SignIn};
use gazette_model::routes::api::moderation as paths;
use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::browser::document::api_root;

#[derive(Clone, Debug, PartialEq)]
pub enum DeskError {
    /// 401: signed out, the session ended, or wrong credentials.
    Unauthorized,
    /// 429 on sign-in: too many failures.
    TooManyTries,
    /// Anything else: the network, a 4xx or 5xx, an answer not understood.
    Failed,
}

fn url(path: &str) -> String {
    format!("{}/{path}", api_root())
}

async fn answer<T: DeserializeOwned>(
    request: RequestBuilder,
    body: Option<String>,
) -> Result<T, DeskError> {
    let sent = match body {
        Some(body) => {
            request
                .header("Content-Type", "application/json")
                .body(body)
                .map_err(|_| DeskError::Failed)?
                .send()
                .await
        }
        None => request.send().await,
    };
    let response = sent.map_err(|_| DeskError::Failed)?;
    match response.status() {
        200..=299 => {
            let text = response.text().await.map_err(|_| DeskError::Failed)?;
            // A 204 has no body: read as JSON `null`.
            serde_json::from_str(if text.is_empty() { "null" } else { &text })
                .map_err(|_| DeskError::Failed)
        }
        401 => Err(DeskError::Unauthorized),
        429 => Err(DeskError::TooManyTries),
        _ => Err(DeskError::Failed),
    }
}

fn change(request: RequestBuilder) -> RequestBuilder {
    request.header("X-Gazette-Moderation", "1")
}

fn json(value: &impl Serialize) -> Option<String> {
    serde_json::to_string(value).ok()
}

pub async fn sign_in(name: &str, password: &str) -> Result<(), DeskError> {
    let body = SignIn {
        name: name.to_owned(),
        password: password.to_owned(),
    };
    answer::<serde_json::Value>(change(Request::post(&url(paths::SESSION))), json(&body))
        .await
        .map(|_| ())
}

pub async fn sign_out() -> Result<(), DeskError> {
    answer::<()>(change(Request::delete(&url(paths::SESSION))), None).await
}

pub async fn queue(state: QueueState, cursor: Option<&str>) -> Result<Queue, DeskError> {
    answer(Request::get(&url(&paths::queue(state.key(), cursor))), None).await
}

/// A decision on comment `id` of `article`.
pub async fn decide(
    id: &str,
    article: &str,
    action: Action,
    reason: Option<String>,
) -> Result<Comment, DeskError> {
    #[derive(Serialize)]
    struct Body<'a> {
        #[serde(flatten)]
        decision: Decision,
        article: &'a str,
    }
    let body = Body {
        decision: Decision { action, reason },
        article,
    };
    answer(
        change(Request::post(&url(&paths::decision(id)))),
        json(&body),
    )
    .await
}

pub async fn ban(ban: &NewBan) -> Result<(), DeskError> {
    answer::<serde_json::Value>(change(Request::post(&url(paths::BANS))), json(ban))
        .await
        .map(|_| ())
}

pub async fn log(cursor: Option<&str>) -> Result<Log, DeskError> {
    answer(Request::get(&url(&paths::log(cursor))), None).await
}
