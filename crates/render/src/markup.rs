//! Markup helpers: escaping for HTML and XML text and attributes, and
//! finding a tag and its attributes in the shell.

/// `text` safe inside an element or a double-quoted attribute, in HTML
/// and in XML. Characters XML 1.0 forbids (controls other than tab and
/// line breaks, U+FFFE, U+FFFF) are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The first tag of `html` that starts with `start`, through its `>`.
pub fn tag<'a>(html: &'a str, start: &str) -> Option<&'a str> {
    let from = html.find(start)?;
    let end = from + html[from..].find('>')? + 1;
    Some(&html[from..end])
}

/// The value of attribute `name` in `tag`.
pub fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_forbidden_characters() {
        assert_eq!(
            escape("a<b>&\"c\"'d'\u{1}\u{FFFE}\té"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;\té"
        );
    }
}
