use super::*;
use crate::routes::api;
use crate::thread::tests::comment;

fn ids(list: &[Comment]) -> Vec<&str> {
    list.iter().map(|c| c.id.as_str()).collect()
}

/// Two top-level comments, the older with a reply chain and a late reply.
fn sample() -> Vec<Comment> {
    vec![
        comment("b", Some("a"), 5),
        comment("a", None, 1),
        comment("z", None, 9),
        comment("c", Some("b"), 6),
        comment("d", Some("a"), 3),
        comment("lost", Some("gone"), 2),
    ]
}

#[test]
fn thread_order_is_newest_roots_each_followed_by_its_replies_oldest_first() {
    let ordered = thread_order(&sample());
    assert_eq!(ids(&ordered), ["z", "lost", "a", "d", "b", "c"]);
}

#[test]
fn thread_order_keeps_pending_entries_and_drops_duplicates() {
    let mut list = sample();
    list.push(comment("a", None, 50));
    let mut held = comment("p", Some("z"), 10);
    held.status = CommentStatus::Pending;
    list.push(held);
    let ordered = thread_order(&list);
    assert_eq!(ids(&ordered), ["z", "p", "lost", "a", "d", "b", "c"]);
    assert_eq!(ordered[1].status, CommentStatus::Pending);
}

#[test]
fn pages_hold_at_most_two_hundred_comments() {
    let list: Vec<Comment> = (0..450)
        .map(|i| comment(&format!("c{i}"), None, i))
        .collect();
    let pages = pages(list);
    let sizes: Vec<usize> = pages.iter().map(Vec::len).collect();
    assert_eq!(sizes, [200, 200, 50]);
    assert_eq!(pages[1][0].id, "c200");
}

#[test]
fn pages_hold_at_most_256_kib_and_a_huge_comment_gets_its_own() {
    let mut big = comment("big", None, 1);
    big.body = "x".repeat(300 * 1024);
    let mut half = comment("half", None, 2);
    half.body = "y".repeat(150 * 1024);
    let list = vec![
        comment("a", None, 0),
        big,
        half.clone(),
        half,
        comment("b", None, 3),
    ];
    let pages = pages(list);
    let names: Vec<Vec<&str>> = pages.iter().map(|p| ids(p)).collect();
    assert_eq!(
        names,
        [vec!["a"], vec!["big"], vec!["half"], vec!["half", "b"]]
    );
    for page in &pages[2..] {
        assert!(serde_json::to_string(page).unwrap().len() <= MAX_PAGE_BYTES);
    }
}

#[test]
fn an_empty_listing_is_one_empty_page() {
    let page = listing_page("s", pages(Vec::new()), 1).expect("page 1");
    assert!(page.comments.is_empty());
    assert_eq!(page.next, None);
    assert_eq!(page.total, Some(0));
    assert!(listing_page("s", pages(Vec::new()), 2).is_none());
}

#[test]
fn listing_pages_name_the_next_and_count_every_page() {
    let mut list: Vec<Comment> = (0..250)
        .map(|i| comment(&format!("c{i}"), None, i))
        .collect();
    list[3].status = CommentStatus::Deleted;
    let first = listing_page("s", pages(list.clone()), 1).expect("page 1");
    assert_eq!(
        first.next.as_deref(),
        Some("articles/s/comments/pages/2.json")
    );
    assert_eq!(first.total, Some(249));
    let second = listing_page("s", pages(list.clone()), 2).expect("page 2");
    assert_eq!(second.comments.len(), 50);
    assert_eq!(second.next, None);
    assert!(listing_page("s", pages(list.clone()), 3).is_none());
    assert!(listing_page("s", pages(list), 0).is_none());
}

#[test]
fn a_sub_thread_has_its_ancestors_and_its_whole_sub_tree() {
    let ordered = thread_order(&sample());
    let sub = sub_thread("s", &ordered, "b", 1).expect("b is there");
    assert_eq!(ids(&sub.ancestors), ["a"]);
    assert_eq!(sub.comment.id, "b");
    assert_eq!(ids(&sub.replies), ["c"]);
    assert_eq!(sub.next, None);
    let top = sub_thread("s", &ordered, "a", 1).expect("a is there");
    assert!(top.ancestors.is_empty());
    assert_eq!(ids(&top.replies), ["d", "b", "c"]);
    let leaf = sub_thread("s", &ordered, "c", 1).expect("c is there");
    assert_eq!(ids(&leaf.ancestors), ["a", "b"]);
    assert!(leaf.replies.is_empty());
    assert!(sub_thread("s", &ordered, "nope", 1).is_none());
    assert!(sub_thread("s", &ordered, "a", 2).is_none());
}

