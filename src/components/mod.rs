//! Components: the pieces every page shares, turning data and signals into
//! markup. A page loads its data and hands it down; the two components
//! that reach the API do so through its client (`crate::api`) when the
//! reader asks: the feed's next page and a card's prefetch on hover. The
//! comments feature has its own folder (`crate::comments`).

pub mod blocks;
pub mod feed;
pub mod layout;
pub mod prefs;
pub mod share;
pub mod states;
pub mod summary;
pub mod time;
pub mod title;
