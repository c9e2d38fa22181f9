//! Markdown written by processors (a bundle's problem definition and
//! analysis), rendered on the server and cleaned by ammonia: the one place
//! where HTML is put into a page as a string, and only after cleaning.

use leptos::prelude::*;

/// The text as clean HTML: no scripts, styles or event handlers; links get
/// `rel="noopener noreferrer nofollow"`.
pub fn to_clean_html(text: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(text));
    ammonia::clean(&html)
}

#[component]
pub fn Markdown(text: String) -> impl IntoView {
    view! { <div class="markdown" inner_html=to_clean_html(&text)/> }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_is_rendered_and_cleaned() {
        let html = super::to_clean_html(
            "Twee **organisaties**:\n\n- een\n- twee\n\n<script>alert(1)</script><a href=\"x\" onclick=\"y\">link</a>",
        );
        assert!(html.contains("<strong>organisaties</strong>") && html.contains("<li>een</li>"), "{html}");
        assert!(!html.contains("<script") && !html.contains("onclick"), "{html}");
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    }
}
