//! The one owner of the site's addresses: every route of the app, the URL
//! of each, the API paths each needs, the file a static build writes it
//! to, and the slug rule. The app's router and links, its API client,
//! gazette-render, the build-time prerender and the server all ask here.
//!
//! `index.html` keeps a JavaScript copy of [`Route::api_paths`] (it
//! preloads a route's JSON before the .wasm arrives);
//! `crates/render/tests/index_html.rs` runs it against this module for a
//! table of paths.

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Front,
    /// `/section/{slug}`
    Section { slug: String },
    /// `/article/{slug}`
    Article { slug: String },
    /// `/article/{slug}/comments`: the whole thread.
    Thread { slug: String },
    /// `/article/{slug}/comments/{id}`: one comment's sub-thread.
    Comment { slug: String, id: String },
    /// `/moderation`: the moderation desk, linked from nowhere a reader
    /// sees. Never rendered ahead: it is the app's alone.
    Moderation,
}

impl Route {
    pub fn section(slug: &str) -> Route {
        Route::Section { slug: slug.into() }
    }

    pub fn article(slug: &str) -> Route {
        Route::Article { slug: slug.into() }
    }

    pub fn thread(slug: &str) -> Route {
        Route::Thread { slug: slug.into() }
    }

    pub fn comment(slug: &str, id: &str) -> Route {
        Route::Comment {
            slug: slug.into(),
            id: id.into(),
        }
    }

    /// The route at a URL path (trailing slashes ignored), or `None`: the
    /// not-found page. Slugs and ids must follow [`is_valid_slug`]. The file
    /// a static build writes a page to ([`Route::file`]: `/article/x.html`,
    /// `/index.html`) is that page too, since a static host also serves it
    /// at that address; [`Route::href`] is still the page's one address (the
    /// server redirects there).
    pub fn parse(path: &str) -> Option<Route> {
        let Some(stem) = path.strip_suffix(".html") else {
            return Route::parse_href(path);
        };
        let route = match stem {
            "/index" => Some(Route::Front),
            _ => Route::parse_href(stem),
        }?;
        let is_its_file = route
            .file()
            .is_some_and(|file| path.strip_prefix('/') == Some(file.as_str()));
        is_its_file.then_some(route)
    }

    /// [`Route::parse`] of a page's own address (no `.html`).
    fn parse_href(path: &str) -> Option<Route> {
        let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
        let route = match segments[..] {
            [] => Route::Front,
            ["section", slug] => Route::section(slug),
            ["article", slug] => Route::article(slug),
            ["article", slug, "comments"] => Route::thread(slug),
            ["article", slug, "comments", id] => Route::comment(slug, id),
            ["moderation"] => Route::Moderation,
            _ => return None,
        };
        let valid =
            route.slug().is_none_or(is_valid_slug) && route.comment_id().is_none_or(is_valid_slug);
        valid.then_some(route)
    }

    /// The article or section slug in the route.
    pub fn slug(&self) -> Option<&str> {
        match self {
            Route::Front | Route::Moderation => None,
            Route::Section { slug }
            | Route::Article { slug }
            | Route::Thread { slug }
            | Route::Comment { slug, .. } => Some(slug),
        }
    }

