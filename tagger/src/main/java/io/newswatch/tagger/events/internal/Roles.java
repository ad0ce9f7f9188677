package io.newswatch.tagger.events.internal;

import io.newswatch.tagger.internal.CharClasses;

import java.util.List;
import java.util.Set;

/**
 * The part a state plays in a sentence that moves goods: supplier or receiver from the preposition before it
 * ("from", "to", "via", Chinese 向/从/对), the Korean particle after it (에서, 에게), a possessive or adjective before
 * the goods (the maker), or the voice of the nearest verb after it (the subject of a give or a get word). A state
 * that only names a speaker ("secretary of Russia's Security Council") or a destination ("a visit to Pyongyang")
 * plays none.
 */
final class Roles {
    private final Lexicon lexicon;

    Roles(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A state the gazetteer does not know is a verb's subject only this close to the verb, in characters. */
    static final int WEAK_SUBJECT_REACH = 40;

    /** A break between a subject and a verb that are not one clause. */
    static final java.util.regex.Pattern CLAUSE_BREAK = java.util.regex.Pattern.compile("[;—:–]");
    /** What may stand between a give verb and its receiver: "handed Russia", "providing the Russians". */
    static final java.util.regex.Pattern DATIVE_GAP = java.util.regex.Pattern.compile(
            "(?iu)\\s{0,2}(?:the\\s+)?");

    /** A relative clause between a state and goods: "Russian plants where drones are assembled" makes no maker. */
    static final java.util.regex.Pattern RELATIVE = java.util.regex.Pattern.compile("(?i)\\b(?:where|which|that|who)\\b");
    /** Articles before a give or get word that make it a noun, not the verb of the state before it. */
    static final Set<String> DETERMINERS = Set.of("the", "a", "an");

    /** Adjectives that may stand between a preposition and its state ("from mainland China"). */
    static final Set<String> SKIPPED = Set.of("the", "a", "an", "mainland", "neighbouring", "neighboring", "northeastern",
            "northern", "southern", "eastern", "western", "both");
    /** Words before "to" that make the state a destination, not a receiver of goods ("a visit to Pyongyang"). */
    static final Set<String> NOT_RECEIVING = Set.of("visit", "visits", "visited", "visiting", "trip", "trips",
            "journey", "travel", "travelled", "traveled", "travelling", "traveling", "flew", "flight");

    /** A relative clause of place after a state. */
    static final java.util.regex.Pattern WHERE = java.util.regex.Pattern.compile("(?i),\\s*where\\b");
    /** Nouns after a state that make it the maker: "traced to North Korean production". */
    static final Set<String> MAKING = Set.of("production", "manufacture", "manufacturing", "origin", "make",
            "design", "factories", "factory", "plants");
    /** Words before "at" that make the state where goods end up: "arriving at a Russian plant". */
    static final Set<String> ARRIVING = Set.of("arriving", "arrived", "arrive", "arrives", "delivered", "unloaded");

    /** Words before "in" that make the state the maker: "weapons made in Pyongyang". */
    static final Set<String> MADE = Set.of("made", "produced", "manufactured", "built", "assembled");
    /**
     * A state written as an adjective ("North Korean", "Chinese", "северокорейские"), not as a noun: a Slavic
     * adjective's ending after its -ск-, so that "Москву", "Москве" are no adjectives.
     */
    static final java.util.regex.Pattern ADJECTIVE = java.util.regex.Pattern.compile(
            "(?iu)(?:an|ese|ish|i|(?:ск|цк|ськ|цьк)(?:ий|ый|ой|ая|ое|ие|ые|их|ых|ого|ому|ую|им|ым|ими|ыми|ом|і|а|е|у|ій"
            + "|ої|ою))$");
    /** The letters {@link #ADJECTIVE} can end on, case-folded: most states' names end on none of them. */
    static final String ADJECTIVE_ENDS = "nehiйяехоуюмиіаї";

    /**
     * A Korean state's ship as the receiver: "북한 선박 '삼정 2호'에", "북한 선박 삼정 2호(Sam Jong 2)에", "북한
     * 선박에" (but not "에서", from).
     */
    static final java.util.regex.Pattern KO_SHIP_TO = java.util.regex.Pattern.compile(
            "^\\s?(?:선박|선적 선박|배|유조선|화물선)(?:\\s?['‘\"][^'’\"]{1,20}['’\"]\\s?호?"
                    + "|\\s[가-힣A-Za-z0-9][가-힣A-Za-z0-9 -]{0,14}호(?:\\s?\\([^()]{1,30}\\))?)?(?:에게|에)(?!서)");
    /**
     * Korean particles after a state that make it a possessor or a partner, no party to the goods: "북한의 정찰위성
     * 개발" (the North's satellite programme, not its exports), "러시아와의 교류", "러시아와 함께".
     */
    /** A state's army, side, government, port or firms between it and its particle: "러시아군에", "중국 항구로", "러시아 군수업체에". */
    static final java.util.regex.Pattern KO_FORCES = java.util.regex.Pattern.compile(
            "^\\s?(?:군|측|당국|정부|항구|항만|군수업체|방산업체|업체|기업|회사|공장|구매자|바이어)들?(?=에|로|으로|의|와|과)");
    /** Korean and Chinese speakers after their state that never move goods: experts, analysts, media, sources. */
    static final java.util.regex.Pattern CJK_AGENT = java.util.regex.Pattern.compile("^\\s?(?:전문가|분석가|언론|매체|"
            + "소식통|학자|교수|연구원|기자|专家|分析人士|分析师|学者|媒体|消息人士|智库|记者)");
    /** A Korean subject or topic particle after a state: "러시아는", "북한이". */
    static final java.util.regex.Pattern KO_SUBJECT = java.util.regex.Pattern.compile("^(?:은|는|이|가)(?![\\p{L}\\p{N}])");
    static final java.util.regex.Pattern KO_NO_PARTY = java.util.regex.Pattern.compile("^(?:의|와|과)(?!\\p{L})|^(?:와의|과의)");

    Role role(String text, int start, int end, Hit state, List<Hit> in, String[] originOf, int[] originAt,
                      int index) {
        // "Russian firing", "Russia used": the user of the goods, whatever preposition stands before it
        for (Hit h : in) {
            if (h.start() >= state.end()) {
                if (h.is(Lexicon.Kind.USE) && h.start() - state.end() <= 2) {
                    // but "우크라이나에 발사했다" names where the goods were fired
                    return KoreanClauses.koreanTarget(lexicon, text, state, h) ? Role.NONE : Role.USER;
                }
                break;
            }
        }
        if (RoleCues.koreanTopic(text, start, end, state)) {
            // a Korean headline's topic: "러시아, 북한에 석유 공급" (Russia supplies oil to the North), no list
            for (Hit h : in) {
                if (h.start() >= state.end() && (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET))) {
                    return h.is(Lexicon.Kind.GIVE) ? Role.SUBJECT_FROM : Role.SUBJECT_TO;
                }
            }
            return Role.NONE;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(state.start()));
        if ((script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN) && state.end() < end
                && CJK_AGENT.matcher(text).region(state.end(), end).lookingAt()) {
            // "러시아 전문가는", "中国海关数据显示": the state of a speaker, no party
            return Role.SPEAKER;
        }
        int at = state.start();
        String before = Words.wordBefore(text, start, at);
        for (int skip = 0; skip < 2 && SKIPPED.contains(before); skip++) {
            at = Words.wordStartBefore(text, start, at);
            before = Words.wordBefore(text, start, at);
        }
        if (Words.wordAfterIsPossessive(text, state.end(), end) && lexicon.isAgent(Words.wordAfter(text, state.end(), end))) {
            // "secretary of Russia's Security Council": a speaker's body, no party
            return RoleCues.speaks(state, in) ? Role.SPEAKER : Role.NONE;
        }
        if (Character.UnicodeScript.of(text.charAt(state.start())) == Character.UnicodeScript.CYRILLIC
                && lexicon.isAgent(before)) {
            // "МИД России", "У МЗС Росії": the state owns the speaking body (a genitive), no party
            return RoleCues.speaks(state, in) ? Role.SPEAKER : Role.NONE;
        }
        String twoBack = Words.wordBefore(text, start, Words.wordStartBefore(text, start, at));
        if (lexicon.isTo(before) && MAKING.contains(Words.wordAfter(text, state.end(), end))) {
            // "markings linking them to North Korean production": the maker
            return Role.FROM;
        }
        if ((before.equals("у") || before.equals("в")) && RoleCues.prevVerbIsGet(state, in)) {
            // Russian "закупить ракеты у Ирана", Ukrainian "купує у Китаю": the seller after a get verb
            return Role.FROM;
        }
        if (lexicon.isTo(before) && !RoleCues.madeBy(text, state, in)) {
            // "according to Seoul", "a visit to Pyongyang": no receiver
            return twoBack.equals("according") ? Role.SPEAKER : NOT_RECEIVING.contains(twoBack) ? Role.NONE : Role.TO;
        }
        if (Partners.STAY_PREPOSITIONS.contains(before) && Partners.stayedAt(Words.wordStartBefore(text, start, at), at, in)) {
            // "IT workers operating from China", "companies based in Russia": where the people stay hosts them
            return Role.TO;
        }
        if (lexicon.isWith(before) && Partners.shared(text, state, in)) {
            // "Moscow was sharing technology with Tehran": who the goods are shared with receives them
            return Role.TO;
        }
        if ((before.equals("с") || before.equals("з") || before.equals("із")) && Partners.SHARE.matcher(twoBack).matches()) {
            // "делится с КНДР технологиями": who the goods are shared with receives them
            return Role.TO;
        }
        if (lexicon.isFrom(before) && (!before.equals("of") || RoleCues.ofGoods(Words.wordStartBefore(text, start, at), in))
                || lexicon.isVia(before, twoBack) || before.equals("in") && MADE.contains(twoBack)) {
            return Role.FROM;
        }
        if (before.equals("at") && ARRIVING.contains(twoBack)) {
            // "before arriving at a Russian firm": where the goods end up
            return Role.TO;
        }
        if ((before.equals("in") || before.equals("at")) && (RoleCues.hosted(text, Words.wordStartBefore(text, start, at), in)
                || RoleCues.WORKING.contains(twoBack) && RoleCues.peopleBefore(state, in))) {
            // "workers in Russia", "labourers at Chinese plants": the state that hosts them
            return Role.TO;
        }
        // the particle may follow the state's army or side: "러시아군에", "북한 측에"
        java.util.regex.Matcher forces = KO_FORCES.matcher(text).region(state.end(), Math.min(end, state.end() + 6));
        int particleAt = forces.lookingAt() ? forces.end() : state.end();
        for (Hit h : in) {
            // a place of the state between it and the particle: "러시아 극동의", "러시아 연해주에"
            if (h.is(Lexicon.Kind.PLACE) && h.start() >= state.end() && h.start() - state.end() <= 1
                    && Character.UnicodeScript.of(text.charAt(h.start())) == Character.UnicodeScript.HANGUL) {
                particleAt = h.end();
            }
        }
        for (String p : lexicon.fromParticles()) {
            if (text.startsWith(p, state.end())) {
                return Role.FROM;
            }
        }
        if (text.startsWith("에 의해", particleAt) || text.startsWith("에 의하여", particleAt)) {
            // the agent of a passive: "북한에 의해 러시아로 보내진 포탄" (shells sent by the North)
            return RoleCues.nextVerbIsGet(state, in) ? Role.TO : Role.FROM;
        }
        for (String p : lexicon.toParticles()) {
            if (text.startsWith(p, particleAt)) {
                // "우크라이나에 발사했다": where the goods were fired, no receiver
                return KoreanClauses.nextVerbIsUse(state, in) ? Role.NONE : Role.TO;
            }
        }
        boolean hangul = Character.UnicodeScript.of(text.charAt(state.start())) == Character.UnicodeScript.HANGUL;
        if (state.end() < end && hangul
                && KO_SHIP_TO.matcher(text).region(state.end(), Math.min(end, state.end() + 40)).lookingAt()) {
            return Role.TO;
        }
        if (hangul && text.startsWith("대", state.start()) && state.end() - state.start() == 2
                && RoleCues.nextIsGive(state, in, 8)) {
            // 대북 (toward the North) before a give word: "대북 공급", "대북 수출" (but "대북 전문가", an expert)
            return Role.TO;
        }
        if (hangul && state.start() > start && text.charAt(state.start() - 1) == '대'
                && (state.start() - 1 == start || !Character.isLetterOrDigit(text.charAt(state.start() - 2)))
                && RoleCues.nextIsGive(state, in, 8)) {
            // 대 before a state's full name: "대러시아 무기 수출" (exports to Russia)
            return Role.TO;
        }
        if (hangul && particleAt < end
                && KO_NO_PARTY.matcher(text).region(particleAt, Math.min(end, particleAt + 3)).lookingAt()) {
            // the possessor of a transfer noun is its subject: "북한의 대러 무기 공급" (the North's supply of arms)
            // (but "북한의 정찰위성 개발에 도움을 줬다" helps the North's programme: the goods are not its own)
            int after = particleAt + 1;
            for (Hit h : in) {
                if (!text.startsWith("의", particleAt) || h.start() < after) {
                    continue;
                }
                if (h.start() - after > 2) {
                    break;
                }
                if (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET)) {
                    // the possessor of the noun gives, whoever receives it: "러시아의 기술 지원을 받아"
                    return h.is(Lexicon.Kind.GIVE) || KoreanClauses.giveAt(h.start(), in) ? Role.SUBJECT_FROM : Role.SUBJECT_TO;
                }
                if (!h.is(Lexicon.Kind.COMMODITY) && !h.is(Lexicon.Kind.STATE)) {
                    break;
                }
                after = h.end();
            }
            return Role.NONE;
        }
        for (int w = 1; w <= 2; w++) {
            // folded as the scanner folds them, so that a Traditional 從, 對 reads as 从, 对
            String cjk = state.start() - w >= start
                    ? CharClasses.foldPattern(text.substring(state.start() - w, state.start())) : "";
            // the gazetteer's "对俄", "对朝" carry their preposition inside the mention ("对朝制裁" is no direction)
            String lead = state.end() - state.start() > w && !text.startsWith("制裁", state.end())
                    ? CharClasses.foldPattern(text.substring(state.start(), state.start() + w)) : "";
            for (String p : new String[] {cjk, lead}) {
                if (!p.isEmpty() && Character.UnicodeScript.of(p.charAt(0)) == Character.UnicodeScript.HAN) {
                    if (p.equals(cjk) && w == 1 && "与同跟".contains(p) && Partners.SHARE_ZH.matcher(text).region(state.end(),
                            Math.min(end, state.end() + 4)).lookingAt()) {
                        // 与朝鲜分享技术: the partner shared with receives, no subject of the verb
                        return Role.TO;
                    }
                    if (p.equals(cjk) && w == 1 && p.equals("在")) {
                        // 在俄罗斯境内, 在朝鲜南浦港: where the goods are, no party
                        return Role.NONE;
                    }
                    if (p.equals(cjk) && w == 1 && p.equals("对") && state.start() >= start + 2
                            && text.charAt(state.start() - 2) == '针') {
                        // 针对韩国: aimed at, no receiver
                        return Role.NONE;
                    }
                    if (lexicon.isTo(p)) {
                        // "俄罗斯向朝鲜采购武器": 向 before a get verb names the seller
                        return RoleCues.nextVerbIsGet(state, in) ? Role.FROM : Role.TO;
                    }
                    if (lexicon.isFrom(p)) {
                        return Role.FROM;
                    }
                }
            }
        }
        Hit prev = null;
        Hit nextCommodity = null;
        boolean between = false;
        for (Hit h : in) {
            if (h.end() <= state.start() && !h.is(Lexicon.Kind.STATE)) {
                prev = h;
            }
            if (nextCommodity == null && h.start() >= state.end()) {
                if (h.is(Lexicon.Kind.COMMODITY)) {
                    nextCommodity = h;
                } else if (h.is(Lexicon.Kind.STATE) || h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET)
                        || h.is(Lexicon.Kind.USE)) {
                    between = true;
                }
            }
        }
        // "handed Russia dozens of guns", "supplied North Korea with oil"
        boolean adjective = Words.mayEndIn(text, state.start(), state.end(), ADJECTIVE_ENDS)
                && ADJECTIVE.matcher(text.substring(state.start(), state.end())).find()
                || Words.wordAfterIsPossessive(text, state.end(), end);
        if (prev != null && (prev.is(Lexicon.Kind.GIVE) || prev.is(Lexicon.Kind.GET))
                && DATIVE_GAP.matcher(text.substring(prev.end(), state.start())).matches()
                && Words.slavicInstrumental(text, state.start(), state.end())) {
            // "поставленные Северной Кореей", "отримані Росією": the agent of a passive or of a transfer noun
            return prev.is(Lexicon.Kind.GIVE) ? Role.SUBJECT_FROM : Role.SUBJECT_TO;
        }
        if (prev != null && prev.is(Lexicon.Kind.GIVE)
                && DATIVE_GAP.matcher(text.substring(prev.end(), state.start())).matches()
                && !(adjective && nextCommodity != null && nextCommodity.start() - state.end() <= 4)) {
            // "экспорт КНДР угля", "постачання Іраном дронів": after a transfer noun the state is its possessor; so
            // is a bare state after a participle whose receiver a preposition names ("поставленные КНДР в Россию")
            return Words.slavicNoun(text, prev.start(), prev.end()) || receiverAfter(text, start, end, prev, state, in)
                    ? Role.SUBJECT_FROM : Role.TO;
        }
        // "North Korean coal", "North Korea's arms deliveries"
        // "북한은 연료를 확보했다": a Korean subject whose verb gives or gets is no maker of the goods after it, nor
        // is the flag of a ship ("북한 선박들이 석유를 환적했다")
        if (nextCommodity != null && !between
                && !(hangul && (KoreanClauses.koreanSubjectOfTransfer(text, particleAt, end, state, in)
                || KoreanClauses.KO_SHIP.matcher(text).region(state.end(), end).lookingAt()))
                && nextCommodity.start() - state.end() <= 25
                && !Words.hasPunctuation(text, state.end(), nextCommodity.start())
                && !RELATIVE.matcher(text).region(state.end(), nextCommodity.start()).find()) {
            if (EventReader.ARMS.contains(nextCommodity.value()) && Cues.armsAsPlace(text, start, nextCommodity)) {
                // "chips found in Russian drones": the state whose arms hold the goods received them
                return Role.TO;
            }
            if (Words.wordAfterIsPossessive(text, state.end(), end) && RoleCues.clientAfter(text, nextCommodity, in)) {
                // "Moscow's main arms supplier": the possessor of the goods' supplier is its client
                return Role.TO;
            }
            originOf[index] = nextCommodity.value();
            originAt[index] = nextCommodity.start();
            return Role.ORIGIN;
        }
        if (lexicon.isAgent(Words.wordAfter(text, state.end(), end))) {
            // "Russian officials said", "Российский эксперт считает": a speaker, no subject (but "the Russian
            // government shipped" acts, and "for the North Korean government" names whom the money is for)
            return RoleCues.speaks(state, in) && !before.equals("for") && !before.equals("для") ? Role.SPEAKER : Role.NONE;
        }
        if (WHERE.matcher(text).region(state.end(), Math.min(end, state.end() + 8)).lookingAt()) {
            // "through Turkey, where traders bought": a place, no subject
            return Role.NONE;
        }
        // the subject of a verb: the state before the next give or get word, no other state in between (but a
        // Korean subject's particle marks it across the states that carry particles of their own: "러시아는 북한에")
        boolean koSubject = hangul && KO_SUBJECT.matcher(text).region(particleAt, end).lookingAt();
        for (Hit h : in) {
            if (h.start() < state.end()) {
                continue;
            }
            if (h.is(Lexicon.Kind.STATE) && (cjkPreposition(text, start, h) || koSubject && !KO_SUBJECT.matcher(text)
                    .region(h.end(), end).lookingAt())) {
                // "阿联酋对俄罗斯的出口", "朝鲜向俄罗斯提供": the state after 对/向/从 is no subject of its own
                continue;
            }
            if (h.is(Lexicon.Kind.STATE) && clientBetween(text, start, end, h, in)) {
                // "Iran has become Russia's main supplier", "КНДР стала для России поставщиком": the client stands
                // between the supplier and its noun
                continue;
            }
            if (h.is(Lexicon.Kind.STATE) || h.is(Lexicon.Kind.REPORTING)
                    || state.generic() && h.start() - state.end() > WEAK_SUBJECT_REACH
                    || CLAUSE_BREAK.matcher(text.substring(state.end(), h.start())).find()) {
                break;
            }
            if ((h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET))
                    && DETERMINERS.contains(Words.wordBefore(text, start, h.start()))) {
                // "Seoul, which first disclosed the deployment, ...": a noun with its article is no verb of the state
                continue;
            }
            if (h.is(Lexicon.Kind.GIVE)) {
                // "Russia's main supplier of shells": the possessor of a supplier is its client
                return Words.wordAfterIsPossessive(text, state.end(), end) && RoleCues.clientOf(text, h) ? Role.TO : Role.SUBJECT_FROM;
            }
            if (h.is(Lexicon.Kind.GET)) {
                return Role.SUBJECT_TO;
            }
            if (h.is(Lexicon.Kind.USE) && !KoreanClauses.partOfGoods(h, in)) {
                // (not the 발사 of 발사대, a launcher)
                return Role.USER;
            }
        }
        return Role.NONE;
    }

    /**
     * Whether {@code client} is the client of the supplier noun that follows it, so that a state before it may
     * still be that noun's subject: "Russia's main supplier" (a possessive), "для России главным поставщиком".
     */
    private boolean clientBetween(String text, int start, int end, Hit client, List<Hit> in) {
        if (!Words.wordAfterIsPossessive(text, client.end(), end)
                && !(lexicon.isTo(Words.wordBefore(text, start, client.start()))
                && Character.UnicodeScript.of(text.charAt(client.start())) == Character.UnicodeScript.CYRILLIC)) {
            return false;
        }
        for (Hit h : in) {
            if (h.start() >= client.end() && (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET))) {
                return h.is(Lexicon.Kind.GIVE) && RoleCues.clientOf(text, h);
            }
        }
        return false;
    }

    /**
     * Whether, after a Russian or Ukrainian give word and the bare state right after it, another state of the same
     * clause stands after a preposition of the receiver ("поставленные КНДР в Россию"): the bare state is then no
     * dative receiver but the agent.
     */
    private boolean receiverAfter(String text, int start, int end, Hit give, Hit state, List<Hit> in) {
        if (Character.UnicodeScript.of(text.charAt(give.start())) != Character.UnicodeScript.CYRILLIC) {
            return false;
        }
        for (Hit h : in) {
            if (h.start() >= state.end() && h.is(Lexicon.Kind.STATE) && !h.value().equals(state.value())
                    && !Words.hasPunctuation(text, state.end(), h.start())) {
                return lexicon.isTo(Words.wordBefore(text, start, h.start()));
            }
        }
        return false;
    }

    /** Whether a Chinese preposition of Direction.direction (向, 对, 从, ...) stands right before {@code state}. */
    boolean cjkPreposition(String text, int start, Hit state) {
        for (int w = 1; w <= 2; w++) {
            String cjk = state.start() - w >= start
                    ? CharClasses.foldPattern(text.substring(state.start() - w, state.start())) : "";
            String lead = state.end() - state.start() > w
                    ? CharClasses.foldPattern(text.substring(state.start(), state.start() + w)) : "";
            for (String p : new String[] {cjk, lead}) {
                if (!p.isEmpty() && Character.UnicodeScript.of(p.charAt(0)) == Character.UnicodeScript.HAN
                        && (lexicon.isTo(p) || lexicon.isFrom(p))) {
                    return true;
                }
            }
        }
        return false;
    }

}
