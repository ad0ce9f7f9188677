package io.newswatch.benchmarks.synthetic.internal;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What a news page carries besides its story, written to a byte budget: inline CSS, script bundles and config
 * blobs, navigation menus, advert slots, teaser cards, reader comments and the footer's link farm. Every piece
 * appends whole units (a rule, a function, a list item, a comment) until its budget is spent, so it overshoots by
 * less than one unit. The words are page furniture (section names, service links, comment phrases), none of
 * them news prose; the class names are the ones real templates use, which is what an extractor has to see through.
 *
 * <p>Stateless; every method draws only from the {@link Random} it is given.
 */
public final class PageFurniture {
    /** Menu and footer sections. */
    public static final List<String> SECTIONS = List.of("World", "Europe", "Business", "Markets", "Economy",
            "Climate", "Science", "Technology", "Health", "Education", "Sport", "Football", "Tennis", "Culture",
            "Film", "Music", "Books", "Travel", "Food", "Opinion", "Letters", "Obituaries", "Puzzles", "Weather");
    /** Service links of headers and footers. */
    public static final List<String> SERVICES = List.of("Subscribe", "Newsletters", "Podcasts", "Apps",
            "Contact us", "Careers", "Advertise with us", "Privacy policy", "Terms of use", "Cookie settings",
            "Accessibility", "Complaints and corrections", "Syndication", "Help centre", "Gift subscriptions",
            "Archive", "Site map", "Tip us off", "Events", "Jobs board");
    /** Reader comments are put together from these phrases. */
    public static final List<String> COMMENT_PHRASES = List.of("Thanks for sharing this.",
            "Has anyone else noticed the parking got worse?", "I remember when this was all fields.",
            "Same old story every winter.", "Who is paying for all of it, I wonder?",
            "My cousin works there and says otherwise.", "Finally some good sense.", "Not impressed at all.",
            "Great photos in the gallery.", "Can we get an update next week?", "This deserves more attention.",
            "The council never listens anyway.", "Reply to the comment above: agreed.",
            "Cancelled my subscription over less.", "Well written, as always.");
    /** The cookie banner's text. */
    public static final String COOKIE_TEXT = "We use cookies and similar technologies to personalise content and "
            + "adverts, to provide social media features and to analyse our traffic. Manage your choices at any time "
            + "in Cookie settings.";
    /** The label over every advert slot. */
    public static final String AD_LABEL = "Advertisement";
    private static final String[] CSS_PROPERTIES = {"margin:0 auto", "padding:8px 12px", "color:#1a1a1a",
            "font:16px/1.5 Georgia,serif", "display:flex", "align-items:center", "border-bottom:1px solid #ddd",
            "background:#f6f6f6", "text-transform:uppercase", "letter-spacing:.02em", "max-width:1280px",
            "grid-template-columns:repeat(4,1fr)", "transition:opacity .2s ease-in", "position:relative",
            "z-index:10", "overflow:hidden", "white-space:nowrap", "box-shadow:0 1px 3px rgba(0,0,0,.12)"};
    private static final String[] JS_CALLS = {"document.querySelectorAll", "window.addEventListener",
            "Object.assign", "JSON.parse", "Array.prototype.slice.call", "navigator.sendBeacon",
            "localStorage.getItem", "requestAnimationFrame", "performance.now", "setTimeout"};

    private PageFurniture() {
    }

    /** A short random identifier like {@code c7f3a}: class names, function names, ids. */
    public static String id(Random r) {
        return Integer.toString(10 + r.nextInt(26), 36) + Integer.toString(r.nextInt(1 << 20), 36);
    }

    public static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** Minified-looking style rules and media queries. */
    public static void css(StringBuilder out, int budget, Random r) {
        int end = out.length() + budget;
        while (out.length() < end) {
            if (r.nextInt(12) == 0) {
                out.append("@media (min-width:").append(480 + 160 * r.nextInt(6)).append("px){");
            }
            out.append('.').append(id(r)).append(r.nextBoolean() ? " ." + id(r) : "").append('{');
            int properties = 2 + r.nextInt(5);
            for (int i = 0; i < properties; i++) {
                out.append(CSS_PROPERTIES[r.nextInt(CSS_PROPERTIES.length)]).append(';');
            }
            out.append("}\n");
        }
    }

    /** A minified script bundle of small functions, as a tag manager or a front-end build emits. */
    public static void script(StringBuilder out, int budget, Random r) {
        int end = out.length() + budget;
        out.append("<script>!function(){\"use strict\";");
        while (out.length() < end) {
            String f = id(r);
            out.append("function ").append(f).append("(e,t){var n=").append(JS_CALLS[r.nextInt(JS_CALLS.length)])
                    .append("(\"[data-").append(id(r)).append("]\"),o=0;for(;o<n.length;o++){n[o].setAttribute(\"")
                    .append(id(r)).append("\",\"").append(id(r)).append("-\"+o)}return t?e+").append(r.nextInt(999))
                    .append(":").append(JS_CALLS[r.nextInt(JS_CALLS.length)]).append("(e)}");
            if (r.nextInt(4) == 0) {
                out.append("window.").append(id(r)).append("=").append(f).append(";");
            }
        }
        out.append("}();</script>\n");
    }

