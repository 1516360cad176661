use super::*;
use crate::contract::Timestamp;

/// A published comment at `minute` past midnight (also for listing_tests.rs).
pub(crate) fn comment(id: &str, parent: Option<&str>, minute: u32) -> Comment {
    Comment {
        id: id.to_owned(),
        parent_id: parent.map(str::to_owned),
        author: format!("author-{id}"),
        title: None,
        body: format!("body of {id}"),
        created_at: Timestamp::parse(&format!(
            "2026-03-01T{:02}:{:02}:00+01:00",
            minute / 60,
            minute % 60
        ))
        .expect("test time"),
        status: CommentStatus::Published,
        recommend_count: None,
        featured: false,
        edited_at: None,
    }
}

fn ids(thread: &Thread, list: &[usize]) -> Vec<String> {
    list.iter()
        .map(|&i| thread.nodes[i].comment.id.clone())
        .collect()
}

fn roots(thread: &Thread) -> Vec<String> {
    ids(thread, &thread.roots)
}

fn children(thread: &Thread, id: &str) -> Vec<String> {
    let i = thread.find(id).expect("comment in thread");
    ids(thread, &thread.nodes[i].children)
}

#[test]
fn nests_replies_and_orders_them() {
    let thread = Thread::build(
        &[
            comment("b", Some("a"), 5),
            comment("a", None, 1),
            comment("c", None, 2),
            comment("d", Some("a"), 3),
            comment("e", Some("b"), 6),
        ],
        &[],
    );
    assert_eq!(roots(&thread), ["c", "a"], "top level newest first");
    assert_eq!(children(&thread, "a"), ["d", "b"], "replies oldest first");
    assert_eq!(children(&thread, "b"), ["e"]);
    let e = thread.find("e").unwrap();
    assert_eq!(thread.nodes[e].depth, 2);
    assert_eq!(thread.nodes[thread.find("a").unwrap()].descendants, 3);
    assert_eq!(ids(&thread, &thread.ancestors(e)), ["a", "b"]);
}

#[test]
fn sort_orders() {
    let mut thread = Thread::build(
        &[
            comment("old", None, 1),
            comment("mid", None, 2),
            comment("new", None, 3),
            comment("r1", Some("mid"), 4),
            comment("r2", Some("mid"), 5),
            comment("r3", Some("old"), 6),
        ],
        &[],
    );
    assert_eq!(roots(&thread), ["new", "mid", "old"]);
    thread.sort(SortOrder::Oldest);
    assert_eq!(roots(&thread), ["old", "mid", "new"]);
    thread.sort(SortOrder::MostReplies);
    assert_eq!(roots(&thread), ["mid", "old", "new"]);
    assert_eq!(SortOrder::from_key("replies"), Some(SortOrder::MostReplies));
    assert_eq!(SortOrder::from_key("bogus"), None);
}

#[test]
fn duplicate_ids_keep_the_first() {
    let mut second = comment("a", None, 9);
    second.body = "impostor".to_owned();
    let thread = Thread::build(&[comment("a", None, 1), second], &[]);
    assert_eq!(thread.nodes.len(), 1);
    assert_eq!(thread.nodes[0].comment.body, "body of a");
}

#[test]
fn orphans_and_self_parents_go_to_the_top_level() {
    let thread = Thread::build(
        &[
            comment("orphan", Some("gone"), 1),
            comment("selfish", Some("selfish"), 2),
        ],
        &[],
    );
    assert_eq!(roots(&thread), ["selfish", "orphan"]);
}

#[test]
fn cycles_are_broken_and_nothing_is_dropped() {
    let thread = Thread::build(
        &[
            comment("a", Some("c"), 1),
            comment("b", Some("a"), 2),
            comment("c", Some("b"), 3),
            comment("x", Some("y"), 4),
            comment("y", Some("x"), 5),
        ],
        &[],
    );
    assert_eq!(thread.nodes.len(), 5);
    let reachable: usize = thread
        .roots
        .iter()
        .map(|&r| thread.nodes[r].descendants + 1)
        .sum();
    assert_eq!(reachable, 5, "every comment hangs under some root");
    assert_eq!(thread.roots.len(), 2);
}

#[test]
fn a_chain_thousands_deep_does_not_overflow() {
    let mut list = vec![comment("c0", None, 0)];
    for i in 1..5000 {
        list.push(comment(
            &format!("c{i}"),
            Some(&format!("c{}", i - 1)),
            i % 1440,
        ));
    }
    let thread = Thread::build(&list, &[]);
    let last = thread.find("c4999").unwrap();
    assert_eq!(thread.nodes[last].depth, 4999);
    assert_eq!(thread.nodes[thread.find("c0").unwrap()].descendants, 4999);
    assert_eq!(thread.ancestors(last).len(), 4999);
    // Dropping it must not recurse either.
    drop(thread);
}

#[test]
fn pending_is_hidden_except_the_readers_own() {
    let mut pending = comment("p", None, 2);
    pending.status = CommentStatus::Pending;
    let mut reply = comment("r", Some("p"), 3);
    reply.status = CommentStatus::Published;
    let list = vec![comment("a", None, 1), pending, reply];
    let hidden = Thread::build(&list, &[]);
    assert_eq!(
        roots(&hidden),
        ["r", "a"],
        "a reply to a hidden comment is shown at the top"
    );
    let shown = Thread::build(&list, &[list[1].clone()]);
    assert_eq!(roots(&shown), ["p", "a"]);
    assert_eq!(children(&shown, "p"), ["r"]);
}

#[test]
fn the_readers_own_pending_comments_are_added_where_the_listing_leaves_them_out() {
    // A server (contract 1.1) lists neither the held comment nor its held reply.
    let list = vec![comment("a", None, 1)];
    let mut mine = comment("p", None, 2);
    mine.status = CommentStatus::Pending;
    let mut my_reply = comment("q", Some("a"), 3);
    my_reply.status = CommentStatus::Pending;
    let thread = Thread::build(&list, &[mine.clone(), my_reply]);
    assert_eq!(roots(&thread), ["p", "a"]);
    assert_eq!(children(&thread, "a"), ["q"]);
    // Once published, the listing's copy is the one shown.
    let mut published = mine.clone();
    published.status = CommentStatus::Published;
    published.body = "as listed".into();
    let thread = Thread::build(&[published], &[mine]);
    let node = &thread.nodes[thread.roots[0]];
    assert_eq!(
        (node.comment.status, node.comment.body.as_str()),
        (CommentStatus::Published, "as listed")
    );
}

#[test]
fn deleted_comments_keep_their_replies() {
    let mut deleted = comment("d", None, 1);
    deleted.status = CommentStatus::Deleted;
    deleted.body.clear();
    let thread = Thread::build(&[deleted, comment("r", Some("d"), 2)], &[]);
    assert_eq!(roots(&thread), ["d"]);
    assert_eq!(children(&thread, "d"), ["r"]);
    assert_eq!(thread.published_count(), 1);
}

#[test]
fn hostile_and_huge_fields_are_kept_verbatim() {
    let mut evil = comment("x", None, 1);
    evil.author = "<script>alert(1)</script>".to_owned();
    evil.title = Some(String::new());
    evil.body = "<img src=x onerror=alert(1)>".repeat(2000);
    let thread = Thread::build(&[evil.clone()], &[]);
    assert_eq!(thread.nodes[0].comment, evil);
}

#[test]
fn empty_listing() {
    let thread = Thread::build(&[], &[]);
    assert!(thread.roots.is_empty());
    assert_eq!(thread.published_count(), 0);
}