    fn comment_id(&self) -> Option<&str> {
        match self {
            Route::Comment { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The URL path of the route, for links.
    pub fn href(&self) -> String {
        match self {
            Route::Front => "/".to_owned(),
            Route::Section { slug } => format!("/section/{slug}"),
            Route::Article { slug } => format!("/article/{slug}"),
            Route::Thread { slug } => format!("/article/{slug}/comments"),
            Route::Comment { slug, id } => format!("/article/{slug}/comments/{id}"),
            Route::Moderation => "/moderation".to_owned(),
        }
    }

    /// Every API response the page shows, relative to the API root: what
    /// the app fetches when it arrives there (and index.html preloads).
    pub fn api_paths(&self) -> Vec<String> {
        let mut paths = vec![api::SITE.to_owned()];
        match self {
            Route::Front => paths.push(api::FRONT.to_owned()),
            Route::Section { slug } => paths.push(api::section(slug)),
            Route::Article { slug } | Route::Thread { slug } => {
                paths.push(api::article(slug));
                paths.push(api::comments(slug));
            }
            Route::Comment { slug, id } => {
                paths.push(api::article(slug));
                paths.push(api::sub_thread(slug, id));
            }
            Route::Moderation => {}
        }
        paths
    }

    /// The API response that says whether the page exists: when it is
    /// `404`, the page is the not-found page (the front page's list, the
    /// section, the article; `/moderation` always exists). A permalink's
    /// comment that is not public does not make its thread not found.
    pub fn subject_path(&self) -> Option<String> {
        match self {
            Route::Front => Some(api::FRONT.to_owned()),
            Route::Section { slug } => Some(api::section(slug)),
            Route::Article { slug } | Route::Thread { slug } | Route::Comment { slug, .. } => {
                Some(api::article(slug))
            }
            Route::Moderation => None,
        }
    }

    /// Whether the page is rendered ahead (at build time and by the
    /// server); the others are served as the app's shell.
    pub fn is_rendered(&self) -> bool {
        *self != Route::Moderation
    }

    /// The responses a page rendered ahead carries inline (gazette-render):
    /// all of [`Route::api_paths`], but an article page leaves out its
    /// comments, which load in the app.
    pub fn inline_paths(&self) -> Vec<String> {
        let mut paths = self.api_paths();
        if let Route::Article { slug } = self {
            paths.retain(|path| *path != api::comments(slug));
        }
        paths
    }

    /// The file a static build writes the page to, relative to `dist/`
    /// (served as `/x` from `x.html`); `None` for a comment's sub-thread,
    /// which the thread's page serves through the app.
    pub fn file(&self) -> Option<String> {
        match self {
            Route::Front => Some("index.html".to_owned()),
            Route::Comment { .. } | Route::Moderation => None,
            route => Some(format!("{}.html", &route.href()[1..])),
        }
    }
}

impl Route {
    /// The Atom feed a page links to (`<link rel="alternate">`): the site's
    /// on the front page, the section's on a section page.
    pub fn feed(&self) -> Option<SiteFile> {
        match self {
            Route::Front => Some(SiteFile::Feed),
            Route::Section { slug } => Some(SiteFile::SectionFeed { slug: slug.clone() }),
            _ => None,
        }
    }
}

/// A file for crawlers and feed readers: written by the build beside the
/// pages (crates/prerender) and served live by the server, at the same
/// address, from the same code (gazette-render's `site_files`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SiteFile {
    /// `/sitemap.xml`: every page rendered ahead, with its `lastmod`.
    Sitemap,
    /// `/news-sitemap.xml`: the latest articles, in the Google News format.
    NewsSitemap,
    /// `/robots.txt`, naming both sitemaps.
    Robots,
    /// `/feed.xml`: the site's Atom feed.
    Feed,
    /// `/section/{slug}/feed.xml`: a section's Atom feed.
    SectionFeed { slug: String },
}

impl SiteFile {
    /// The file at a URL path, or `None`.
    pub fn parse(path: &str) -> Option<SiteFile> {
        let file = match path {
            "/sitemap.xml" => SiteFile::Sitemap,
            "/news-sitemap.xml" => SiteFile::NewsSitemap,
            "/robots.txt" => SiteFile::Robots,
            "/feed.xml" => SiteFile::Feed,
            _ => {
                let slug = path.strip_prefix("/section/")?.strip_suffix("/feed.xml")?;
                if !is_valid_slug(slug) {
                    return None;
                }
                SiteFile::SectionFeed { slug: slug.into() }
            }
        };
        Some(file)
    }

    /// Its URL path; in a static build, its file under `dist/` too.
    pub fn href(&self) -> String {
        match self {
            SiteFile::Sitemap => "/sitemap.xml".to_owned(),
            SiteFile::NewsSitemap => "/news-sitemap.xml".to_owned(),
            SiteFile::Robots => "/robots.txt".to_owned(),
            SiteFile::Feed => "/feed.xml".to_owned(),
            SiteFile::SectionFeed { slug } => format!("/section/{slug}/feed.xml"),
        }
    }

    pub fn content_type(&self) -> &'static str {
        match self {
            SiteFile::Robots => "text/plain; charset=utf-8",
            SiteFile::Feed | SiteFile::SectionFeed { .. } => "application/atom+xml; charset=utf-8",
            SiteFile::Sitemap | SiteFile::NewsSitemap => "application/xml; charset=utf-8",
        }
    }
}

/// The contract's API paths, relative to the API root.
pub mod api {
    pub const SITE: &str = "site.json";
    pub const FRONT: &str = "front.json";
    /// The comment endpoint's route as the server declares it.
    pub const POST_COMMENT_ROUTE: &str = "/articles/{slug}/comments";

