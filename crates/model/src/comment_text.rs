//! A comment body (plain text) split for display: paragraphs at blank
//! lines, line breaks kept, `http(s)` URLs as links, everything else text.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Link(&'a str),
}

/// Paragraphs → lines → segments.
pub fn split_body(body: &str) -> Vec<Vec<Vec<Segment<'_>>>> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<Vec<Segment<'_>>> = Vec::new();
    for line in body.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(link_segments(line));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// Splits a line into text and `http://` / `https://` links. A URL runs to
/// the next whitespace, less trailing punctuation (and a closing bracket it
/// did not open).
pub fn link_segments(line: &str) -> Vec<Segment<'_>> {
    let mut segments = Vec::new();
    let mut text_start = 0;
    let mut from = 0;
    while let Some(start) = find_url_start(line, from) {
        let tail = &line[start..];
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        let url = trim_url(&tail[..end]);
        let scheme_len = if starts_with_ignore_case(url.as_bytes(), b"https://") {
            8
        } else {
            7
        };
        if url.len() <= scheme_len {
            // A bare "https://" is text; look further on.
            from = start + 4;
            continue;
        }
        if start > text_start {
            segments.push(Segment::Text(&line[text_start..start]));
        }
        segments.push(Segment::Link(url));
        text_start = start + url.len();
        from = text_start;
    }
    if text_start < line.len() {
        segments.push(Segment::Text(&line[text_start..]));
    }
    segments
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The byte offset of the next `http://` or `https://` at or after `from`
/// that does not continue a word. Linear in the line's length.
fn find_url_start(line: &str, from: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    (from..bytes.len()).find(|&at| {
        let rest = &bytes[at..];
        (starts_with_ignore_case(rest, b"https://") || starts_with_ignore_case(rest, b"http://"))
            && line[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn trim_url(url: &str) -> &str {
    let mut url = url;
    loop {
        let Some(last) = url.chars().next_back() else {
            return url;
        };
        let unbalanced = match last {
            ')' => url.matches('(').count() < url.matches(')').count(),
            ']' => url.matches('[').count() < url.matches(']').count(),
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '»' | '>' | '<' | '’' => true,
            _ => false,
        };
        if !unbalanced {
            return url;
        }
        url = &url[..url.len() - last.len_utf8()];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Segment::{Link, Text};

    #[test]
    fn blank_lines_make_paragraphs_and_newlines_stay() {
        let body = "Premier paragraphe,\nsur deux lignes.\n\n\n  \nSecond.\r\nFin";
        let paragraphs = split_body(body);
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(
            paragraphs[0],
            vec![
                vec![Text("Premier paragraphe,")],
                vec![Text("sur deux lignes.")]
            ]
        );
        assert_eq!(
            paragraphs[1],
            vec![vec![Text("Second.")], vec![Text("Fin")]]
        );
    }

    #[test]
    fn empty_and_blank_bodies_have_no_paragraphs() {
        assert!(split_body("").is_empty());
        assert!(split_body("\n \n\t\n").is_empty());
    }

    #[test]
    fn urls_become_links_without_trailing_punctuation() {
        assert_eq!(
            link_segments("Voir https://example.org/a?b=1&c=2. Et http://x.example, merci"),
            vec![
                Text("Voir "),
                Link("https://example.org/a?b=1&c=2"),
                Text(". Et "),
                Link("http://x.example"),
                Text(", merci"),
            ]
        );
        assert_eq!(
            link_segments("(lien : https://fr.example/wiki/Tanger_(ville))"),
            vec![
                Text("(lien : "),
                Link("https://fr.example/wiki/Tanger_(ville)"),
                Text(")")
            ]
        );
        assert_eq!(
            link_segments("HTTPS://EXAMPLE.ORG"),
            vec![Link("HTTPS://EXAMPLE.ORG")]
        );
    }

    #[test]
    fn other_schemes_and_lookalikes_stay_text() {
        assert_eq!(
            link_segments("javascript:alert(1)"),
            vec![Text("javascript:alert(1)")]
        );
        assert_eq!(
            link_segments("xhttps://a.example"),
            vec![Text("xhttps://a.example")]
        );
        assert_eq!(
            link_segments("juste https:// rien"),
            vec![Text("juste https:// rien")]
        );
        assert_eq!(
            link_segments("ftp://a.example"),
            vec![Text("ftp://a.example")]
        );
        assert_eq!(
            link_segments("<a href=\"https://e.example\">x</a>"),
            vec![
                Text("<a href=\""),
                Link("https://e.example\">x</a"),
                Text(">")
            ]
        );
    }

    #[test]
    fn arabic_text_and_links() {
        assert_eq!(
            link_segments("انظر https://example.org/ص للمزيد"),
            vec![
                Text("انظر "),
                Link("https://example.org/ص"),
                Text(" للمزيد")
            ]
        );
    }

    #[test]
    fn a_huge_body_splits_quickly() {
        let body = "mot https://example.org/x ".repeat(5000);
        let paragraphs = split_body(&body);
        assert_eq!(paragraphs.len(), 1);
        assert_eq!(
            paragraphs[0][0]
                .iter()
                .filter(|s| matches!(s, Link(_)))
                .count(),
            5000
        );
    }
}
