package io.newswatch.ingest.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoilerplateNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "site-nav                          | true",
        "newsletterSignup                  | true",
        "NewsletterSignup                  | true",
        "story__related-links              | true",
        "relatedStories                    | true",
        "donation-appeal                   | true",
        "c-donate                          | true",
        "support-us-box                    | true",
        "story-teasers                     | true",
        "comment_list                      | true",
        "share-bar                         | true",
        "third-party-services--placeholder | true",
        "product-disclosure                | true",
        "c-flyout__content                 | true",
        "site__main--no-sidebar            | false",
        "layout has-sidebar                | false",
        "gallery--wrapper__with-sidebar    | false",
        "col-md-8 article-body             | false",
        "post-content entry                | false",
        "headline                          | false",
        "advent-calendar                   | false",
        "shared-layout                     | false",
        "'лента новостей'                  | false",
        "''                                | false",
    })
    void classNamesAndIdsAreSplitIntoWords(String names, boolean expected) {
        assertThat(BoilerplateStripper.namesBoilerplate(names)).isEqualTo(expected);
    }
}