    pub fn section(slug: &str) -> String {
        format!("sections/{slug}.json")
    }

    pub fn article(slug: &str) -> String {
        format!("articles/{slug}.json")
    }

    pub fn comments(slug: &str) -> String {
        format!("articles/{slug}/comments.json")
    }

    /// Page `n` (2 and on) of `slug`'s listing, as the build writes them
    /// and the server names them in `next` (contract 1.1). Page 1 is
    /// [`comments`].
    pub fn comments_page(slug: &str, n: usize) -> String {
        format!("articles/{slug}/comments/pages/{n}.json")
    }

    /// Comment `id`'s sub-thread (contract 1.1).
    pub fn sub_thread(slug: &str, id: &str) -> String {
        format!("articles/{slug}/comments/{id}.json")
    }

    /// Page `n` (2 and on) of the replies of comment `id`'s sub-thread.
    pub fn sub_thread_page(slug: &str, id: &str, n: usize) -> String {
        format!("articles/{slug}/comments/{id}/pages/{n}.json")
    }

    /// Where a new comment on `slug` is posted.
    pub fn post_comment(slug: &str) -> String {
        format!("articles/{slug}/comments")
    }

    /// The report endpoint's route as the server declares it.
    pub const REPORT_ROUTE: &str = "/articles/{slug}/comments/{id}/reports";

    /// Where a reader reports comment `id` of `slug`.
    pub fn report(slug: &str, id: &str) -> String {
        format!("articles/{slug}/comments/{id}/reports")
    }

    /// The moderation API (1.1), served by a server only.
    pub mod moderation {
        /// Sign in (`POST`), sign out (`DELETE`).
        pub const SESSION: &str = "moderation/session";
        /// `GET`, with `?state=…&cursor=…`.
        pub const QUEUE: &str = "moderation/queue";
        /// `POST` a ban; `DELETE bans/{author_key}` lifts it.
        pub const BANS: &str = "moderation/bans";
        /// `GET`, with `?cursor=…`.
        pub const LOG: &str = "moderation/log";

        /// A decision on comment `id` (`POST`).
        pub fn decision(id: &str) -> String {
            format!("moderation/comments/{id}")
        }

        pub fn ban(author_key: &str) -> String {
            format!("moderation/bans/{author_key}")
        }

        /// The queue of `state`'s comments, after `cursor`.
        pub fn queue(state: &str, cursor: Option<&str>) -> String {
            match cursor {
                Some(cursor) => format!("{QUEUE}?state={state}&cursor={cursor}"),
                None => format!("{QUEUE}?state={state}"),
            }
        }

        pub fn log(cursor: Option<&str>) -> String {
            match cursor {
                Some(cursor) => format!("{LOG}?cursor={cursor}"),
                None => LOG.to_owned(),
            }
        }
    }

