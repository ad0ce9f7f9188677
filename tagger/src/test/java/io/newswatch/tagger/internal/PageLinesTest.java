package io.newswatch.tagger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Page furniture against prose, line by line, in the languages the default ruleset reads: headlines with a view
 * counter and a date, bylines, menus, related-story lists, captions, teasers and share bars are not prose.
 */
class PageLinesTest {

    @ParameterizedTest(name = "prose: {0}")
    @CsvSource(delimiter = '^', value = {
        "The White House announced on Oct. 13 that North Korea had delivered more than 1,000 containers of ammunition.",
        "\"We condemn North Korea for providing the Russians with this military equipment,\" Kirby said.",
        "Would Moscow really risk it?",
        "Россия и КНДР подписали договор о всеобъемлющем стратегическом партнёрстве.",
        "Північна Корея передала Росії мільйони снарядів, заявили в розвідці.",
        "북한이 러시아에 포탄을 보낸 것은 명백한 안보리 결의 위반이라고 정부 당국자는 말했다.",
        "联合国安理会决议禁止朝鲜出口武器。",
        "Shares in the shipping firm fell 12 per cent after the sanctions listing.",
        "Related talks in Beijing ended without a statement, officials said.",
        "Officials said the tankers had met at sea three times since March, and that each time the transponders of both"
            + " ships were switched off for several hours while the cargo was pumped across, a practice the panel has"
            + " documented for years without a final full stop",
    })
    void prose(String line) {
        assertThat(PageLines.isProse(lines(line))).isTrue();
    }

    /** A table cell cannot hold a line break: {@code \\n} stands for one. */
    private static String lines(String cell) {
        return cell.replace("\\n", "\n");
    }

    @ParameterizedTest(name = "not prose: {0}")
    @CsvSource(delimiter = '^', value = {
        "North Korea Strengthens Cooperation with Russia\\n137\\n28.09.2023",
        "Russia and North Korea break ground on first road bridge across the Tumen 1,118 30.04.2025",
        "러시아 건설현장 '유학생' 북한 노동자 급증…\"제재 회피 위한 편법\" 1,877 2025.03.11",
        "美方称中国供应俄罗斯九成微电子进口 外交部：中俄正常贸易不容干涉 2,907 2024-04-20",
        "Парад у Пхеньяні до 80-річчя Трудової партії: Кім Чен Ин показав нову МБР «Хвасон-20» 5 530 11.10.2025",
        "by Katie Marie Davies October 14, 2023 6:12 PM 9 min read",
        "Prosecutors say debris in Kharkiv came from North Korean missile",
        "News | War | Analysis | Investigations | Video | Donate",
        "THE VOLGA TIMES · Independent news from Russia",
        "黑龙江日报 > 文旅 > 正文",
        "By Sergei Volkov and Hannah Lee | March 26, 2024 | 4,117 views",
        "Read also: North Korea sent 1 million shells to Russia, Seoul says",
        "Читайте также: КНДР передала России ракеты",
        "관련 기사 북한, 러시아에 포탄 수백만 발 보내",
        "相关阅读：朝鲜向俄罗斯运送炮弹",
        "Tags: MSMT, DPRK, Russia, arms transfers, petroleum",
        "North Korean construction workers at a building site in Vladivostok in 2019. (File photo)",
        "Russian President Vladimir Putin and North Korean leader Kim Jong Un on Sept. 13, 2023. (Photo by Contributor/Getty Images)",
        "（图片来源：乌克兰总检察长办公室。图为哈尔科夫一处住宅区内发现的导弹残骸）",
        "A tanker alongside another in the East China Sea on Saturday. | MINISTRY OF DEFENSE / VIA KYODO",
        "Can Russia afford a long war?\\nWhen Putin launched the war, U.S. intelligence claimed that the Kremlin appears to…",
        "SHARE",
        "Share this article: Facebook Twitter Telegram",
        "신원식 \"北, 러시아에 컨테이너 6천700개 분량 포탄 넘겨\"",
    })
    void notProse(String line) {
        assertThat(PageLines.isProse(lines(line))).isFalse();
    }

    @Test
    void aCaptionWhoseCreditIsASentenceOfItsOwnIsStillACaption() {
        String page = "Workers at a site in Vladivostok in 2019. (File photo)\n\nThe workers arrived in May.";
        assertThat(PageLines.isProse(page, 0, page.indexOf(" (File"))).isFalse();
        assertThat(PageLines.isProse(page, page.indexOf("The workers"), page.length())).isTrue();
        String headline = "Prosecutors say debris came from a North Korean missile\n\nProsecutors said on Monday that"
                + " the debris came from a North Korean missile.\n\nRead more";
        int prose = headline.indexOf("Prosecutors said");
        assertThat(PageLines.isProse(headline, prose, headline.indexOf("\n\nRead"))).isTrue();
        assertThat(PageLines.isProse(headline, 0, 10)).isFalse();
    }

    @Test
    void aHardWrappedParagraphIsProse() {
        String page = "North Korea has shipped more than a million artillery shells\nto Russia since August, the"
                + " South Korean\nintelligence service said on Friday.";
        assertThat(PageLines.isProse(page, 0, page.length())).isTrue();
    }
}