    /** A page configuration blob: experiments, ad units, tracking endpoints, as a JSON literal in a script. */
    public static void configBlob(StringBuilder out, int budget, Random r, String section) {
        int end = out.length() + budget;
        out.append("<script>window.__PAGE_CONFIG__={\"section\":\"").append(section.toLowerCase(Locale.ROOT))
                .append("\",\"consentRequired\":true,\"experiments\":[");
        boolean first = true;
        while (out.length() < end) {
            out.append(first ? "" : ",").append("{\"id\":\"exp-").append(id(r)).append("\",\"variant\":\"")
                    .append((char) ('a' + r.nextInt(4))).append("\",\"weight\":0.").append(r.nextInt(100))
                    .append(",\"adUnit\":\"/21").append(r.nextInt(99999)).append("/news/").append(id(r))
                    .append("\",\"beacon\":\"https://metrics.example.net/b/").append(id(r)).append("?t=")
                    .append(r.nextInt(1 << 30)).append("\"}");
            first = false;
        }
        out.append("]};</script>\n");
    }

    /** The main menu: sections with their submenus, as nested lists. */
    public static void menu(StringBuilder out, int budget, Random r) {
        int end = out.length() + budget;
        out.append("<nav class=\"main-menu\" aria-label=\"Sections\"><ul class=\"menu\">");
        while (out.length() < end) {
            String section = pick(r, SECTIONS);
            String slug = slug(section);
            out.append("<li class=\"menu-item menu-item-has-children\"><a href=\"/").append(slug).append("/\">")
                    .append(section).append("</a><ul class=\"sub-menu\">");
            int subs = 3 + r.nextInt(5);
            for (int i = 0; i < subs; i++) {
                String sub = pick(r, SECTIONS);
                out.append("<li class=\"menu-item\"><a href=\"/").append(slug).append('/').append(slug(sub))
                        .append("/\">").append(sub).append("</a></li>");
            }
            out.append("</ul></li>");
        }
        out.append("</ul></nav>\n");
    }

    /** An advert slot: label, container and iframe, as ad servers fill them. */
    public static void advert(StringBuilder out, Random r) {
        String slot = id(r);
        out.append("<div class=\"ad-slot ad-").append(slot).append("\" id=\"ad-slot-").append(slot)
                .append("\" data-ad-unit=\"/21").append(r.nextInt(99999))
                .append("/news/article\"><div class=\"ad-label\">")
                .append(AD_LABEL).append("</div><iframe title=\"").append(AD_LABEL)
                .append("\" src=\"https://ads.example.net/f/").append(id(r)).append("\" width=\"300\" height=\"250\" "
                        + "loading=\"lazy\"></iframe></div>\n");
    }

    /** Teaser cards linking to other stories: picture, headline, time. Headlines are escaped here. */
    public static void teasers(StringBuilder out, String cssClass, String heading, List<String> headlines,
                               List<String> urls, Random r) {
        out.append("<aside class=\"").append(cssClass).append("\"><h2>").append(heading).append("</h2><ul>");
        for (int i = 0; i < headlines.size(); i++) {
            out.append("<li class=\"teaser-card\"><a href=\"").append(escape(urls.get(i)))
                    .append("\"><img src=\"https://img.example.net/").append(id(r))
                    .append(".jpg\" alt=\"\" width=\"160\" height=\"90\"></a><h3><a href=\"")
                    .append(escape(urls.get(i))).append("\">")
                    .append(escape(headlines.get(i))).append("</a></h3><span class=\"teaser-meta\">")
                    .append(1 + r.nextInt(23)).append(" hours ago</span></li>");
        }
        out.append("</ul></aside>\n");
    }

    /** Reader comments, each with author, time, text and actions. */
    public static void comments(StringBuilder out, int budget, Random r) {
        int end = out.length() + budget;
        out.append("<section id=\"comments\" class=\"comments\"><h2>Comments</h2>");
        while (out.length() < end) {
            out.append("<div class=\"comment\"><div class=\"comment-author\">reader_").append(id(r))
                    .append("</div><div class=\"comment-time\">").append(1 + r.nextInt(59))
                    .append(" minutes ago</div><p>");
            int phrases = 1 + r.nextInt(3);
            for (int i = 0; i < phrases; i++) {
                out.append(i > 0 ? " " : "").append(pick(r, COMMENT_PHRASES));
            }
            out.append("</p><div class=\"comment-actions\"><a href=\"#reply\">Reply</a> <a href=\"#report\">Report"
                    + "</a> <span class=\"likes\">").append(r.nextInt(300)).append("</span></div></div>");
        }
        out.append("</section>\n");
    }

    /** The footer's link farm: columns of section and service links, then the copyright line. */
    public static void footer(StringBuilder out, int budget, Random r, String outlet) {
        int end = out.length() + budget;
        out.append("<footer class=\"site-footer\"><div class=\"footer-columns\">");
        while (out.length() < end) {
            out.append("<ul class=\"footer-links\">");
            for (int i = 0; i < 12; i++) {
                String label = r.nextBoolean() ? pick(r, SECTIONS) : pick(r, SERVICES);
                out.append("<li><a href=\"/").append(slug(label)).append("/").append(id(r)).append("\">")
                        .append(label).append("</a></li>");
            }
            out.append("</ul>");
        }
        out.append("</div><p class=\"copyright\">&copy; ").append(escape(outlet))
                .append(". All rights reserved.</p></footer>\n");
    }

    /** The cookie consent banner. */
    public static void cookieBanner(StringBuilder out) {
        out.append("<div id=\"cookie-banner\" class=\"cookie-consent\" role=\"dialog\" aria-label=\"Cookies\"><p>")
                .append(COOKIE_TEXT).append("</p><button class=\"cookie-accept\">Accept all</button><button "
                        + "class=\"cookie-reject\">Reject all</button></div>\n");
    }

    /** The text with {@code & < > " '} as character references: safe in element content and quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String slug(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
