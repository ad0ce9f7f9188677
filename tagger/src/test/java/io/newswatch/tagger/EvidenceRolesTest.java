package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evidence roles: which sentences prove a tag (decisive) and which only satisfy a scoped or entity condition
 * (context), by default and with a rule's {@code decisive:} key, and the order a tag's evidence comes in.
 */
class EvidenceRolesTest {
    /** Three paragraphs: the entities are named in the first, the breach is stated in the last. */
    private static final String TEXT = "Russia and North Korea held talks. The mood was warm.\n\n"
            + "Moscow hosted the delegation for a week.\n\n"
            + "Officials said the drones were handed over in breach of the sanctions. The cap on fuel was exceeded.";

    private static Tagger tagger(String query, String decisive) {
        return Tagger.withRules(RuleSet.parse("version: 2\nrules:\n  - id: r\n    title: r\n    query: \"" + query
                + "\"\n" + (decisive == null ? "" : "    decisive: \"" + decisive + "\"\n"), "test.yaml", null));
    }

    /** A ruleset of one rule, sanctions-violation, whose events the tagger reads too. */
    private static Tagger sanctionsRule(String query) {
        return Tagger.withRules(RuleSet.parse("version: 2\nrules:\n  - id: sanctions-violation\n    title: t\n    query: \""
                + query + "\"\n", "test.yaml", null));
    }

