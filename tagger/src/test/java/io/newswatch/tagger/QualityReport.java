package io.newswatch.tagger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores a tagger on the regression corpus: per-tag precision and recall, micro-F1 over the five core tags and over
 * entities, and the share of texts exactly right (all entities and all core tags), the measures the issue sets
 * targets for.
 */
final class QualityReport {
    /** Counts for one label. */
    static final class Counts {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    final Map<String, Counts> perTag = new LinkedHashMap<>();
    final Map<String, Counts> perKind = new LinkedHashMap<>();
    final Counts tagsMicro = new Counts();
    final Counts entitiesMicro = new Counts();
    int exact;
    int total;
    final List<String> wrong = new ArrayList<>();
    /** The texts whose core tags differ from their labels, in corpus order: the analyst's worklist. */
    final List<TagDiff> tagDiffs = new ArrayList<>();

    /** The core tags a text should have and lacks, and those it has and should not. */
    record TagDiff(String id, Set<String> missing, Set<String> extra) {
        @Override
        public String toString() {
            return id + ": missing " + missing + " extra " + extra;
        }
    }

    static QualityReport score(Tagger tagger, List<RegressionCorpus.Case> cases) {
        QualityReport r = new QualityReport();
        RegressionCorpus.CORE_TAGS.forEach(t -> r.perTag.put(t, new Counts()));
        for (RegressionCorpus.Case c : cases) {
            TagResult result = tagger.tag(c.text());
            Set<String> tags = new TreeSet<>(result.tags());
            tags.retainAll(RegressionCorpus.CORE_TAGS);
            Set<String> entities = new TreeSet<>(result.entities());
            for (String tag : RegressionCorpus.CORE_TAGS) {
                count(r.perTag.get(tag), c.tags().contains(tag), tags.contains(tag));
                count(r.tagsMicro, c.tags().contains(tag), tags.contains(tag));
            }
            for (String e : List.of("RU", "KP", "CN")) {
                count(r.entitiesMicro, c.entities().contains(e), entities.contains(e));
            }
            for (String kind : List.of("arms", "technology", "labour", "maritime", "finance", "explicit-breach")) {
                count(r.perKind.computeIfAbsent(kind, k -> new Counts()), c.kinds().contains(kind),
                        result.tags().contains("sanctions-" + kind));
            }
            Set<String> missing = new TreeSet<>(c.tags());
            missing.removeAll(tags);
            missing.retainAll(RegressionCorpus.CORE_TAGS);
            Set<String> extra = new TreeSet<>(tags);
            extra.removeAll(c.tags());
            if (!missing.isEmpty() || !extra.isEmpty()) {
                r.tagDiffs.add(new TagDiff(c.id(), missing, extra));
            }
            r.total++;
            if (tags.equals(c.tags()) && entities.equals(c.entities())) {
                r.exact++;
            } else {
                r.wrong.add(c.file() + "/" + c.id() + ": expected " + c.entities() + " " + c.tags() + ", got "
                        + entities + " " + tags);
            }
        }
        return r;
    }

    private static void count(Counts c, boolean expected, boolean actual) {
        if (expected && actual) {
            c.tp++;
        } else if (actual) {
            c.fp++;
        } else if (expected) {
            c.fn++;
        }
    }

    double exactShare() {
        return total == 0 ? 0 : (double) exact / total;
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-28s %9s %9s %9s%n", "label", "precision", "recall", "F1"));
        perTag.forEach((t, c) -> sb.append(row(t, c)));
        sb.append(row("tags (micro)", tagsMicro));
        sb.append(row("entities (micro)", entitiesMicro));
        // a corpus without kind labels (the held-out set) has nothing to say about them
        perKind.forEach((k, c) -> {
            if (c.tp + c.fn > 0) {
                sb.append(row("kind " + k, c));
            }
        });
        sb.append(String.format("exactly right: %d of %d texts (%.1f%%)%n", exact, total, 100 * exactShare()));
        return sb.toString();
    }

    private static String row(String label, Counts c) {
        return String.format("%-28s %9.3f %9.3f %9.3f%n", label, c.precision(), c.recall(), c.f1());
    }
}
