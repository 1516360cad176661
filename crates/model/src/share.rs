//! Share links: the networks' share URLs for a title and a canonical URL,
//! percent-encoded as `encodeURIComponent` does.

/// The networks offered when the device has no share sheet (and always in
/// the share menu).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    X,
    Facebook,
    WhatsApp,
    LinkedIn,
    Telegram,
    Email,
}

impl Network {
    pub const ALL: [Network; 6] = [
        Network::X,
        Network::Facebook,
        Network::WhatsApp,
        Network::LinkedIn,
        Network::Telegram,
        Network::Email,
    ];

    /// The network's own name (not translated).
    pub fn name(self) -> &'static str {
        match self {
            Network::X => "X",
            Network::Facebook => "Facebook",
            Network::WhatsApp => "WhatsApp",
            Network::LinkedIn => "LinkedIn",
            Network::Telegram => "Telegram",
            Network::Email => "E-mail",
        }
    }
}

/// Percent-encodes like JavaScript's `encodeURIComponent`: everything but
/// `A–Z a–z 0–9 - _ . ! ~ * ' ( )` as UTF-8 bytes.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 15)]));
        }
    }
    out
}

/// The share URL of `network` for a page titled `title` at `url`.
pub fn share_url(network: Network, title: &str, url: &str) -> String {
    let (t, u) = (encode_component(title), encode_component(url));
    match network {
        Network::X => format!("https://x.com/intent/post?text={t}&url={u}"),
        Network::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        Network::WhatsApp => format!(
            "https://wa.me/?text={}",
            encode_component(&format!("{title} {url}"))
        ),
        Network::LinkedIn => format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        Network::Telegram => format!("https://t.me/share/url?url={u}&text={t}"),
        Network::Email => format!("mailto:?subject={t}&body={u}"),
    }
}

/// The canonical URL of a site path: `canonical_origin` from site.json when
/// given, else the page's own origin; never the query or fragment of the
/// current address (tracking parameters stay out of shared links).
pub fn canonical_url(canonical_origin: Option<&str>, page_origin: &str, path: &str) -> String {
    let origin = canonical_origin
        .map(str::trim)
        .filter(|o| o.starts_with("https://") || o.starts_with("http://"))
        .unwrap_or(page_origin)
        .trim_end_matches('/');
    let path = path.split(['?', '#']).next().unwrap_or("");
    format!("{origin}{path}")
}

/// The absolute URL of a link in the content: a site path on the canonical
/// origin (as [`canonical_url`]), an `http(s)` URL as it is.
pub fn absolute_url(canonical_origin: Option<&str>, page_origin: &str, href: &str) -> String {
    if href.starts_with("https://") || href.starts_with("http://") {
        return href.to_owned();
    }
    canonical_url(canonical_origin, page_origin, href)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_encode_uri_component() {
        assert_eq!(encode_component("a b&c=d#e"), "a%20b%26c%3Dd%23e");
        assert_eq!(
            encode_component("« Quote » \"x\" 'y'"),
            "%C2%AB%20Quote%20%C2%BB%20%22x%22%20'y'"
        );
        assert_eq!(encode_component("l’été"), "l%E2%80%99%C3%A9t%C3%A9");
        assert_eq!(encode_component("معرض"), "%D9%85%D8%B9%D8%B1%D8%B6");
        assert_eq!(encode_component("AZaz09-_.!~*'()"), "AZaz09-_.!~*'()");
        assert_eq!(
            encode_component("https://x.example/a?b=1"),
            "https%3A%2F%2Fx.example%2Fa%3Fb%3D1"
        );
    }

    #[test]
    fn every_network_gets_title_and_url() {
        let url = "https://news.example/article/a-b";
        for network in Network::ALL {
            let link = share_url(network, "Q&A #1", url);
            assert!(
                link.contains("https%3A%2F%2Fnews.example%2Farticle%2Fa-b"),
                "{link}"
            );
            assert!(!link.contains("Q&A"), "raw & must not leak: {link}");
        }
        assert_eq!(
            share_url(Network::X, "Q&A #1", url),
            "https://x.com/intent/post?text=Q%26A%20%231&url=https%3A%2F%2Fnews.example%2Farticle%2Fa-b"
        );
        assert_eq!(
            share_url(Network::Email, "Titre", url),
            "mailto:?subject=Titre&body=https%3A%2F%2Fnews.example%2Farticle%2Fa-b"
        );
        assert!(share_url(Network::WhatsApp, "معرض", url).starts_with("https://wa.me/?text=%D9%85"));
    }

    #[test]
    fn absolute_urls_keep_absolute_links() {
        let origin = Some("https://news.example");
        assert_eq!(
            absolute_url(origin, "http://x", "/media/a.jpg"),
            "https://news.example/media/a.jpg"
        );
        assert_eq!(
            absolute_url(origin, "http://x", "https://cdn.example/a.jpg"),
            "https://cdn.example/a.jpg"
        );
        assert_eq!(
            absolute_url(None, "http://127.0.0.1:8080", "/a"),
            "http://127.0.0.1:8080/a"
        );
    }

    #[test]
    fn canonical_urls_drop_query_and_fragment() {
        assert_eq!(
            canonical_url(
                Some("https://news.example/"),
                "http://127.0.0.1:8080",
                "/article/x?utm_source=y#top"
            ),
            "https://news.example/article/x"
        );
        assert_eq!(
            canonical_url(None, "http://127.0.0.1:8080", "/article/x"),
            "http://127.0.0.1:8080/article/x"
        );
        assert_eq!(
            canonical_url(Some("javascript:alert(1)"), "http://127.0.0.1:8080", "/a"),
            "http://127.0.0.1:8080/a",
            "a bad canonical origin is ignored"
        );
    }
}
