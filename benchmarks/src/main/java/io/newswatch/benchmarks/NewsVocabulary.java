package io.newswatch.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The words that generated rules ({@link GeneratedRules}) are made of: a few hundred real English news words, their
 * plural and -ing forms, and made-up words that look like names (places, firms, people).
 *
 * <p>Contract: {@link #build(long)} is deterministic; every word is lower-case ASCII letters only, at least four
 * letters long (query operators are upper case, so no word can be read as one). The real words
 * overlap the corpus ({@link TaggerCorpus}), so rules made of them match now and then; the made-up words almost
 * never match, as most words of a large real ruleset never do on a given article.
 */
final class NewsVocabulary {
    /** Common words of news reporting, chosen for this benchmark. */
    static final List<String> REAL = List.of((""
            + "account accord admit adopt advance advice agency agenda agree airline airport alliance allow "
            + "ambassador amount analyst announce annual appeal approve archive army arrest assembly asset attack "
            + "audit authority average award balance ballot bank banker bargain barrel basin battle beach bench "
            + "benefit bidder bilateral billion blockade board bond bonus border borrow boycott branch brand bread "
            + "bridge brief broadcast budget building bureau business cabinet campaign canal candidate capital "
            + "captain cargo carrier cartel ceasefire census central century chairman challenge champion charge "
            + "charity charter chemical chief circuit citizen civilian claim clash climate clinic coach coalition "
            + "coast coffee collapse colony command commerce commission committee commodity community company "
            + "compensation competition concert conference conflict congress consensus constitution consumer "
            + "contract corridor council counsel court credit crisis critic crowd currency customs damage deadline "
            + "debate debt decade decision decree default defence deficit delegation demand deposit deputy "
            + "desert detention develop diesel diplomat director disaster dispute district doctor document donor "
            + "drought economy edition editor election electricity embassy emergency employer energy engineer "
            + "envoy equity estate euro evidence exchange executive exhibit expert factory farmer festival figure "
            + "finance firm fishing flight flood football forecast foreign forest forum fraud freight frontier "
            + "funding garden gauge general glacier governor grain grant growth guard harbour harvest health "
            + "highway holiday hospital hostage household housing income index industry inflation inquiry "
            + "inspector insurance interest interior investor island journal journalist judge jury justice "
            + "kingdom labour landlord launch lawmaker lawyer leader league lease ledger legislation lender "
            + "library license lorry magazine majority manager mandate manifesto margin market mayor measure "
            + "medicine merger method migrant military mineral minister ministry minority mission monopoly "
            + "monument mortgage museum nation network newspaper nominee notice nuclear office official opposition "
            + "orchestra output parliament partner passenger patient payment pension permit petrol pipeline "
            + "planner platform police policy poll port premier president press pressure price prison profit "
            + "program project prosecutor protest province publisher quarter quota railway rally ranking rating "
            + "reactor rebel recession record reform refugee region regulator reporter republic rescue research "
            + "reserve resident resort retail revenue rival river route ruling salary satellite savings scandal "
            + "scheme school science season sector senate senator settlement shipyard shortage signal soldier "
            + "speaker sponsor stadium statement station statute steel strike student subsidy suburb summit "
            + "supplier surplus survey suspect tariff taxpayer teacher temple tenant tender territory terminal "
            + "textile theatre ticket tourism tourist trade trader traffic train transit treasury treaty tribunal "
            + "troop truck tunnel turnout union university valley vessel veteran village violence visitor volunteer "
            + "voter wage warehouse warning weather welfare wheat witness worker youth").split(" "));

    private static final String[] ONSETS = {"b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p",
        "pr", "r", "s", "st", "t", "tr", "v", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou"};
    private static final String[] CODAS = {"", "n", "r", "l", "s", "k", "m", "nd", "rt", "x"};

    private final List<String> real;
    private final List<String> madeUp;
    private final List<String> all;

    private NewsVocabulary(List<String> real, List<String> madeUp) {
        this.real = List.copyOf(real);
        this.madeUp = List.copyOf(madeUp);
        List<String> both = new ArrayList<>(real);
        both.addAll(madeUp);
        this.all = List.copyOf(both);
    }

    /** Builds the vocabulary: {@link #REAL}, their derived forms, and 1,500 made-up words from {@code seed}. */
    static NewsVocabulary build(long seed) {
        Set<String> realForms = new LinkedHashSet<>();
        for (String w : REAL) {
            realForms.add(w);
            realForms.add(w.endsWith("s") || w.endsWith("y") ? w + "es" : w + "s");
            if (w.endsWith("e")) {
                realForms.add(w.substring(0, w.length() - 1) + "ing");
            } else if (!w.endsWith("y")) {
                realForms.add(w + "ing");
            }
        }
        Set<String> words = new LinkedHashSet<>(realForms);
        List<String> madeUp = new ArrayList<>();
        Random random = new Random(seed);
        while (madeUp.size() < 1_500) {
            StringBuilder w = new StringBuilder();
            int syllables = 2 + random.nextInt(2);
            for (int s = 0; s < syllables; s++) {
                w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            w.append(CODAS[random.nextInt(CODAS.length)]);
            if (w.length() >= 4 && words.add(w.toString())) {
                madeUp.add(w.toString());
            }
        }
        return new NewsVocabulary(new ArrayList<>(realForms), madeUp);
    }

    /** The real words and their derived forms. */
    List<String> real() {
        return real;
    }

    /** The made-up words. */
    List<String> madeUp() {
        return madeUp;
    }

    /** Every word, real ones first. */
    List<String> all() {
        return all;
    }

    /** A word drawn uniformly from {@link #all()}. */
    String pick(Random random) {
        return all.get(random.nextInt(all.size()));
    }
}
