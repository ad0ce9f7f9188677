package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.junit.jupiter.api.Test;

/**
 * The tagging engine loads its rules and tags a text with no Kafka class reachable, as in the tagger benchmark's
 * jar (which leaves Kafka out) and the offline {@code tag} command. A stray reference from the tagging code to a
 * class that holds Kafka serdes fails here with {@link NoClassDefFoundError}.
 */
class TaggingWithoutKafkaTest {

    /** Defines newswatch's classes itself, so every class they link to comes through here; Kafka is not found. */
    static final class KafkaHidingLoader extends ClassLoader {
        KafkaHidingLoader(ClassLoader parent) {
            super("kafka-hiding", parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("org.apache.kafka.")) {
                    throw new ClassNotFoundException(name + " (hidden: the tagging engine must not need Kafka)");
                }
                if (!name.startsWith("io.newswatch.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = getParent().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    @Test
    void theDefaultRulesLoadAndTagWithKafkaHidden() throws Exception {
        ClassLoader loader = new KafkaHidingLoader(getClass().getClassLoader());
        Class<?> taggerClass = loader.loadClass(Tagger.class.getName());
        assertThat(taggerClass.getClassLoader()).isSameAs(loader);

        Object tagger = taggerClass.getMethod("withDefaultRules").invoke(null);
        Object result = taggerClass.getMethod("tag", String.class).invoke(tagger,
                "Seoul says North Korea shipped artillery shells to Russia in breach of the sanctions.");

        Collection<?> tags = (Collection<?>) result.getClass().getMethod("tags").invoke(result);
        assertThat(tags).map(Object::toString).contains("ru-kp");
    }

    @Test
    void theLoaderReallyHidesKafka() {
        ClassLoader loader = new KafkaHidingLoader(getClass().getClassLoader());
        assertThatThrownBy(() -> Class.forName("io.newswatch.model.topics.Topics", true, loader))
                .isInstanceOf(NoClassDefFoundError.class)
                .hasMessageContaining("org/apache/kafka");
    }
}
