//! The contract's reader reports and moderation API (version 1.1): the
//! request and answer bodies, shared by the app's desk and the server.

use serde::{Deserialize, Serialize};

use crate::contract::{Comment, Timestamp};

/// Longest report note, in characters.
pub const MAX_REPORT_NOTE: usize = 500;

/// Shortest moderator password, in characters.
pub const MIN_PASSWORD: usize = 12;

/// Why a reader flags a comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportReason {
    Spam,
    Abuse,
    OffTopic,
    Other,
}

impl ReportReason {
    pub const ALL: [ReportReason; 4] = [
        ReportReason::Spam,
        ReportReason::Abuse,
        ReportReason::OffTopic,
        ReportReason::Other,
    ];

    /// The contract's name (`off_topic`).
    pub fn key(self) -> &'static str {
        match self {
            ReportReason::Spam => "spam",
            ReportReason::Abuse => "abuse",
            ReportReason::OffTopic => "off_topic",
            ReportReason::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<ReportReason> {
        ReportReason::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// `POST {api}/articles/{slug}/comments/{id}/reports`
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct NewReport {
    pub reason: ReportReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The `201` (first report) and `200` (already reported) answer.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ReportAnswer {
    pub reported: bool,
}

/// `POST {api}/moderation/session`
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct SignIn {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub password: String,
}

/// The `201` answer to a sign-in.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Session {
    pub moderator: String,
    pub expires_at: Timestamp,
}

/// Which comments the queue lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QueueState {
    #[default]
    All,
    Pending,
    Reported,
}

impl QueueState {
    pub fn key(self) -> &'static str {
        match self {
            QueueState::All => "all",
            QueueState::Pending => "pending",
            QueueState::Reported => "reported",
        }
    }

    pub fn from_key(key: &str) -> Option<QueueState> {
        [QueueState::All, QueueState::Pending, QueueState::Reported]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// `GET {api}/moderation/queue`
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Queue {
    pub items: Vec<QueueItem>,
    pub counts: QueueCounts,
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct QueueCounts {
    pub pending: u32,
    pub reported: u32,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct QueueItem {
    pub comment: Comment,
    pub article: ArticleRef,
    #[serde(default)]
    pub parent: Option<Comment>,
    pub reports: ReportSummary,
    pub author_key: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ArticleRef {
    pub slug: String,
    #[serde(default)]
    pub title: String,
}

/// Reports not yet settled by a decision.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ReportSummary {
    pub count: u32,
    /// Reason key → how many; ordered by key.
    #[serde(default)]
    pub reasons: std::collections::BTreeMap<String, u32>,
}

/// A moderator's decision on a comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Approve,
    Reject,
    Restore,
    Feature,
    Unfeature,
    /// Logged only: a ban (`POST moderation/bans`) and its lifting.
    Ban,
    Unban,
}

impl Action {
    pub fn key(self) -> &'static str {
        match self {
            Action::Approve => "approve",
            Action::Reject => "reject",
            Action::Restore => "restore",
            Action::Feature => "feature",
            Action::Unfeature => "unfeature",
            Action::Ban => "ban",
            Action::Unban => "unban",
        }
    }

    pub fn from_key(key: &str) -> Option<Action> {
        [
            Action::Approve,
            Action::Reject,
            Action::Restore,
            Action::Feature,
            Action::Unfeature,
            Action::Ban,
            Action::Unban,
        ]
        .into_iter()
        .find(|a| a.key() == key)
    }
}

/// `POST {api}/moderation/comments/{id}`
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Decision {
    pub action: Action,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `POST {api}/moderation/bans`
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct NewBan {
    pub author_key: String,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default = "default_ban_days")]
    pub days: u32,
}

fn default_ban_days() -> u32 {
    30
}

/// The `201` answer to a ban.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Ban {
    pub author_key: String,
    pub until: Timestamp,
}

/// `GET {api}/moderation/log`
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Log {
    pub items: Vec<LogEntry>,
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct LogEntry {
    pub at: Timestamp,
    pub moderator: String,
    pub action: Action,
    #[serde(default)]
    pub comment_id: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_and_actions_use_the_contracts_names() {
        let report: NewReport = serde_json::from_str(r#"{"reason":"off_topic"}"#).unwrap();
        assert_eq!(report.reason, ReportReason::OffTopic);
        assert!(serde_json::from_str::<NewReport>(r#"{"reason":"rude"}"#).is_err());
        for reason in ReportReason::ALL {
            assert_eq!(
                serde_json::to_string(&reason).unwrap(),
                format!("\"{}\"", reason.key())
            );
            assert_eq!(ReportReason::from_key(reason.key()), Some(reason));
        }
        let decision: Decision = serde_json::from_str(r#"{"action":"unfeature"}"#).unwrap();
        assert_eq!(decision.action, Action::Unfeature);
        assert_eq!(Action::from_key("restore"), Some(Action::Restore));
        assert_eq!(QueueState::from_key("reported"), Some(QueueState::Reported));
        assert_eq!(QueueState::from_key("nope"), None);
    }

    #[test]
    fn a_ban_lasts_thirty_days_unless_told() {
        let ban: NewBan = serde_json::from_str(r#"{"author_key":"k"}"#).unwrap();
        assert_eq!(ban.days, 30);
    }
}
