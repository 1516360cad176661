//! Properties of a thread built from any listing, however broken: ids
//! repeated, parents missing, replies to themselves, cycles of any length,
//! pending comments, timestamps out of order.

use std::collections::HashSet;

use gazette_model::contract::{Comment, CommentStatus};
use gazette_model::listing::{pages, thread_order};
use gazette_model::thread::Thread;
use proptest::prelude::*;

/// A comment from a small pool of ids, so that duplicates, self-replies and
/// cycles are common.
fn comment() -> impl Strategy<Value = Comment> {
    (
        0..24u8,
        proptest::option::of(0..30u8),
        0..3u8,
        0..100_000i64,
    )
        .prop_map(|(id, parent, status, second)| {
            let status = ["published", "pending", "deleted"][status as usize];
            serde_json::from_value(serde_json::json!({
                "id": format!("c{id}"),
                "parent_id": parent.map(|p| format!("c{p}")),
                "author": "A",
                "body": "b",
                "created_at": chrono::DateTime::from_timestamp(1_700_000_000 + second, 0)
                    .unwrap()
                    .to_rfc3339(),
                "status": status,
            }))
            .expect("a contract comment")
        })
}

fn visible_ids(listing: &[Comment], own: &[Comment]) -> HashSet<String> {
    listing
        .iter()
        .filter(|c| c.status != CommentStatus::Pending || own.iter().any(|o| o.id == c.id))
        .chain(own)
        .map(|c| c.id.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_comment_is_shown_once_and_no_walk_loops(
        listing in proptest::collection::vec(comment(), 0..60),
        own in proptest::collection::vec(comment(), 0..4),
    ) {
        let own: Vec<Comment> = own.into_iter().map(|c| Comment { status: CommentStatus::Pending, ..c }).collect();
        let thread = Thread::build(&listing, &own);
        // Walking down from the top level reaches every node exactly once:
        // nothing is lost, nothing repeats, and no cycle keeps the walk going.
        let mut seen = vec![false; thread.nodes.len()];
        let mut stack = thread.roots.clone();
        let mut steps = 0;
        while let Some(i) = stack.pop() {
            prop_assert!(!seen[i], "node {} reached twice", i);
            seen[i] = true;
            steps += 1;
            prop_assert!(steps <= thread.nodes.len());
            stack.extend(&thread.nodes[i].children);
        }
        prop_assert!(seen.iter().all(|&s| s), "a node the walk never reaches");
        let shown: Vec<&str> = thread.nodes.iter().map(|n| n.comment.id.as_str()).collect();
        let distinct: HashSet<&str> = shown.iter().copied().collect();
        prop_assert_eq!(distinct.len(), shown.len(), "an id shown twice");
        let expected = visible_ids(&listing, &own);
        prop_assert_eq!(distinct, expected.iter().map(String::as_str).collect::<HashSet<_>>());
    }

    #[test]
    fn depth_counts_the_parents_and_stays_bounded(
        listing in proptest::collection::vec(comment(), 0..60),
    ) {
        let thread = Thread::build(&listing, &[]);
        for (i, node) in thread.nodes.iter().enumerate() {
            prop_assert_eq!(node.depth, thread.ancestors(i).len());
            prop_assert!(node.depth < thread.nodes.len().max(1));
            match node.parent {
                None => prop_assert!(thread.roots.contains(&i)),
                Some(p) => {
                    prop_assert_eq!(node.depth, thread.nodes[p].depth + 1);
                    prop_assert!(thread.nodes[p].children.contains(&i));
                }
            }
            let below: usize = node.children.iter().map(|&c| thread.nodes[c].descendants + 1).sum();
            prop_assert_eq!(node.descendants, below);
        }
    }

    #[test]
    fn pages_in_thread_order_hold_each_comment_once(
        listing in proptest::collection::vec(comment(), 0..60),
    ) {
        let ordered = thread_order(&listing);
        let ids: Vec<String> = pages(ordered).into_iter().flatten().map(|c| c.id).collect();
        let distinct: HashSet<&String> = ids.iter().collect();
        prop_assert_eq!(distinct.len(), ids.len());
        let all: HashSet<String> = listing.iter().map(|c| c.id.clone()).collect();
        prop_assert_eq!(distinct.len(), all.len());
        // A reply comes after its parent.
        let at = |id: &str| ids.iter().position(|x| x == id);
        let thread = Thread::build(&listing, &listing.iter().filter(|c| c.status == CommentStatus::Pending).cloned().collect::<Vec<_>>());
        for node in &thread.nodes {
            if let Some(p) = node.parent {
                prop_assert!(at(&thread.nodes[p].comment.id) < at(&node.comment.id));
            }
        }
    }
}
