//! Components: the pieces every page shares, turning data and signals into
//! markup. A page loads its data and hands it down; the two components
//! that reach the API do so through its client (`crate::api`) when the
//! reader asks: the feed's next page and a card's prefetch on hover. The
//! comments feature (`crate::comments`) and the moderation desk
//! (`crate::desk`) have their own folders.

pub mod blocks;
pub mod comment_body;
pub mod feed;
pub mod head;
pub mod layout;
pub mod prefs;
pub mod share;
pub mod states;
pub mod summary;
pub mod time;
