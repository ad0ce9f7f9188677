package io.newswatch.tagger.events.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reading rules about the goods of one sentence that depend on the words around them rather than on the parties:
 * how far a Korean status cue reaches, a transfer verb the sentence negates, arms named as the field of help or of a
 * technology, and money that is only the value or the proceeds of other goods. Each works on the hits of one
 * sentence the reader already holds.
 */
final class Cues {
    private Cues() {
    }

    /**
     * How far after the verb that follows the goods a Korean status cue still governs them, in characters: the cue
     * follows the verb it qualifies ("보낼 가능성", "제공했을 수 있다", "보낸 것으로 추정된다"), while one further on
     * belongs to a later clause ("반입 의혹도 제기되고 있어 감시 대상은 넓어질 전망이다").
     */
    static final int KOREAN_CUE_REACH = 20;
    /** How far before arms a word of help or modernisation makes them the field of know-how, in characters. */
    private static final int HELP_REACH = 40;
    /** Words of help or upgrade before arms: "помощь в модернизации систем ПВО" is know-how, not air-defence guns. */
    private static final Pattern HELP = Pattern.compile(
            "(?iu)помощ|допомог|допомага|модерниз|модерніз|도움|도와|현대화|帮助|协助|现代化|升级");
    /** The words of {@link #HELP}, case-folded. */
    private static final Words.Literals HELP_WORDS = new Words.Literals("помощ", "допомог", "допомага", "модерниз",
            "модерніз", "도움", "도와", "현대화", "帮助", "协助", "现代化", "升级");
    /** A Russian or Ukrainian adjective ending: "ракетными", "ракетні" are the missiles' field, not missiles. */
    private static final Pattern SLAVIC_ADJECTIVE = Pattern.compile(
            "(?iu).*н(?:ый|ий|ой|ая|ую|ое|ые|ых|ым|ыми|ими|ім|і|их|ої|у|а|е)$");
    /** Words just before money that make it the value of other goods: "价值数亿美元的奢侈品", "на сумму 4 млрд". */
    private static final Pattern WORTH = Pattern.compile("(?iu)价值|價值|на сумм|на суму");

    /**
     * Whether a status cue of a Korean sentence governs the goods: it stands after them and within
     * {@link #KOREAN_CUE_REACH} characters of the first verb after them, or it is a conditional before them.
     */
    static boolean koreanCueGoverns(String text, List<Hit> in, Hit goods, Hit cue) {
        if (cue.end() <= goods.start()) {
            return text.startsWith("만약", cue.start());
        }
        int anchor = goods.end();
        for (Hit h : in) {
            if (h.start() >= goods.end() && h.start() < cue.start() && (h.is(Lexicon.Kind.GIVE)
                    || h.is(Lexicon.Kind.GET) || h.is(Lexicon.Kind.USE) || h.is(Lexicon.Kind.BREACH))) {
                anchor = h.end();
                break;
            }
        }
        return cue.start() - anchor <= KOREAN_CUE_REACH;
    }