    /// The article whose comment listing `path` is.
    pub fn comments_of(path: &str) -> Option<&str> {
        path.strip_prefix("articles/")?
            .strip_suffix("/comments.json")
            .filter(|slug| super::is_valid_slug(slug))
    }

    /// What a path under `articles/{slug}/comments/` names: a page of the
    /// listing, a sub-thread or a page of one.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum CommentsPath<'a> {
        /// Page `n` (from 1) of `slug`'s listing.
        Page { slug: &'a str, n: usize },
        /// Page `n` (from 1) of comment `id`'s sub-thread.
        SubThread {
            slug: &'a str,
            id: &'a str,
            n: usize,
        },
    }

    /// Parses the listing and sub-thread paths above; `None` for others.
    pub fn comments_path(path: &str) -> Option<CommentsPath<'_>> {
        if let Some(slug) = comments_of(path) {
            return Some(CommentsPath::Page { slug, n: 1 });
        }
        let rest = path.strip_prefix("articles/")?;
        let (slug, rest) = rest.split_once("/comments/")?;
        if !super::is_valid_slug(slug) {
            return None;
        }
        // Pages from 2, written without sign or leading zeros: one path each.
        let page_number = |n: &str| {
            let digits =
                !n.is_empty() && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit());
            digits
                .then(|| n.parse::<usize>().ok())
                .flatten()
                .filter(|&n| n >= 2)
        };
        let segments: Vec<&str> = rest.strip_suffix(".json")?.split('/').collect();
        match segments[..] {
            ["pages", n] => Some(CommentsPath::Page {
                slug,
                n: page_number(n)?,
            }),
            [id] if super::is_valid_slug(id) => Some(CommentsPath::SubThread { slug, id, n: 1 }),
            [id, "pages", n] if super::is_valid_slug(id) => Some(CommentsPath::SubThread {
                slug,
                id,
                n: page_number(n)?,
            }),
            _ => None,
        }
    }
}

/// The service worker the build writes (crates/prerender), at the site's
/// root so that it sees every page.
pub const SERVICE_WORKER: &str = "/sw.js";

/// The articles saved for offline reading, last opened first, as
/// `{"articles": [{"href", "title"}]}`: answered by the service worker
/// alone (without it, a 404).
pub const SAVED_ARTICLES: &str = "/saved-articles.json";

/// Whether a slug or id from a URL or the API matches the contract's
/// `^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$`; anything else is "not found".
pub fn is_valid_slug(slug: &str) -> bool {
    let bytes = slug.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 128
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
}

/// Whether `path` is an API path the contract could name, relative to the
/// API root: every segment a slug, the last one a slug plus `.json`. This
/// rules out schemes, `..`, absolute paths, backslashes and hidden files.
/// The app fetches only such paths (a listing's `next`, a rendered page's
/// inline data) and the server serves only such files.
pub fn is_api_path(path: &str) -> bool {
    let mut segments = path.split('/').peekable();
    while let Some(segment) = segments.next() {
        let name = if segments.peek().is_none() {
            match segment.strip_suffix(".json") {
                Some(stem) => stem,
                None => return false,
            }
        } else {
            segment
        };
        if !is_valid_slug(name) {
            return false;
        }
    }
    true
}

/// Whether a path names a file whose name carries a content hash, as the
/// build (Trunk) writes them, cached for a year by the server, the nginx
/// file and `_headers`: `gazette-1a2b3c4d5e6f7a8b_bg.wasm`, `style-….css`: a
/// `-`, 16 hex digits, then `.` or `_`.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let bytes = name.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b'-'
            && bytes.len() > i + 17
            && bytes[i + 1..i + 17].iter().all(u8::is_ascii_hexdigit)
            && matches!(bytes[i + 17], b'.' | b'_')
    }) && name.contains('.')
}

#[cfg(test)]
#[path = "routes_tests.rs"]
mod tests;