    /**
     * Query, explicit decisive part ('-' for the default), the start of the first evidence sentence, how many
     * sentences are decisive and how many context.
     */
    @ParameterizedTest(name = "[{index}] {0} / decisive {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            (@KP OR @RU) AND SENTENCE(breach* AND sanction*)     | -                     | Officials said | 1 | 2
            @KP AND SENTENCE(breach*)                            | -                     | Officials said | 1 | 1
            PARAGRAPH(@RU AND warm)                              | -                     | The mood       | 1 | 1
            cap AND SENTENCE(@RU AND talks)                      | -                     | Russia and     | 1 | 1
            SENTENCE(@RU AND @KP)                                | -                     | Russia and     | 1 | 0
            @RU AND @KP                                          | -                     | Russia and     | 2 | 0
            drones AND fuel                                      | -                     | Officials said | 2 | 0
            @KP AND SENTENCE(breach*)                            | @KP                   | Russia and     | 1 | 1
            cap AND SENTENCE(@RU AND talks)                      | cap                   | The cap        | 1 | 1
            SENTENCE(drones) OR SENTENCE(@RU AND talks)          | SENTENCE(drones)      | Officials said | 1 | 1
            """)
    void decisiveSentencesComeFirstAndContextAfter(String query, String decisive, String first, int decisiveCount,
                                                    int contextCount) {
        List<Evidence> evidence = tagger(query, decisive).tag(TEXT).evidenceFor("r");
        assertThat(evidence).isNotEmpty();
        assertThat(evidence.get(0).text()).startsWith(first);
        assertThat(evidence.get(0).isDecisive()).isTrue();
        assertThat(evidence.stream().filter(Evidence::isDecisive).count()).isEqualTo(decisiveCount);
        assertThat(evidence.stream().filter(e -> !e.isDecisive()).count()).isEqualTo(contextCount);
        // decisive first, each kind in text order
        List<Evidence> context = evidence.subList(decisiveCount, evidence.size());
        assertThat(context).noneMatch(Evidence::isDecisive);
        assertThat(evidence.subList(0, decisiveCount)).isSortedAccordingTo(
                (a, b) -> Integer.compare(a.start(), b.start()));
        assertThat(context).isSortedAccordingTo((a, b) -> Integer.compare(a.start(), b.start()));
    }

    @Test
    void aDecisivePartWrittenDifferentlyIsStillFound() {
        Tagger t = tagger("@KP AND SENTENCE(breach*   AND\n sanction*)", "SENTENCE( breach* AND sanction* )");
        assertThat(Evidence.firstDecisive(t.tag(TEXT).evidenceFor("r")).text()).startsWith("Officials said");
    }

    @Test
    void aTwoRuleTagIsDecisiveWhereEitherRuleIsDecisive() {
        Tagger t = Tagger.withRules(RuleSet.parse("""
                version: 2
                rules:
                  - {id: a, title: a, tags: [t], query: "@KP AND SENTENCE(breach*)"}
                  - {id: b, title: b, tags: [t], query: "SENTENCE(@RU AND @KP)"}
                """, "test.yaml", null));
        List<Evidence> evidence = t.tag(TEXT).evidenceFor("t");
        assertThat(evidence).extracting(e -> e.text().substring(0, 9), Evidence::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Russia an", Evidence.DECISIVE),
                org.assertj.core.groups.Tuple.tuple("Officials", Evidence.DECISIVE));
    }

    @Test
    void aHeadlineWithACounterAndADateIsContextWhenAProseSentenceProvesTheTag() {
        Tagger t = tagger("SENTENCE(@RU AND @KP AND (drones OR talks))", null);
        String page = "Russia and North Korea deepen talks 137 28.09.2023\n\n"
                + "Russia handed drones to North Korea, officials said.";
        List<Evidence> evidence = t.tag(page).evidenceFor("r");
        assertThat(evidence).extracting(Evidence::role).containsExactly(Evidence.DECISIVE, Evidence.CONTEXT);
        assertThat(evidence.get(0).text()).startsWith("Russia handed drones");
        // alone, the headline is all that states it, and stays the proof
        List<Evidence> alone = t.tag("Russia and North Korea deepen talks 137 28.09.2023").evidenceFor("r");
        assertThat(alone).singleElement().extracting(Evidence::role).isEqualTo(Evidence.DECISIVE);
    }

    /**
     * Among a sanctions rule's decisive sentences, the one an asserted violation event was read from leads; a warned-of
     * event does not move its sentence, and without events text order stands. Text, then how the first evidence
     * sentence starts.
     */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UN resolutions have long barred arms sales by North Korea. Officials said North Korea shipped artillery shells to Russia in May.  | Officials said
            Под запретом ООН находятся любые поставки оружия из КНДР. По данным разведки, КНДР передала России артиллерийские снаряды.      | По данным
            UN resolutions have long barred arms sales by North Korea. Analysts fear North Korea could ship artillery shells to Russia.      | UN resolutions
            UN resolutions have long barred arms sales by North Korea. Arms from anywhere are a worry for everyone.                          | UN resolutions
            """)
    void theSentenceOfAnAssertedEventLeads(String text, String first) {
        Tagger tagger = sanctionsRule("@KP AND SENTENCE(arms OR shells OR оружия OR снаряды)");
        List<Evidence> evidence = tagger.tag(text).evidenceFor("sanctions-violation");
        assertThat(evidence).hasSize(2).allMatch(Evidence::isDecisive);
        assertThat(evidence.get(0).text()).startsWith(first);
    }
    /**
     * When the rule's decisive part matched only a recalled ban, the sentence of the first asserted event leads as a
     * decisive item (it states the transfer) and the ban's sentence stays decisive after it; a warned-of event, a
     * deployment of troops, a headline and an event whose sentence does not name both its parties leave the order
     * alone ({@code \n} in a text is a line break). Text, then how the first evidence sentence starts.
     */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UN resolutions have long barred arms sales by North Korea. Officials said North Korea shipped artillery shells to Russia in May. | Officials said
            Резолюції ООН забороняють будь-які поставки зброї з КНДР. За даними розвідки, КНДР передала Росії артилерійські снаряди.         | За даними
            UN resolutions have long barred arms sales by North Korea. Analysts fear North Korea could ship artillery shells to Russia.       | UN resolutions
            UN resolutions have long barred arms sales by North Korea.                                                                       | UN resolutions
            UN resolutions have long barred arms sales by North Korea. North Korea sent 10,000 soldiers to Russia and could ship shells. | UN resolutions
            'North Korea shipped artillery shells to Russia, officials say\\n\\nUN resolutions have long barred arms sales by North Korea.'     | UN resolutions
            UN resolutions have long barred arms sales by North Korea. North Korea sent shells. They went to Russia by rail.                | UN resolutions
            UN resolutions have long barred arms sales by North Korea. Officials said the North sent shells to Russia by rail.            | Officials said
            """)
    void theSentenceOfAnAssertedEventLeadsWhenNoDecisiveSentenceHoldsOne(String text, String first) {
        Tagger tagger = sanctionsRule("@KP AND SENTENCE(barred OR забороняють)");
        List<Evidence> evidence = tagger.tag(text.replace("\\n", "\n")).evidenceFor("sanctions-violation");
        assertThat(evidence.get(0).text()).startsWith(first);
        assertThat(evidence.get(0).isDecisive()).isTrue();
        assertThat(evidence.stream().anyMatch(e -> e.isDecisive() && e.matched().stream()
                .anyMatch(w -> w.equals("barred") || w.equals("забороняють")))).isTrue();
    }
    /**
     * A question asks what a statement asserts: among decisive sentences it comes after the statements, and it is the
     * proof only when nothing else is. Text, then how the first evidence sentence starts.
     */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Did North Korea break UN sanctions? The panel said North Korea broke UN sanctions.    | The panel
            "Did North Korea break UN sanctions?" Analysts say North Korea broke UN sanctions.    | Analysts say
            朝鲜违反了联合国制裁吗？专家小组说，朝鲜违反了联合国制裁。                                 | 专家小组
            Did North Korea break UN sanctions?                                                  | Did North Korea
            The panel said North Korea broke UN sanctions. Did it break them again?              | The panel
            """)
    void aQuestionFollowsTheStatements(String text, String first) {
        Tagger tagger = sanctionsRule("SENTENCE((@KP OR it) AND (sanctions OR 制裁 OR them))");
        List<Evidence> evidence = tagger.tag(text).evidenceFor("sanctions-violation");
        assertThat(evidence).allMatch(Evidence::isDecisive);
        assertThat(evidence.get(0).text()).startsWith(first);
    }
    /**
     * A first decisive sentence that states the breach outright (decisive for {@code sanctions-explicit-breach}) is
     * not outranked by an event's sentence; one that only recalls the ban is, and so are one whose subject only
     * refers back ("Such hiring breaks the ban") and a denial: the sentence that states the transfer proves more. Text, then how
     * the first evidence sentence starts.
     */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Hiring them breaks the ban on North Korean workers abroad. In 2024 North Korea sent workers to Russia.   | Hiring them
            Resolution 2397 barred North Korean workers abroad. In 2024 North Korea sent workers to Russia.          | In 2024
            In 2024 North Korea sent workers to Russia. Such hiring breaks the ban on North Korean workers abroad.   | In 2024
            Such hiring breaks the ban on North Korean workers abroad. In 2024 North Korea sent workers to Russia.   | In 2024
            This week North Korea breaks the ban on workers abroad. In 2024 North Korea sent workers to Russia.     | This week
            North Korea denies it breaks the ban on workers abroad. In 2024 North Korea sent workers to Russia.     | In 2024
            """)
    void aStatedBreachIsNotOutrankedByAnEvent(String text, String first) {
        Tagger tagger = Tagger.withRules(RuleSet.parse("""
                version: 2
                rules:
                  - id: sanctions-violation
                    title: t
                    query: "@KP AND SENTENCE(breaks OR barred)"
                  - id: sanctions-explicit-breach
                    title: t
                    query: "@KP AND SENTENCE(breaks)"
                """, "test.yaml", null));
        List<Evidence> evidence = tagger.tag(text).evidenceFor("sanctions-violation");
        assertThat(evidence.get(0).text()).startsWith(first);
    }

    /**
     * Which sentences refer back by their subject, in the five languages; a time phrase ("This week", "Этот год") is
     * no reference back. Sentence, then whether it refers back.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Such transfers violate resolution 2397.                           | true
            Each such shipment breaks the UN ban.                             | true
            "This is a clear breach of the sanctions," she said.              | true
            These deliveries breach resolution 2270.                          | true
            This week North Korea shipped shells to Russia.                   | false
            The panel said such transfers violate resolution 2397.            | false
            Thistle Shipping denied the charge.                               | false
            Кожен такий ланцюжок — це порушення санкцій.                      | true
            Такие поставки нарушают резолюцию 2397.                           | true
            Это прямое нарушение санкций ООН.                                 | true
            Этот год стал рекордным для экспорта угля.                        | false
            Эксперты считают, что такие поставки нарушают санкции.            | false
            보고서는 이 같은 거래가 안보리 결의를 위반한 것이라고 규정했다.   | true
            북한은 러시아에 포탄을 보냈다.                                    | false
            此类交易违反了安理会决议。                                        | true
            专家小组说，朝鲜向俄罗斯运送了炮弹，此类交易违反了安理会决议。    | false
            """)
    void aSubjectThatRefersBackIsRecognised(String sentence, boolean refersBack) {
        assertThat(io.newswatch.tagger.internal.EvidenceRoles.refersBack(sentence, 0, sentence.length()))
                .isEqualTo(refersBack);
    }

    /** Which sentences report a denial, in the five languages. Sentence, then whether it denies. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Beijing denies supplying Moscow with lethal aid.                  | true
            The Kremlin has denied any arms deal with Pyongyang.              | true
            The ministry rejected the accusations as slander.                 | true
            Пекін офіційно заперечує, що допомагає Москві обходити санкції.   | true
            Москва отрицает поставки топлива в КНДР.                          | true
            中方否认向俄罗斯提供致命武器。                                    | true
            북한은 무기 거래 사실을 부인했다.                                 | true
            Officials said North Korea shipped shells to Russia.              | false
            Denise Park, an analyst, said the shipments broke the ban.        | false
            """)
    void aDenialIsRecognised(String sentence, boolean denies) {
        assertThat(io.newswatch.tagger.internal.EvidenceRoles.denies(sentence, 0, sentence.length())).isEqualTo(denies);
    }
}
