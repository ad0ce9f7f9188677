package io.newswatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WARC archives (written here with jwarc) and folders of saved pages. */
class WarcAndFolderSourceReaderTest {
    @TempDir
    Path dir;

    private static List<SourceEntry> read(SourceReader reader, Source source) throws SourceReadException {
        List<SourceEntry> out = new ArrayList<>();
        reader.read(source, out::add);
        return out;
    }

    private static Source local(String type, Path path) {
        return new Source("local-" + type, type, null, path, null, "en", UrlFilter.NONE, null, DateRange.ALL, false);
    }

    @Test
    void warcGzYieldsOnlyTheHtmlPageAnswered200() throws Exception {
        Path warc = dir.resolve("news-2024-03.warc.gz");
        TestArchives.writeNewsWarc(warc);

        List<SourceEntry> entries = read(new WarcSourceReader(), local("warc", warc));

        assertThat(entries).hasSize(1);
        SourceEntry.StoredPage page = (SourceEntry.StoredPage) entries.get(0);
        assertThat(page.url()).isEqualTo(TestArchives.WARC_ARTICLE_URL);
        assertThat(page.fetchedAt()).isEqualTo(TestArchives.CAPTURED);
        assertThat(page.contentType()).startsWith("text/html");
        ExtractedArticle article = new ArticleExtractor().extract(page.body(), page.contentType(), page.url());
        assertThat(article.title()).isEqualTo("Rail ferry talks resume");
        assertThat(article.text()).startsWith("Negotiators from the two port cities");
    }

    @Test
    void warcDirectoryIsReadFileByFileAndTheSinkCanStop() throws Exception {
        Path archives = Files.createDirectories(dir.resolve("archives"));
        TestArchives.writeNewsWarc(archives.resolve("a.warc.gz"));
        TestArchives.writeNewsWarc(archives.resolve("b.warc.gz"));
        Files.writeString(archives.resolve("index.cdx"), "not an archive\n");

        assertThat(read(new WarcSourceReader(), local("warc", archives))).hasSize(2);
        List<SourceEntry> first = new ArrayList<>();
        new WarcSourceReader().read(local("warc", archives), e -> first.add(e) && false);
        assertThat(first).hasSize(1);
    }

    /** Every position a read reports, as {read, total}, with the entry count at the time. */
    private static List<long[]> positions(SourceReader reader, Source source) throws SourceReadException {
        List<long[]> out = new ArrayList<>();
        int[] entries = {0};
        reader.read(source, new SourceReader.Sink() {
            @Override
            public boolean accept(SourceEntry entry) {
                entries[0]++;
                return true;
            }

            @Override
            public void position(long read, long total) {
                out.add(new long[] {read, total, entries[0]});
            }
        });
        return out;
    }

    @Test
    void warcReportsTheCompressedBytesBeforeEachPageAcrossFiles() throws Exception {
        Path archives = Files.createDirectories(dir.resolve("archives"));
        TestArchives.writeNewsWarc(archives.resolve("a.warc.gz"));
        TestArchives.writeNewsWarc(archives.resolve("b.warc.gz"));
        long a = Files.size(archives.resolve("a.warc.gz"));
        long total = a + Files.size(archives.resolve("b.warc.gz"));

        List<long[]> seen = positions(new WarcSourceReader(), local("warc", archives));

        // each file's page is its first record, so it starts where the files before it end; then the end
        assertThat(seen).extracting(p -> p[0]).containsExactly(0L, a, total);
        assertThat(seen).extracting(p -> p[1]).containsOnly(total);
        assertThat(seen).extracting(p -> p[2]).containsExactly(0L, 1L, 2L); // told before the page is handed over
    }

    @Test
    void folderReportsTheFilesBeforeEachPage() throws Exception {
        Path saved = dir.resolve("saved");
        TestArchives.writeSavedPages(saved);

        List<long[]> seen = positions(new FolderSourceReader(), local("folder", saved));

        assertThat(seen).extracting(p -> p[0]).containsExactly(0L, 1L, 2L, 3L);
        assertThat(seen).extracting(p -> p[1]).containsOnly(3L);
        assertThat(seen).extracting(p -> p[2]).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void damagedWarcFailsTheSource() throws Exception {
        Path bad = dir.resolve("broken.warc.gz");
        Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3});

        assertThatThrownBy(() -> read(new WarcSourceReader(), local("warc", bad)))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("local-warc")
                .hasMessageContaining("broken.warc.gz");
    }

    @Test
    void folderReadsHtmlHtmAndGzippedPagesWithTheirDeclaredUrls() throws Exception {
        Path saved = dir.resolve("saved");
        TestArchives.writeSavedPages(saved);

        List<SourceEntry> entries = read(new FolderSourceReader(), local("folder", saved));

        assertThat(entries).extracting(SourceEntry::url).containsExactly(
                "https://harbour-ledger.example/world/grain-terminal",
                "https://harbour-ledger.example/world/port-hours",
                saved.resolve("notes/draft.htm").toAbsolutePath().toUri().toString());
        SourceEntry.StoredPage grain = (SourceEntry.StoredPage) entries.get(0);
        ExtractedArticle article = new ArticleExtractor().extract(grain.body(), grain.contentType(), grain.url());
        assertThat(article.title()).isEqualTo("Grain terminal reopens");
        assertThat(grain.fetchedAt()).isNotNull();
    }

    @Test
    void missingFolderFailsTheSource() {
        assertThatThrownBy(() -> read(new FolderSourceReader(), local("folder", dir.resolve("nowhere"))))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("not a directory");
    }
}