#[test]
fn a_long_sub_thread_is_paged() {
    let mut list = vec![comment("root", None, 0)];
    list.extend((1..=300).map(|i| comment(&format!("r{i}"), Some("root"), i)));
    let ordered = thread_order(&list);
    let first = sub_thread("s", &ordered, "root", 1).expect("page 1");
    assert_eq!(first.replies.len(), 200);
    assert_eq!(
        first.next.as_deref(),
        Some("articles/s/comments/root/pages/2.json")
    );
    let second = sub_thread("s", &ordered, "root", 2).expect("page 2");
    assert_eq!(second.replies.len(), 100);
    assert_eq!(second.comment.id, "root");
    assert_eq!(second.next, None);
}

#[test]
fn a_cycle_does_not_loop_the_ancestors() {
    let list = vec![comment("x", Some("y"), 1), comment("y", Some("x"), 2)];
    let ordered = thread_order(&list);
    assert_eq!(ordered.len(), 2);
    for c in &ordered {
        let sub = sub_thread("s", &ordered, &c.id, 1).expect("there");
        assert!(sub.ancestors.len() <= 1);
    }
}

#[test]
fn a_sub_thread_is_held_once_a_later_comment_or_the_end_is_read() {
    let ordered = thread_order(&sample());
    // z, lost, a, d, b, c
    assert!(!holds_sub_thread(&ordered[..3], "a", true));
    assert!(!holds_sub_thread(&ordered[..5], "a", true));
    assert!(holds_sub_thread(&ordered[..5], "a", false));
    assert!(holds_sub_thread(&ordered, "lost", true));
    assert!(holds_sub_thread(&ordered[..2], "z", true));
    assert!(!holds_sub_thread(&ordered[..1], "lost", false));
}

#[test]
fn comments_paths_parse_back() {
    use crate::routes::api::{comments_path, CommentsPath};
    for (path, want) in [
        (api::comments("s"), CommentsPath::Page { slug: "s", n: 1 }),
        (
            api::comments_page("s", 2),
            CommentsPath::Page { slug: "s", n: 2 },
        ),
        (
            api::sub_thread("s", "c1"),
            CommentsPath::SubThread {
                slug: "s",
                id: "c1",
                n: 1,
            },
        ),
        (
            api::sub_thread_page("s", "c1", 12),
            CommentsPath::SubThread {
                slug: "s",
                id: "c1",
                n: 12,
            },
        ),
    ] {
        assert_eq!(comments_path(&path), Some(want), "{path}");
        assert!(crate::routes::is_api_path(&path), "{path}");
    }
    for bad in [
        "articles/s/comments/pages/1.json",
        "articles/s/comments/pages/02.json",
        "articles/s/comments/pages/+2.json",
        "articles/s/comments/pages/x.json",
        "articles/s/comments/c1/pages/1.json",
        "articles/s/comments/a/b.json",
        "articles/s/comments/.json",
        "articles/../comments/c1.json",
        "articles/s/comments/c1",
        "sections/s.json",
    ] {
        assert_eq!(comments_path(bad), None, "{bad}");
    }
}

#[test]
fn own_pending_comments_wait_for_their_parents_page() {
    let read = vec![comment("a", None, 1)];
    let own = vec![
        comment("mine", None, 20),
        comment("to-a", Some("a"), 21),
        comment("to-later", Some("later"), 22),
        comment("to-mine", Some("to-a"), 23),
    ];
    assert_eq!(
        ids(&placeable_pending(own.clone(), &read, true)),
        ["mine", "to-a", "to-mine"]
    );
    assert_eq!(
        ids(&placeable_pending(own, &read, false)),
        ["mine", "to-a", "to-later", "to-mine"]
    );
}
