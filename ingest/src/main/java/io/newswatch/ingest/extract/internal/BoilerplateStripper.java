package io.newswatch.ingest.extract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes the parts of a page that are never article text: scripts and styles, navigation, page header and footer,
 * asides, forms, embedded frames, and any element whose class, id, role or aria-label names a boilerplate
 * function (menu, newsletter, related stories, sharing, comments, adverts, cookie banners, breadcrumbs ...).
 *
 * <p>An element that holds most of the page's paragraph text is kept even when it matches: some sites wrap the
 * whole page in a {@code <form>} or give the story container a class such as "comments-enabled".
 */
public final class BoilerplateStripper {
    private static final String ALWAYS = "script, style, noscript, template, svg, iframe, object, embed, canvas, "
            + "button, select, textarea, input, dialog, link, meta";
    private static final String STRUCTURAL = "nav, header, footer, aside, form, menu";
    private static final Set<String> EXACT = Set.of("nav", "menu", "menus", "footer", "newsletter", "subscribe",
            "subscription", "related", "share", "shares", "sharing", "social", "comment", "comments", "advert",
            "adverts", "ad", "ads", "advertisement", "advertising", "promo", "promos", "promoted", "cookie",
            "cookies", "consent", "breadcrumb", "breadcrumbs", "sidebar", "popup", "modal", "signup", "outbrain",
            "taboola", "disqus", "recirc", "recommended", "recommendations", "trending", "toolbar", "masthead",
            "sponsored", "paywall", "sr", "skip", "tags", "topics", "byline", "dateline", "timestamp", "author",
            "caption", "credit", "copyright", "print", "email", "rss", "widget", "donate", "donation", "more");
    private static final List<String> PREFIXES = List.of("navbar", "navigation", "newsletter", "related",
            "breadcrumb", "cookie", "advert", "social", "sponsor", "promo", "sharing", "sharebar", "share-",
            "comments", "subscribe-", "recommend", "most-popular", "mostpopular", "most-read", "mostread",
            "readmore", "read-more", "see-also", "seealso");
    private static final Set<String> ROLES = Set.of("navigation", "banner", "contentinfo", "complementary", "menu",
            "menubar", "dialog", "alertdialog", "search", "toolbar", "tablist");

    private BoilerplateStripper() {
    }

    /** Removes boilerplate from the document's body in place. */
    public static void strip(Document doc) {
        doc.select(ALWAYS).remove();
        doc.select("[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]")
                .remove();
        Element body = doc.body();
        int total = ParagraphText.length(body);
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.select(STRUCTURAL)) {
            doomed.add(e);
        }
        for (Element e : body.getAllElements()) {
            if (e != body && isBoilerplateByName(e)) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            if (e.parent() != null && !holdsTheStory(e, total)) {
                e.remove();
            }
        }
    }

    private static boolean holdsTheStory(Element e, int total) {
        int own = ParagraphText.length(e);
        return own >= 400 && own * 2 >= total;
    }

    static boolean isBoilerplateByName(Element e) {
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (ROLES.contains(role)) {
            return true;
        }
        String tag = e.normalName();
        if (tag.equals("html") || tag.equals("body") || tag.equals("p") || tag.equals("main")) {
            return false;
        }
        return namesBoilerplate(e.className()) || namesBoilerplate(e.id())
                || namesBoilerplate(e.attr("aria-label")) || namesBoilerplate(e.attr("data-component"));
    }

    static boolean namesBoilerplate(String names) {
        if (names.isEmpty()) {
            return false;
        }
        // camelCase and snake/kebab case both become separate lower-case tokens
        String spaced = names.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        for (String token : spaced.split("[^a-z0-9-]+")) {
            if (token.isEmpty()) {
                continue;
            }
            for (String part : token.split("[-]")) {
                if (EXACT.contains(part)) {
                    return true;
                }
            }
            for (String prefix : PREFIXES) {
                if (token.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