    /**
     * Whether the sentence negates its transfer verb itself ("не постачає летальну зброю", "не поставляла"): no event
     * even beside a word of evasion, which then is about something else.
     */
    static boolean negatedTransfer(List<Hit> in) {
        for (Hit n : in) {
            if (!n.is(Lexicon.Kind.NEGATIVE)) {
                continue;
            }
            for (Hit g : in) {
                if (g.is(Lexicon.Kind.GIVE) && g.start() >= n.start() && g.end() <= n.end()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The commodity arms stand for when a word of help or upgrade governs them: "помощь в модернизации своих систем
     * ПВО", "도움을 ... 방공" are know-how ({@code military-technology}); otherwise {@code arms} itself.
     */
    static Hit helpWith(String text, int start, Hit arms) {
        int from = Math.max(start, arms.start() - HELP_REACH);
        if (!Words.anyFolded(text, from, arms.start(), HELP_WORDS)) {
            // no word of help: the pattern, an alternation of these words, would find none
            return arms;
        }
        String before = text.substring(from, arms.start());
        java.util.regex.Matcher m = HELP.matcher(before);
        int last = -1;
        while (m.find()) {
            last = m.end();
        }
        if (last < 0 || Roles.CLAUSE_BREAK.matcher(before.substring(last)).find() || before.indexOf(',', last) >= 0) {
            return arms;
        }
        return new Hit(Lexicon.Kind.COMMODITY, "military-technology", arms.start(), arms.end(), arms.generic());
    }

    /**
     * Whether arms written as an adjective are the field of the technology named right after them, across a list of
     * adjectives: "ракетними та космічними технологіями", "ракетные и космические технологии".
     */
    static boolean adjectiveOfTechnology(String text, int end, Hit arms, List<Hit> in) {
        if (!SLAVIC_ADJECTIVE.matcher(text.substring(arms.start(), arms.end())).matches()) {
            return false;
        }
        for (Hit t : in) {
            if (t.is(Lexicon.Kind.COMMODITY) && t.value().equals("military-technology") && t.start() >= arms.end()
                    && t.start() - arms.end() <= 30) {
                String gap = text.substring(arms.end(), Math.min(end, t.start()));
                return gap.chars().allMatch(c -> Character.isLetter(c) || Character.isWhitespace(c));
            }
        }
        return false;
    }

    /** "в/у (новых) ...": a Russian or Ukrainian preposition of place before the goods word. */
    private static final Pattern IN_PLACE = Pattern.compile("(?iu)(?:^|\\s)(?:в|у|во)\\s+(?:\\p{L}+(?:их|ых)\\s+)?$");

    /**
     * Whether arms are written in the locative after "в"/"у", as the place something is found in ("компоненты в
     * ракетах", "рішення, втілені у нових ракетах"): the arms are no goods of the sentence.
     */
    static boolean armsAsPlace(String text, int start, Hit arms) {
        int from = Math.max(start, arms.start() - 48);
        // the patterns run only where a word of finding or of wreckage stands before the arms (most arms have none)
        if (hasCue(text, from, arms.start(), FOUND_CUES) && FOUND_IN.matcher(text).region(from, arms.start()).find()
                || hasCue(text, from, arms.start(), WRECKAGE_CUES)
                && WRECKAGE.matcher(text).region(from, arms.start()).find()) {
            return true;
        }
        int after = Math.min(text.length(), arms.end() + 12);
        if (FOUND_AFTER.matcher(text).region(arms.end(), after).lookingAt()) {
            return true;
        }
        String word = text.substring(arms.start(), arms.end());
        if (!word.endsWith("ах") && !word.endsWith("ях")) {
            return false;
        }
        return IN_PLACE.matcher(text.substring(Math.max(start, arms.start() - 24), arms.start())).find();
    }

    private static final String[] FOUND_CUES = {"found", "discover", "recover", "uncover", "identif", " up "};
    private static final String[] WRECKAGE_CUES = {"бломк", "статк", "ламк", "алишк", "рагмент"};

    /** Whether one of {@code cues} (lower case) stands in the text between {@code from} and {@code to}. */
    private static boolean hasCue(String text, int from, int to, String[] cues) {
        for (int i = from; i < to; i++) {
            for (String cue : cues) {
                if (text.charAt(i) == cue.charAt(0) && text.startsWith(cue, i) && i + cue.length() <= to) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "found in Russian drones", "recovered from downed cruise missiles", "turned up inside": the arms the goods were
     * found in are where they ended up, no goods of their own.
     */
    private static final Pattern FOUND_IN = Pattern.compile("(?iu)\\b(?:found|discovered|recovered|uncovered|identified"
            + "|turn(?:s|ed|ing)?\\s+up|end(?:s|ed|ing)?\\s+up)\\s+(?:in|inside|within|from|aboard)\\s+(?:the\\s+|a\\s+|an\\s+)?"
            + "(?:(?:wreckage|debris|remains|fragments)\\s+of\\s+(?:the\\s+|a\\s+)?)?(?:[\\p{L}-]+,?\\s+){0,5}$");
    /** "в обломках российской ракеты", "в уламках", "на залишках": the wreckage the goods were found in. */
    private static final Pattern WRECKAGE = Pattern.compile(
            "(?iu)(?:^|\\s)(?:в|у|во|на|из|із|з)\\s+(?:обломк|остатк|уламк|залишк|фрагмент)\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}$");
    /** "러시아 드론에서 발견", "미사일 잔해에서", "俄罗斯无人机中发现", "导弹残骸里": found inside the arms. */
    private static final Pattern FOUND_AFTER = Pattern.compile("\\s?(?:잔해|파편|내부|안)?에서\\s?(?:발견|나온|나왔|검출|회수)"
            + "|\\s?(?:잔해|파편|내부)에서|(?:残骸|碎片|内部)?(?:中|里|内)(?:发现|找到|检出)|残骸");

    /** "분야", "领域": the word of a field after arms ("방공 운용과 전자전 분야에서 기술 지원"); "드론용 부품", parts for them. */
    private static final Pattern FIELD = Pattern.compile("분야|부문|领域|^\\s?용\\s?(?:부품|엔진|반도체|칩|부속)");

    /**
     * Whether arms are named as the field of help rather than as goods: a field word follows them within a short
     * phrase, no clause break between ("방공 운용과 전자전 분야에서도 기술 지원", "防空领域的技术合作").
     */
    static boolean fieldOf(String text, int end, Hit arms, List<Hit> in) {
        if (!EventReader.ARMS.contains(arms.value())) {
            return false;
        }
        if (fieldOf(text, end, arms)) {
            return true;
        }
        // "при производстве ракет, танков и беспилотников": the tail of a list shares the part of its head
        Hit head = null;
        for (Hit h : in) {
            if (h.start() >= arms.start()) {
                break;
            }
            head = h.is(Lexicon.Kind.COMMODITY) ? h : head;
        }
        if (head != null && head.value().equals("military-technology")
                && FOR.matcher(text).region(head.end(), arms.start()).matches()) {
            // "chips for drones", "мікросхеми для дронів": the arms the goods serve
            return true;
        }
        return head != null && LIST.matcher(text).region(head.end(), arms.start()).matches()
                && fieldOf(text, end, head, in);
    }

    /** What stands between goods and the arms they serve: "for", "для", "for their". */
    private static final Pattern FOR = Pattern.compile(
            "(?iu)\\s+(?:for|для)\\s+(?:the\\s+|their\\s+|its\\s+)?(?:[\\p{L}-]+\\s+){0,2}");

    /** What stands between two goods of one list. */
    private static final Pattern LIST = Pattern.compile("(?iu)\\s*(?:,|,?\\s*(?:and|or|и|или|і|й|та|або))\\s*");

    private static boolean fieldOf(String text, int end, Hit arms) {
        if (!arms.value().equals("weapons") && !arms.value().equals("missiles") && !arms.value().equals("munitions")) {
            return false;
        }
        int from = Math.max(0, arms.start() - MAKING_REACH);
        if (Words.anyFolded(text, from, arms.start(), MAKING_WORDS)
                && MAKING.matcher(text.substring(from, arms.start())).find()) {
            // "这些产品被用于制造导弹", "для производства ракет": the arms are what the goods make
            return true;
        }
        String after = text.substring(arms.end(), Math.min(end, arms.end() + 15));
        java.util.regex.Matcher m = FIELD.matcher(after);
        return m.find() && !Roles.CLAUSE_BREAK.matcher(after.substring(0, m.start())).find()
                && after.substring(0, m.start()).indexOf(',') < 0 && after.substring(0, m.start()).indexOf('，') < 0;
    }


    /**
     * Making arms out of the goods, or a plant "where drones are assembled": the arms after it are a product, not goods
     * moved.
     */
    /** The products after a word of making, a short list: "ракет, танков и ", "missiles, tanks and ". */
    private static final String PRODUCTS = "[^,;:—]{0,20}(?:,\\s*[^,;:—]{1,20}){0,2}$";
    /** How far before arms a word of making them still governs them, in characters. */
    private static final int MAKING_REACH = 60;
    private static final Pattern MAKING = Pattern.compile(
            "(?iu)(?:用于|用来|用以)(?:制造|生产)[^，。,]{0,12}$|для (?:производства|изготовления|виробництва|виготовлення) [^,;:—]{0,20}$"
            // parts for arms, or goods used in them: "engines for drones", "chips used in missiles",
            // "компоненты, используемые при производстве ракет", "двигуни для дронів"
            + "|(?:components?|parts?|engines?|modules?|chips?)\\s+(?:for|used\\s+in)\\s+(?:the\\s+)?(?:\\p{L}+\\s+){0,2}$"
            + "|\\bused\\s+(?:in|to\\s+(?:make|build|produce))\\s+(?:the\\s+)?(?:production\\s+of\\s+)?(?:\\p{L}+\\s+){0,2}$"
            // materials or machines "to manufacture ballistic missiles", "for building drones": the arms are the use
            + "|\\b(?:to|for)\\s+(?:make|build|produce|manufacture|assemble|making|building|producing|manufacturing"
            + "|assembling)\\s+(?:the\\s+)?(?:\\p{L}+\\s+){0,2}$"
            + "|(?:компонент|детал|двигател|двигун|комплектующ|комплектуюч|запчаст)\\p{L}*\\s+(?:для|до)\\s+(?:\\p{L}+\\s+){0,2}$"
            + "|(?:используем|применяем|використову|застосову)\\p{L}*\\s+(?:в|у|при|для)\\s+(?:производстве\\s+|изготовлении\\s+"
            + "|виробництві\\s+|виготовленні\\s+)?(?:\\p{L}+\\s+){0,2}$"
            + "|(?:де|где|where)\\s+(?:збирають|виробляють|виготовляють|собирают|производят|выпускают|assemble|produce|build)"
            + "\\s+(?:\\p{L}+\\s+){0,2}$"
            // "компоненты, используемые при производстве ракет", "parts used to build drones", "for the production of"
            + "|(?:при|в|у)\\s+(?:производстве|изготовлении|виробництві|виготовленні)\\s+" + PRODUCTS
            + "|\\b(?:used|needed|required|intended)\\s+(?:in|for|to\\s+(?:make|build|produce|assemble))\\s+(?:the\\s+)?"
            + "(?:(?:production|manufacture|manufacturing|assembly)\\s+of\\s+)?" + PRODUCTS
            + "|\\bfor\\s+(?:the\\s+)?(?:production|manufacture|manufacturing|assembly)\\s+of\\s+" + PRODUCTS);

    /**
     * Words one of which every alternative of {@link #MAKING} holds, case-folded as the pattern folds them: most
     * arms have none before them, and the pattern, tried at every start of its window, is then not run at all.
     */
    private static final Words.Literals MAKING_WORDS = new Words.Literals("用", "для", "component", "part", "engine",
            "module", "chip", "used", "mak", "build", "produc", "manufactur", "assembl", "needed", "required",
            "intended", "компонент", "детал", "двиг", "комплектую", "запчаст", "используем", "применяем",
            "використову", "застосову", "збирають", "виробляють", "виготовляють", "собирают", "производят",
            "выпускают", "производств", "изготовлени", "виробництв", "виготовленн");

    /**
     * Whether the goods are named only as what a breached ban covers: "подарок нарушает резолюции, запрещающие
     * поставки в КНДР ... предметов роскоши" (the ban word between the breach and the goods), or in Korean, where the
     * ban follows, "사치품 공급을 금지한 결의를 위반". The transfer itself is named elsewhere, or not at all.
     */
    static boolean banObject(String text, Hit goods, List<Hit> in) {
        boolean korean = Character.UnicodeScript.of(text.charAt(goods.start())) == Character.UnicodeScript.HANGUL;
        Hit ban = null;
        for (Hit h : in) {
            if (!h.is(Lexicon.Kind.BAN) || korean && !text.startsWith("금지", h.start())) {
                // a Korean cap noun after the goods ("정유제품을 넘겨 상한을 초과") is another verb's object
                continue;
            }
            int gap = korean ? h.start() - goods.end() : goods.start() - h.end();
            if (gap >= 0 && gap <= (korean ? 20 : 60)) {
                String between = korean ? text.substring(goods.end(), h.start()) : text.substring(h.end(), goods.start());
                if (!Roles.CLAUSE_BREAK.matcher(between).find() && between.indexOf('.') < 0 && between.indexOf('，') < 0) {
                    ban = h;
                }
            }
        }
        if (ban == null) {
            return false;
        }
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.BREACH) && (korean ? h.start() >= ban.end() : h.end() <= ban.start())) {
                return true;
            }
        }
        return false;
    }

    /** Food and daily necessities: no sanctions regime bars them from going to North Korea. */
    private static final Pattern FOOD = Pattern.compile("(?iu)food|продовольств|продукт|食品|粮食|食物|식량|생필품|식료품");

    /** Whether the goods word names food or daily necessities ("식량과 생필품", "постачає продовольство"). */
    static boolean food(String text, Hit goods) {
        return goods.value().equals("other-goods")
                && FOOD.matcher(text).region(goods.start(), goods.end()).lookingAt();
    }

    /** Whether money is written as the value of other goods ("价值数亿美元的奢侈品"), no funds of its own. */
    static boolean worthOfGoods(String text, int start, Hit funds) {
        int from = Math.max(start, funds.start() - 28);
        return WORTH.matcher(text.substring(from, funds.start())).find();
    }

    /**
     * Whether the sentence names North Korea's export of goods it may not sell at all (coal, minerals, seafood and
     * textiles since resolutions 2371 and 2397), so that no word of breach is needed to tell it from lawful trade.
     * Read so in the Russian, Ukrainian, Korean and Chinese sentence, which names its goods specifically and North
     * Korea itself.
     */
    static boolean bannedExport(String text, Hit c, String[] dir, List<Hit> states) {
        if (!Direction.KP.equals(dir[0]) || !Direction.BANNED_EXPORTS.contains(c.value()) || c.generic()
                || Lexicon.Script.of(text.charAt(c.start())) == Lexicon.Script.LATIN) {
            return false;
        }
        return states.stream().anyMatch(h -> h.value().equals(Direction.KP));
    }

    /**
     * Whether money North Korea gets from nobody named is the proceeds of its own exports in the sentence ("노동자를
     * 보내 외화를 벌어들이는", "такие поставки — возможность получить валюту"): those exports are the event.
     */
    static boolean proceeds(String text, List<EventMerger.Key> keys, List<Hit> in) {
        for (EventMerger.Key k : keys) {
            if (Direction.KP.equals(k.from()) && !k.commodity().equals("funds")) {
                return true;
            }
        }
        for (Hit h : in) {
            // "такие поставки", "이들 화물": the shipments named before (English "the shipments" often names cargo
            // the money paid for, so only the other scripts' references count)
            if (h.is(Lexicon.Kind.ANAPHOR) && Lexicon.Script.of(text.charAt(h.start())) != Lexicon.Script.LATIN) {
                return true;
            }
        }
        return false;
    }
}
