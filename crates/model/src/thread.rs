//! A comment listing turned into a tree, without trusting it: duplicate ids
//! keep the first, replies to a missing parent (or to themselves) go to the
//! top level, cycles are broken, and nothing recurses, so a chain thousands
//! deep cannot overflow the stack.

use std::collections::HashMap;

use crate::contract::{Comment, CommentStatus};

/// How top-level comments are ordered. Replies are always oldest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    Newest,
    Oldest,
    MostReplies,
}

impl SortOrder {
    pub const ALL: [SortOrder; 3] = [SortOrder::Newest, SortOrder::Oldest, SortOrder::MostReplies];

    /// The value kept in storage and in `<select>` options.
    pub fn key(self) -> &'static str {
        match self {
            SortOrder::Newest => "newest",
            SortOrder::Oldest => "oldest",
            SortOrder::MostReplies => "replies",
        }
    }

    pub fn from_key(key: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|o| o.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub comment: Comment,
    pub parent: Option<usize>,
    /// Replies, oldest first.
    pub children: Vec<usize>,
    /// 0 for a top-level comment.
    pub depth: usize,
    /// Every reply below this comment, at any depth.
    pub descendants: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thread {
    pub nodes: Vec<Node>,
    /// Top-level comments, in the order last asked for.
    pub roots: Vec<usize>,
}

impl Thread {
    /// Builds the tree of `comments`. Pending comments are left out, except
    /// the reader's own (`own_pending`, kept by their browser from the
    /// `201` answers): those in the listing (static files list them, the
    /// version-1 way) and those a server keeps private (contract 1.1),
    /// which are added. Top-level comments come newest first.
    pub fn build(comments: &[Comment], own_pending: &[Comment]) -> Thread {
        let mut index: HashMap<String, usize> = HashMap::with_capacity(comments.len());
        let mut kept: Vec<Comment> = Vec::with_capacity(comments.len() + own_pending.len());
        let is_own = |id: &str| own_pending.iter().any(|c| c.id == id);
        for comment in comments {
            let visible = comment.status != CommentStatus::Pending || is_own(&comment.id);
            if visible && !index.contains_key(&comment.id) {
                index.insert(comment.id.clone(), kept.len());
                kept.push(comment.clone());
            }
        }
        for comment in own_pending {
            if !index.contains_key(&comment.id) {
                index.insert(comment.id.clone(), kept.len());
                kept.push(Comment {
                    status: CommentStatus::Pending,
                    ..comment.clone()
                });
            }
        }
        let mut parents: Vec<Option<usize>> = kept
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let parent = c.parent_id.as_ref().and_then(|p| index.get(p).copied());
                parent.filter(|&p| p != i)
            })
            .collect();
        break_cycles(&mut parents);

        let mut nodes: Vec<Node> = kept
            .into_iter()
            .zip(&parents)
            .map(|(comment, &parent)| Node {
                comment,
                parent,
                children: Vec::new(),
                depth: 0,
                descendants: 0,
            })
            .collect();
        let mut roots = Vec::new();
        for (i, parent) in parents.iter().enumerate() {
            match parent {
                Some(p) => nodes[*p].children.push(i),
                None => roots.push(i),
            }
        }
        for i in 0..nodes.len() {
            let mut children = std::mem::take(&mut nodes[i].children);
            children.sort_by_key(|&c| (nodes[c].comment.created_at, c));
            nodes[i].children = children;
        }

        // Depths top-down in breadth-first order, then counts bottom-up.
        let mut order = roots.clone();
        let mut at = 0;
        while at < order.len() {
            let i = order[at];
            let depth = nodes[i].depth + 1;
            for k in 0..nodes[i].children.len() {
                let c = nodes[i].children[k];
                nodes[c].depth = depth;
                order.push(c);
            }
            at += 1;
        }
        for &i in order.iter().rev() {
            if let Some(p) = nodes[i].parent {
                nodes[p].descendants += nodes[i].descendants + 1;
            }
        }

        let mut thread = Thread { nodes, roots };
        thread.sort(SortOrder::Newest);
        thread
    }

    /// Orders the top-level comments; ties fall back to newest first.
    pub fn sort(&mut self, order: SortOrder) {
        self.roots = self.sorted_roots(order);
    }

    /// The top-level comments in `order`, leaving the thread as it is.
    pub fn sorted_roots(&self, order: SortOrder) -> Vec<usize> {
        let nodes = &self.nodes;
        let mut roots = self.roots.clone();
        roots.sort_by(|&a, &b| {
            let (na, nb) = (&nodes[a], &nodes[b]);
            let newest = nb
                .comment
                .created_at
                .cmp(&na.comment.created_at)
                .then(b.cmp(&a));
            match order {
                SortOrder::Newest => newest,
                SortOrder::Oldest => na
                    .comment
                    .created_at
                    .cmp(&nb.comment.created_at)
                    .then(a.cmp(&b)),
                SortOrder::MostReplies => nb.descendants.cmp(&na.descendants).then(newest),
            }
        });
        roots
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.comment.id == id)
    }

    /// The comments a reader sees counted: published ones (deleted
    /// placeholders and pending ones are not).
    pub fn published_count(&self) -> usize {
        self.nodes
            .iter()
            .filter(|n| n.comment.status == CommentStatus::Published)
            .count()
    }

    /// From the top-level comment down to `i`'s parent.
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut at = self.nodes[i].parent;
        while let Some(p) = at {
            chain.push(p);
            at = self.nodes[p].parent;
        }
        chain.reverse();
        chain
    }
}

/// Makes every parent chain end at a root: a comment whose chain comes back
/// to itself loses its parent link and becomes top-level. Iterative.
fn break_cycles(parents: &mut [Option<usize>]) {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; parents.len()];
    let mut path = Vec::new();
    for start in 0..parents.len() {
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                DONE => break,
                ON_PATH => {
                    // `i` closes a loop: the comment that pointed back to it
                    // becomes top-level.
                    if let Some(&last) = path.last() {
                        parents[last] = None;
                    }
                    break;
                }
                _ => {
                    state[i] = ON_PATH;
                    path.push(i);
                    at = parents[i];
                }
            }
        }
        for i in path.drain(..) {
            state[i] = DONE;
        }
    }
}

#[cfg(test)]
#[path = "thread_tests.rs"]
pub(crate) mod tests;
