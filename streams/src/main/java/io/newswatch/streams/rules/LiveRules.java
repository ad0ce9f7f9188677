package io.newswatch.streams.rules;

import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.Tagger;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tagger in force, swapped when the rules on {@code news.rules} change, shared by every stream thread of an
 * instance.
 *
 * <p>Contract: with no rule records the configured tagger (started with) is used. {@link #offer} hands over the
 * records as they now stand; the next {@link #current()} compiles them ({@link RuleRecords#merge}) once and every
 * later call gets the new tagger, so a push of many rules compiles once, in the thread that next tags. Before the
 * swap the {@code beforeSwap} callback runs with the new ruleset (the streams service creates the new rules'
 * alert topics there).
 *
 * <p>Failure behaviour: records that do not compile, or a failing callback, leave the tagger in force: one ERROR
 * line names the problem, and the next offer tries again.
 */
public final class LiveRules {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);

    private final Tagger configured;
    private final Consumer<RuleSet> beforeSwap;
    private volatile Tagger current;
    private volatile Map<String, String> pending;

    /** Rules that never change: the topology's tests and {@code newswatch tag} use this. */
    public static LiveRules fixed(Tagger tagger) {
        return new LiveRules(tagger, rs -> { });
    }

    /**
     * @param configured the tagger to use while news.rules holds no rules
     * @param beforeSwap called with a new ruleset before it is put in force
     */
    public LiveRules(Tagger configured, Consumer<RuleSet> beforeSwap) {
        this.configured = Objects.requireNonNull(configured, "configured");
        this.beforeSwap = beforeSwap;
        this.current = configured;
    }

    /** The rule records as they now stand on news.rules (rule id to record); an empty map means none. */
    public void offer(Map<String, String> records) {
        pending = Map.copyOf(records);
    }

    /** The tagger to use now; compiles offered rules first. */
    public Tagger current() {
        Map<String, String> offered = pending;
        if (offered != null) {
            swap(offered);
        }
        return current;
    }

    private synchronized void swap(Map<String, String> offered) {
        if (pending != offered) {
            return; // another thread swapped meanwhile, or a newer offer came: the next current() takes it
        }
        pending = null;
        try {
            RuleSet rules = RuleRecords.merge(offered);
            Tagger next = rules == null ? configured : Tagger.withRules(rules);
            if (next != configured) {
                beforeSwap.accept(next.ruleSet());
            }
            current = next;
            LOG.info("rules in force: {} ({} rules, version {})", rules == null ? "the configured ruleset"
                    : "news.rules", next.ruleSet().rules().size(), next.rulesVersion());
        } catch (RuntimeException e) { // RuleSetException, or the callback failing
            LOG.error("the rules on news.rules cannot be put in force, the previous ones stay: {}", e.getMessage());
        }
    }
}
