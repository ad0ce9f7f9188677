package io.newswatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's topic table names the JSON fields of an {@code Article} on {@code news.articles}, for clients that
 * write articles themselves: it must name exactly the record's fields, in their order.
 */
class ArticleDocumentationTest {
    private static final Pattern ARTICLES_ROW = Pattern.compile(
            "^\\| `news\\.articles` \\|[^|]*\\| `Article` JSON: ([^|]*?) \\|", Pattern.MULTILINE);

    @Test
    void theReadmeListsTheArticleRecordsFields() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher row = ARTICLES_ROW.matcher(readme);
        assertThat(row.find()).as("the news.articles row of the README's topic table").isTrue();
        List<String> documented = Arrays.stream(row.group(1).split(","))
                .map(String::strip)
                .toList();
        List<String> fields = Arrays.stream(Article.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(documented).isEqualTo(fields);
    }
}
