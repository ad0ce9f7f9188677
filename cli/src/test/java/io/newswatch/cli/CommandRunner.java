package io.newswatch.cli;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs {@code newswatch} commands in-process for a test and captures what they print. Register it with
 * {@code @RegisterExtension}: before each test it redirects {@link System#out} and {@link System#err} into buffers, and
 * after each test it puts the original streams back, even when the test failed. Commands write both through picocli's
 * writers and straight to {@code System.out}/{@code System.err}, so both paths end up in the same buffers.
 *
 * <p>{@link #withBroker()}, registered on a {@code static} field, also starts one embedded broker for the test class
 * (before the class's own {@code @BeforeAll} methods, which may therefore use it) and writes a config file pointing
 * at it; both are gone after the class.
 */
final class CommandRunner implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final boolean startsBroker;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private EmbeddedKafka kafka;
    private Path configDir;
    private Path config;

    /** A runner for commands that need no broker. */
    CommandRunner() {
        this(false);
    }

    private CommandRunner(boolean startsBroker) {
        this.startsBroker = startsBroker;
    }

    /** A runner that starts an embedded broker for the test class; register it on a {@code static} field. */
    static CommandRunner withBroker() {
        return new CommandRunner(true);
    }

    /**
     * Writes a {@code newswatch.yaml} in {@code dir} that points the commands at {@code bootstrapServers}, for tests
     * that run their own broker.
     *
     * @return the file written, for {@code --config}
     * @throws IOException if the file cannot be written
     */
    static Path writeConfig(Path dir, String bootstrapServers) throws IOException {
        Path file = dir.resolve("newswatch.yaml");
        Files.writeString(file, "kafka.bootstrap.servers: " + bootstrapServers + "\n");
        return file;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!startsBroker) {
            return;
        }
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
        configDir = Files.createTempDirectory("newswatch-cli-test");
        config = writeConfig(configDir, kafka.bootstrapServers());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (kafka != null) {
            kafka.close();
        }
        if (configDir != null) {
            try (Stream<Path> files = Files.walk(configDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /**
     * Clears what earlier commands printed, then runs {@code newswatch args} on a fresh command line, so {@link #out()}
     * and {@link #err()} afterwards hold this command's output only.
     *
     * @return the command's exit code; exceptions are turned into exit codes by picocli, never thrown
     */
    int run(String... args) {
        out.reset();
        err.reset();
        var commandLine = Newswatch.commandLine();
        commandLine.setOut(new PrintWriter(System.out, true));
        commandLine.setErr(new PrintWriter(System.err, true));
        return commandLine.execute(args);
    }

    /** Standard output since the last {@link #run}, as UTF-8. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Standard error since the last {@link #run}, as UTF-8. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * {@link #run} with {@code --config} and a config file that points at the embedded broker appended to
     * {@code args}.
     *
     * @throws IllegalStateException if this runner starts no broker, or the class has not started yet
     */
    int runWithConfig(String... args) {
        requireBroker();
        String[] withConfig = Arrays.copyOf(args, args.length + 2);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = config.toString();
        return run(withConfig);
    }

    /**
     * Fresh client properties holding only {@code bootstrap.servers}, for a test's own producers and readers.
     *
     * @throws IllegalStateException if this runner starts no broker, or the class has not started yet
     */
    Properties clientProperties() {
        requireBroker();
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return p;
    }

    private void requireBroker() {
        if (kafka == null) {
            throw new IllegalStateException(startsBroker
                    ? "the broker starts before all tests: register the runner on a static field"
                    : "this runner has no broker: use CommandRunner.withBroker()");
        }
    }
}
