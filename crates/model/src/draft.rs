//! Reply drafts: what the browser keeps of an unsent comment (under
//! `storage_keys::draft`), and the Idempotency-Key that makes its retries
//! safe.

use serde::{Deserialize, Serialize};

use crate::contract::NewComment;

/// An unsent comment, kept in localStorage as the reader types.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Draft {
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    /// The Idempotency-Key of this draft's sends.
    #[serde(default)]
    pub key: String,
    /// The request body last sent with `key`: a retry of the same text
    /// reuses the key, edited text gets a new one.
    #[serde(default)]
    pub sent: Option<String>,
    /// Written offline: sent, with its key, once the network is back
    /// (also after a reload).
    #[serde(default)]
    pub queued: bool,
}

impl Draft {
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty() && self.body.trim().is_empty()
    }

    /// The request for this draft as a reply to `parent`.
    pub fn to_request(&self, parent: Option<&str>) -> NewComment {
        NewComment {
            parent_id: parent.map(str::to_owned),
            author: self.author.clone(),
            title: Some(self.title.clone()).filter(|t| !t.trim().is_empty()),
            body: self.body.clone(),
            website: String::new(),
        }
    }

    /// The key to send `payload` with, rotating to `fresh_key` when the key
    /// was already used for another payload (the server would answer 422).
    pub fn key_for(&mut self, payload: &str, fresh_key: impl FnOnce() -> String) -> String {
        let reusable =
            !self.key.is_empty() && self.sent.as_deref().is_none_or(|sent| sent == payload);
        if !reusable {
            self.key = fresh_key();
        }
        self.sent = Some(payload.to_owned());
        self.key.clone()
    }
}

/// A UUID version 4 string from 16 random bytes.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_has_version_and_variant_bits() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let id = uuid_v4([0; 16]);
        assert_eq!(id, "00000000-0000-4000-8000-000000000000");
        assert_eq!(id.len(), 36);
    }

    #[test]
    fn a_retry_of_the_same_text_reuses_the_key() {
        let mut draft = Draft {
            body: "Bonjour".into(),
            ..Draft::default()
        };
        let first = draft.key_for("{\"body\":\"Bonjour\"}", || "k1".into());
        let again = draft.key_for("{\"body\":\"Bonjour\"}", || "k2".into());
        assert_eq!((first.as_str(), again.as_str()), ("k1", "k1"));
    }

    #[test]
    fn edited_text_gets_a_new_key() {
        let mut draft = Draft::default();
        draft.key_for("a", || "k1".into());
        assert_eq!(draft.key_for("b", || "k2".into()), "k2");
        assert_eq!(draft.sent.as_deref(), Some("b"));
    }

    #[test]
    fn request_leaves_out_an_empty_title_and_the_honeypot() {
        let draft = Draft {
            author: "Nadia".into(),
            title: "  ".into(),
            body: "Texte".into(),
            ..Draft::default()
        };
        let request = draft.to_request(Some("c3"));
        assert_eq!(request.title, None);
        assert_eq!(request.parent_id.as_deref(), Some("c3"));
        assert_eq!(request.website, "");
    }

    #[test]
    fn a_draft_kept_before_offline_sending_existed_is_not_queued() {
        let old: Draft =
            serde_json::from_str(r#"{"author":"A","body":"b","key":"k","sent":null}"#).unwrap();
        assert!(!old.queued);
        let queued = Draft {
            queued: true,
            ..old
        };
        let back: Draft = serde_json::from_str(&serde_json::to_string(&queued).unwrap()).unwrap();
        assert_eq!(back, queued);
    }
}
