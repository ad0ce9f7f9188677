package io.newswatch.streams.topology;

import io.newswatch.streams.rules.LiveRules;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store of {@code news.rules} (rule id to record) and offers its whole content to the instance's
 * {@link LiveRules} after every change, and once at start (a restored store may have been filled without passing
 * through here). Runs in the global stream thread of every instance, so a push reaches all of them.
 */
final class RulesUpdateProcessor implements Processor<String, String, Void, Void> {
    private final LiveRules rules;
    private KeyValueStore<String, String> store;

    RulesUpdateProcessor(LiveRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(TopologyNames.RULES_STORE);
        offerAll();
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        offerAll();
    }

    private void offerAll() {
        Map<String, String> all = new LinkedHashMap<>();
        try (KeyValueIterator<String, String> it = store.all()) {
            it.forEachRemaining(kv -> all.put(kv.key, kv.value));
        }
        rules.offer(all);
    }
}
