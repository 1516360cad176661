//! What the public sees of an article's comments (contract 1.1, "Held
//! comments are not public"): published comments that readers have not
//! reported up to the threshold. A hidden comment (rejected, or reported
//! and awaiting a decision) that has public replies stays as a `deleted`
//! placeholder with no text, so its replies keep their place; a pending
//! comment is left out, and its replies show at the top level.

use std::collections::HashMap;

use gazette_model::contract::{Comment, CommentStatus};

/// A comment's state in the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    Published,
    Pending,
    Rejected,
    /// Imported as `deleted`: a placeholder already.
    Deleted,
}

impl Stored {
    pub fn name(self) -> &'static str {
        match self {
            Stored::Published => "published",
            Stored::Pending => "pending",
            Stored::Rejected => "rejected",
            Stored::Deleted => "deleted",
        }
    }

    pub fn parse(name: &str) -> Stored {
        match name {
            "pending" => Stored::Pending,
            "rejected" => Stored::Rejected,
            "deleted" => Stored::Deleted,
            _ => Stored::Published,
        }
    }

    pub fn of(status: CommentStatus) -> Stored {
        match status {
            CommentStatus::Published => Stored::Published,
            CommentStatus::Pending => Stored::Pending,
            CommentStatus::Deleted => Stored::Deleted,
        }
    }

    /// The contract's status for a comment in this state, as a moderator
    /// sees it: a rejected one is `deleted`.
    pub fn status(self) -> CommentStatus {
        match self {
            Stored::Published => CommentStatus::Published,
            Stored::Pending => CommentStatus::Pending,
            Stored::Rejected | Stored::Deleted => CommentStatus::Deleted,
        }
    }
}

/// One stored comment with what decides whether it is public.
#[derive(Clone, Debug)]
pub struct Row {
    pub comment: Comment,
    pub stored: Stored,
    /// Reports no decision has settled yet.
    pub open_reports: u32,
}

impl Row {
    /// Whether readers see it, given the report threshold (0: reports never hide).
    pub fn is_public(&self, threshold: u32) -> bool {
        self.stored == Stored::Published && (threshold == 0 || self.open_reports < threshold)
    }

    fn keeps_a_place(&self) -> bool {
        matches!(self.stored, Stored::Published | Stored::Rejected)
    }
}

/// The public listing of `rows` (in stored order) and how many of them
/// are published comments.
pub fn public_listing(rows: Vec<Row>, threshold: u32) -> (Vec<Comment>, u32) {
    let by_id: HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| (row.comment.id.as_str(), i))
        .collect();
    let mut shown: Vec<bool> = rows
        .iter()
        .map(|row| row.is_public(threshold) || row.stored == Stored::Deleted)
        .collect();
    let public = rows.iter().filter(|row| row.is_public(threshold)).count() as u32;
    // Each public comment keeps its hidden ancestors' places, up to the
    // first one that keeps none (pending) or is already kept.
    let mut placeholder = vec![false; rows.len()];
    for (i, row) in rows.iter().enumerate() {
        if !row.is_public(threshold) {
            continue;
        }
        let mut parent = row.comment.parent_id.as_deref();
        let mut steps = 0;
        while let Some(&p) = parent.and_then(|id| by_id.get(id)) {
            steps += 1;
            if shown[p] || !rows[p].keeps_a_place() || steps > rows.len() || p == i {
                break;
            }
            shown[p] = true;
            placeholder[p] = true;
            parent = rows[p].comment.parent_id.as_deref();
        }
    }
    let comments = rows
        .into_iter()
        .zip(shown.into_iter().zip(placeholder))
        .filter(|(_, (shown, _))| *shown)
        .map(|(row, (_, placeholder))| {
            if placeholder || row.stored == Stored::Deleted {
                blank(row.comment)
            } else {
                row.comment
            }
        })
        .collect();
    (comments, public)
}

/// A `deleted` placeholder: its place in the thread, none of its text.
fn blank(comment: Comment) -> Comment {
    Comment {
        author: String::new(),
        title: None,
        body: String::new(),
        status: CommentStatus::Deleted,
        recommend_count: None,
        featured: false,
        edited_at: None,
        ..comment
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gazette_model::contract::Timestamp;

    fn row(id: &str, parent: Option<&str>, stored: Stored, open_reports: u32) -> Row {
        Row {
            comment: Comment {
                id: id.into(),
                parent_id: parent.map(Into::into),
                author: format!("author of {id}"),
                title: Some(format!("title of {id}")),
                body: format!("text of {id}"),
                created_at: Timestamp::parse("2026-03-01T10:00:00+01:00").unwrap(),
                status: stored.status(),
                recommend_count: None,
                featured: false,
                edited_at: None,
            },
            stored,
            open_reports,
        }
    }

    fn ids(list: &[Comment]) -> Vec<(&str, CommentStatus)> {
        list.iter().map(|c| (c.id.as_str(), c.status)).collect()
    }

    #[test]
    fn pending_and_rejected_comments_are_left_out_and_not_counted() {
        let rows = vec![
            row("a", None, Stored::Published, 0),
            row("b", None, Stored::Pending, 0),
            row("c", None, Stored::Rejected, 0),
        ];
        let (list, count) = public_listing(rows, 3);
        assert_eq!(ids(&list), [("a", CommentStatus::Published)]);
        assert_eq!(count, 1);
    }

    #[test]
    fn a_rejected_comment_with_replies_keeps_its_place_without_its_text() {
        let rows = vec![
            row("a", None, Stored::Rejected, 0),
            row("b", Some("a"), Stored::Rejected, 0),
            row("c", Some("b"), Stored::Published, 0),
        ];
        let (list, count) = public_listing(rows, 3);
        assert_eq!(
            ids(&list),
            [
                ("a", CommentStatus::Deleted),
                ("b", CommentStatus::Deleted),
                ("c", CommentStatus::Published)
            ]
        );
        assert_eq!(count, 1);
        assert!(list[..2]
            .iter()
            .all(|c| c.body.is_empty() && c.author.is_empty() && c.title.is_none()));
    }

    #[test]
    fn reports_up_to_the_threshold_hide_a_comment() {
        let rows = || {
            vec![
                row("a", None, Stored::Published, 2),
                row("b", None, Stored::Published, 3),
                row("c", Some("b"), Stored::Published, 0),
            ]
        };
        let (list, count) = public_listing(rows(), 3);
        assert_eq!(
            ids(&list),
            [
                ("a", CommentStatus::Published),
                ("b", CommentStatus::Deleted),
                ("c", CommentStatus::Published)
            ]
        );
        assert_eq!(count, 2);
        // Threshold 0: reports never hide.
        assert_eq!(public_listing(rows(), 0).1, 3);
    }

    #[test]
    fn a_reply_to_a_pending_comment_is_public_and_its_parent_is_not() {
        let rows = vec![
            row("a", None, Stored::Pending, 0),
            row("b", Some("a"), Stored::Published, 0),
        ];
        let (list, _) = public_listing(rows, 3);
        assert_eq!(ids(&list), [("b", CommentStatus::Published)]);
    }

    #[test]
    fn imported_placeholders_stay_and_a_cycle_ends() {
        let rows = vec![
            row("a", Some("b"), Stored::Rejected, 0),
            row("b", Some("a"), Stored::Published, 0),
            row("d", None, Stored::Deleted, 0),
        ];
        let (list, _) = public_listing(rows, 3);
        assert_eq!(
            ids(&list),
            [
                ("a", CommentStatus::Deleted),
                ("b", CommentStatus::Published),
                ("d", CommentStatus::Deleted)
            ]
        );
    }
}
