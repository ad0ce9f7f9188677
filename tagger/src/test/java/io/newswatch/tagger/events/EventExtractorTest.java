package io.newswatch.tagger.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.ViolationEvent;
import io.newswatch.tagger.Tagger;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The extractor's matching logic, one sentence at a time: commodities per language, direction from voice,
 * prepositions, possessives and particles, the quantity grammar, status cues, and the sentences that are no event.
 * Sentences are run through {@link EventExtractor} directly (with the tagger's segmentation and entity mentions),
 * so a table row does not depend on whether the ruleset tags the lone sentence.
 */
class EventExtractorTest {
    private static Tagger tagger;

    @BeforeAll
    static void compileRules() {
        tagger = Tagger.withDefaultRules();
    }

    static List<ViolationEvent> events(String text) {
        return EventExtractor.defaults().extract(text, tagger.segment(text), tagger.tag(text).mentions());
    }

    private static String key(ViolationEvent e) {
        return e.commodity() + " " + (e.from() == null ? "?" : e.from()) + ">" + (e.to() == null ? "?" : e.to());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # active: the subject supplies, "to" receives
            North Korea has shipped millions of artillery shells to Russia.                      | munitions KP>RU
            # passive: "from" supplies
            Ballistic missiles were delivered from North Korea to Russia last year.                | missiles KP>RU
            # nominal with a possessive
            North Korea's arms deliveries to Russia have grown, officials said.                  | weapons KP>RU
            # nominal with "of": the receiver's purchases of the supplier's goods
            Russian purchases of North Korean ammunition rose sharply, the report said.          | munitions KP>RU
            # receiver as subject
            Russia has received drones and tanks from North Korea, Kyiv says.                    | weapons KP>RU
            # use implies the transfer when the maker is named
            Russian forces fired North Korean KN-23 missiles at Kharkiv.                          | missiles KP>RU
            # a give verb with its receiver right after it, and "with" for the goods
            Russia has supplied North Korea with more than a million barrels of oil.              | petroleum RU>KP
            # "furnish" is a give verb like "supply", with the same "with" for the goods
            Analysts say the Kremlin could furnish Pyongyang with submarine technology.           | military-technology RU>KP
            # a list of suppliers shares the preposition of its first
            Chips reach Russia through intermediaries in China and Turkey, in breach of export bans. | military-technology CN>RU
            # money flows to Pyongyang whoever names it first
            North Korean hackers stole $1.5 billion in crypto to fund the regime, the FBI said.   | funds ?>KP
            # a receiver inside a place name: "the Russian Far East"
            Pyongyang may send thousands of North Korean workers to the Russian Far East.         | workers KP>RU
            # a subject's part comes from the verb nearest before the goods
            Pyongyang kept flouting the cap on imports of diesel and went on exporting coal by sea.  | coal KP>?
            # the tail of a list takes the maker of its head
            Kyiv said Russian gunners used North Korean shells and rockets, in breach of the embargo.  | munitions KP>RU
            # the seed sentence: a give verb's subject after a dash is no supplier
            Russia once again undermined the sanctions imposed on North Korea—handing over combat drones to the North Korean delegation violated Resolution 2397. | weapons RU>KP
            """)
    void directionFromVoicePrepositionsAndPossessives(String sentence, String expected) {
        assertThat(events(sentence)).extracting(EventExtractorTest::key).contains(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | North Korea has sent artillery ammunition to Russia for its war in Ukraine.                   | munitions KP>RU
            ru | КНДР отправила в Россию более тысячи контейнеров с боеприпасами.                             | munitions KP>RU
            ru | Россия получила от КНДР баллистические ракеты KN-23.                                          | missiles KP>RU
            uk | Північна Корея передала Росії понад 100 балістичних ракет.                                     | missiles KP>RU
            uk | Росія постачає КНДР нафту в обхід санкцій.                                                      | petroleum RU>KP
            ko | 북한이 러시아에 포탄과 탄약을 보낸 것으로 파악됐다.                                              | munitions KP>RU
            ko | 러시아가 북한에 고급 승용차를 제공한 것은 결의 위반이다.                                          | luxury-goods RU>KP
            zh | 朝鲜已向俄罗斯提供了大量炮弹。                                                                  | munitions KP>RU
            zh | 俄罗斯已向朝鲜运送了超过100万桶石油。                                                           | petroleum RU>KP
            uk | КНДР передала Росії снаряди та направила до Росії понад 10 тисяч військових.                   | troops KP>RU
            ru | КНДР передала России снаряды и отправила в Россию около 10 тысяч военных.                       | troops KP>RU
            zh | 阿联酋对俄罗斯的两用物资出口大幅增长。                                                         | military-technology AE>RU
            zh | 俄罗斯可能向朝鲜提供导弹或卫星方面的技术。                                                       | military-technology RU>KP
            zh | 朝鲜对俄罗斯的炮弹出口大幅增长。                                                               | munitions KP>RU
            zh | 俄罗斯向朝鲜购买了大量炮弹。                                                                   | munitions KP>RU
            ru | Путин подарил лидеру КНДР Ким Чен Ыну лимузин Aurus.                                            | luxury-goods RU>KP
            ko | 그 유조선은 공해상에서 북한 선박 '금별 3호'에 정유제품 약 900t을 옮겨 실었다.                      | petroleum ?>KP
            ko | 그 유조선은 공해상에서 북한 선박 금별 3호(Kum Byol 3)에 정유제품 약 900t을 옮겨 실었다.          | petroleum ?>KP
            ko | 그 유조선은 동해에서 북한 선박 천마호에 경유를 옮겨 실었다.                                     | petroleum ?>KP
            uk | Росія планує залучити до роботи на своїх заводах тисячі робітників із КНДР.                     | workers KP>RU
            zh | 对朝制裁委员会指出，朝鲜违反决议向中国出口煤炭。                                                 | coal KP>CN
            uk | Москва допомагає Пхеньяну з ракетними технологіями.                                            | military-technology RU>KP
            zh | 阿联酋和土耳其对俄罗斯的两用物资出口大幅增长。                                                   | military-technology AE>RU
            ko | 보고서는 북한산 모래도 대량으로 중국에 수출됐다고 적었다.                                         | minerals KP>CN
            ko | 중국 어선들이 북한 수역에서 잡은 수산물 상당량이 중국 항구로 들어갔다.                               | other-goods KP>CN
            zh | 在制裁下，朝鲜长期依靠在公海进行非法船对船转运来获得燃料。                                   | petroleum ?>KP
            zh | 报道称，俄罗斯船只向朝鲜运送了航空煤油。                                                         | petroleum RU>KP
            zh | 报告估计，俄方在约8个月内向朝鲜提供超过100万桶石油产品，约为年度上限的两倍。                     | petroleum RU>KP
            ko | 러시아는 북한에 연간 상한의 두 배가 넘는 석유를 공급했다.                                          | petroleum RU>KP
            ko | 러시아가 북한에 연료를 몰래 공급했다고 정부는 밝혔다.                                            | petroleum RU>KP
            ko | 러시아 선박이 북한에 디젤 연료를 넘겼다.                                                           | petroleum RU>KP
            """)
    void commoditiesInEveryLanguage(String language, String sentence, String expected) {
        assertThat(events(sentence)).extracting(EventExtractorTest::key).contains(expected);
    }

    /**
     * The goods the regimes name, as reporters name them: battlefield electronics, machine tools and optics of the
     * high-priority list, the North's banned exports and what it may not import, and workers by their trade or by the
     * visas that cover them; the verbs of goods moving on or turning up; arms the goods were found in, whose state
     * received them.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Hong Kong traders sold integrated circuits and GNSS modules to Russian defence plants, evading export controls. | military-technology CN>RU
            en | Ball bearings and CNC lathes from Turkish suppliers keep reaching Russia's arms factories.       | military-technology TR>RU
            ru | Китайские фирмы поставляют в Россию подшипники и тепловизоры.                                      | military-technology CN>RU
            uk | Турецькі посередники постачають до Росії мікроконтролери та сервоприводи.                           | military-technology TR>RU
            ko | 중국 업체들이 러시아에 집적회로와 베어링을 수출했다.                                                  | military-technology CN>RU
            zh | 中国公司向俄罗斯出口了大量轴承和数控机床。                                                            | military-technology CN>RU
            en | A Singapore trader sold cigarettes and tobacco to North Korea in breach of sanctions.              | other-goods SG>KP
            ru | КНДР продавала в Китай кальмаров и крабов в нарушение резолюции 2371.                              | other-goods KP>CN
            ko | 북한산 꽃게가 중국으로 밀반출됐다.                                                                    | other-goods KP>CN
            zh | 朝鲜违反决议向中国出口鱿鱼和木材。                                                                    | other-goods KP>CN
            uk | Росія доставила до КНДР коней і худобу.                                                             | other-goods RU>KP
            en | Russia shipped yachts and racehorses to Pyongyang in violation of the luxury ban.                 | luxury-goods RU>KP
            ru | Россия передала КНДР чистокровных скакунов.                                                        | luxury-goods RU>KP
            zh | 俄罗斯向朝鲜运送了游艇和名表。                                                                        | luxury-goods RU>KP
            en | Russian construction firms hired North Korean labour brigades last year.                          | workers KP>RU
            en | Timber companies in the Russian Far East employ North Korean loggers, despite the UN ban.         | workers KP>RU
            ru | Российские компании нанимают северокорейских программистов в обход санкций.                        | workers KP>RU
            uk | Російські підприємства наймають північнокорейських лісорубів.                                      | workers KP>RU
            ko | 중국 업체들이 북한 노동자를 고용하고 있다.                                                             | workers KP>CN
            zh | 大连的工厂雇用了三百名朝鲜女工。                                                                       | workers KP>CN
            en | Thousands of North Koreans have entered Russia on student visas to work on building sites.         | workers KP>RU
            ru | Тысячи северокорейцев въезжают в Россию по студенческим визам.                                    | workers KP>RU
            uk | Тисячі північнокорейців в'їжджають до Росії за навчальними візами.                                  | workers KP>RU
            en | Machine tools declared for Kazakhstan were re-exported to Russia within weeks.                    | military-technology KZ>RU
            en | Chinese-made microchips keep turning up in Russian cruise missiles.                                | military-technology CN>RU
            ru | Микросхемы китайского производства обнаружены в российских ракетах.                               | military-technology CN>RU
            ko | 중국산 반도체가 러시아 미사일 잔해에서 발견됐다.                                                       | military-technology CN>RU
            zh | 乌克兰在俄罗斯导弹残骸中发现了中国制造的芯片。                                                          | military-technology CN>RU
            """)
    void bannedGoodsWorkersAndTheirRoutes(String language, String sentence, String expected) {
        assertThat(events(sentence)).extracting(EventExtractorTest::key).containsExactly(expected);
    }

    /**
     * Workers are reported where they stay or work rather than as sent: the place after a verb of staying is their
     * host, and such a verb moves no goods.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Most North Korean IT workers are based in China and Russia, the monitors found.   | workers KP>CN;workers KP>RU
            en | Investigators say the North Korean coders operate from China while posing as freelancers. | workers KP>CN
            ru | Тысячи северокорейских рабочих работают на стройках в России.                   | workers KP>RU
            uk | Тисячі північнокорейських робітників працюють на будовах у Росії.               | workers KP>RU
            ko | 중국에는 북한 IT 인력 1천여 명이 머물고 있다.                                       | workers KP>CN
            zh | 朝鲜工人滞留在俄罗斯的工厂。                                                        | workers KP>RU
            zh | 在俄罗斯工作的朝鲜工人很多。                                                        | workers KP>RU
            en | Russian engineers work on North Korean missiles in Pyongyang.                  |
            en | North Korean IT workers use false names and are mostly based in China and in Russia. | workers KP>CN;workers KP>RU
            ru | Тысячи рабочих из КНДР трудятся на стройках в Китае и в России.                 | workers KP>CN;workers KP>RU
            """)
    void workersWhereTheyStay(String language, String sentence, String expected) {
        List<String> keys = events(sentence).stream().map(EventExtractorTest::key).toList();
        if (expected == null) {
            assertThat(keys).isEmpty();
        } else {
            assertThat(keys).containsExactlyInAnyOrder(expected.split(";"));
        }
    }

    /**
     * States named by adjectives share the part of the noun they modify ("Turkish and Emirati distributors
     * supplied"); the partner goods are shared with receives them; help whose maker is named is given by it.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Some Chinese and Turkish firms sold microchips to Russian buyers, evading controls.      | military-technology CN>RU;military-technology TR>RU
            ru | Китайские и турецкие компании продают российским заводам микросхемы в обход санкций.   | military-technology CN>RU;military-technology TR>RU
            ko | 중국 업체들이 러시아 군수업체에 반도체를 팔았다.                                            | military-technology CN>RU
            en | Russia is sharing missile technology with North Korea.                                  | military-technology RU>KP
            ru | Россия делится с КНДР ракетными технологиями.                                           | military-technology RU>KP
            uk | Росія ділиться з КНДР ракетними технологіями.                                           | military-technology RU>KP
            ko | 러시아가 북한과 미사일 기술을 공유하고 있다.                                               | military-technology RU>KP
            zh | 俄罗斯正在与朝鲜分享导弹技术。                                                            | military-technology RU>KP
            en | Russia has localised drone production with Iranian engineering help.                   | military-technology IR>RU
            ru | Россия оказывает КНДР техническую помощь.                                              | military-technology RU>KP
            uk | Росія надає КНДР технічну допомогу.                                                     | military-technology RU>KP
            # arms the goods go into are a product, not goods of their own; a capital in the dative is no adjective
            ru | Пекин поставляет Москве компоненты, используемые при производстве ракет, танков и дронов. | military-technology CN>RU
            en | China supplies Russia with components used to build missiles, tanks and drones.         | military-technology CN>RU
            """)
    void adjectivesPartnersAndHelp(String language, String sentence, String expected) {
        assertThat(events(sentence)).extracting(EventExtractorTest::key)
                .containsExactlyInAnyOrder(expected.split(";"));
    }

    /**
     * A sentence after the loading that names where the ship or cargo was bound gives the event its receiver; a
     * tanker is no tank.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The ship loaded 25,000 tonnes of North Korean coal at Nampo in March. It was bound for Balikpapan in Indonesia, where the buyer was waiting. | coal KP>ID
            ru | Судно загрузило в Нампхо 20 тысяч тонн северокорейского угля. Оно направлялось в Индонезию.                   | coal KP>ID
            uk | Судно прийняло в Нампхо 20 тисяч тонн північнокорейського вугілля. Вантаж прямував до Балікпапана в Індонезії. | coal KP>ID
            uk | Танкер завантажив у порту Їосу 14 тисяч тонн нафтопродуктів для КНДР.                                          | petroleum ?>KP
            """)
    void aDestinationNamesTheReceiver(String language, String text, String expected) {
        assertThat(events(text)).extracting(EventExtractorTest::key).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            North Korea has shipped more than 1,000 containers of ammunition to Russia.        | 1000
            North Korea sent some 10,000 artillery shells to Russia.                           | 10000
            Russia supplied North Korea with 1 million barrels of oil.                         | 1000000
            North Korea has transferred 5 million rounds of ammunition to Russia.              | 5000000
            North Korea sent between 10,000 and 12,000 soldiers to Russia, breaching UN sanctions. | 12000
            North Korea has shipped hundreds of thousands of shells to Russia.                 |
            North Korea sent shells to Russia on 12 ships in 2023.                              |
            North Korea delivered 170-mm guns to Russia.                                        |
            КНДР отправила в Россию около 13 тысяч контейнеров с боеприпасами.                 | 13000
            북한이 러시아로 컨테이너 약 6천700개 분량의 포탄을 보냈다.                          | 6700
            俄罗斯已向朝鲜运送了超过100万桶石油。                                                | 1000000
            # Korean and Chinese number characters compose: 1만4천 is 14,000; 24개월 counts months
            러시아가 북한에 정유제품 약 1만4천톤을 보냈다.                                         | 14000
            북한은 지난 24개월 동안 러시아에 노동자를 보냈다.                                      |
            # a number written as a word after an article or a comparison
            North Korea has sent more than a thousand containers of ammunition to Russia.       | 1000
            КНДР отправила в Россию более тысячи контейнеров с боеприпасами.                   | 1000
            # a designation's number is no amount: KN-23, Kh-101
            North Korea has delivered KN-23 missiles to Russia.                                 |
            # a calibre is no amount, glued or in any script
            North Korea sent 152mm shells to Russia.                                            |
            朝鲜向俄罗斯提供了240毫米火箭炮。                                                      |
            # a cap is the rule, not the amount moved
            Russia has shipped oil to North Korea far above the cap of 500,000 barrels.         |
            # a number of other goods (soldiers beside shells) is not the shells' amount
            КНДР передала Росії снаряди, а також 11 тисяч військових.                            |
            # a resolution's number is no amount
            북한은 결의 2397호를 어기고 러시아에 노동자를 보냈다.                                  |
            그 유조선은 북한 선박에 정유제품 약 1만4천 톤을 옮겨 실었다.                            | 14000
            북한이 러시아에 포탄 2억3000만 발을 보냈다.                                           | 230000000
            북한이 결의 2397호를 어기고 러시아에 노동자를 보냈다.                                |
            朝鲜违反第2397号决议向俄罗斯派遣工人。                                                |
            КНДР передала России 170 мм гаубицы.                                                  |
            북한이 러시아에 240㎜ 방사포를 보냈다.                                                |
            # exceeding the cap is the breach, the amount moved is still the amount
            俄罗斯已向朝鲜运送了超过100万桶石油，远远超过联合国安理会规定的上限。                       | 1000000
            北韓向俄羅斯運送了五萬枚砲彈。 | 50000
            俄羅斯向北韓運送了兩萬桶石油。 | 20000
            러시아가 북한에 정유제품 100만 배럴을 넘겨 연간 상한을 초과했다.                          | 1000000
            # the day of a date is no amount, in any order or script
            North Korea shipped to Russia on Jan. 5 artillery shells worth millions.             |
            # people charged or held are the count of a case, not of those sent
            Prosecutors indicted 14 North Korean nationals who worked as IT workers based in China. |
            Полиция задержала 30 северокорейских рабочих, которых КНДР отправила в Россию.          |
            # a sum in yuan is no count of people
            丹东新桥耗资22亿元人民币。朝鲜工人在中国工作。                                             |
            North Korea shipped to Russia on 5 January artillery shells worth millions.          |
            КНДР 5 января передала России снаряды.                                                |
            북한은 지난해 10월 위성 기술을 러시아로부터 받았다.                                     |
            # the minutes of a time are no amount
            11:20 North Korean shells are still being shipped to Russia, officials say.          |
            # a page's ticker line counts no goods
            'North Korea shipped drones to Russia last year. Air defences downed 41 of 67 attack drones | Live 19.11.2024' |
            # refined products are petroleum, counted in barrels
            Russia shipped an estimated 759,793 barrels of refined products to North Korea.      | 759793
            # money counted over years is a running total, not the sum of the theft
            North Korean hackers stole $1.5 billion in crypto from an exchange in February, investigators said. North Korean hackers have stolen about $3 billion in crypto since 2017, investigators said. | 1500000000
            # people counted where no goods are named are the workers sent to the state they entered
            North Korea sent workers to Russia, officials said. More than 9,000 North Korean citizens entered Russia last year. | 9000
            North Korea sent 2,000 workers to Russia in June, officials said. More than 7,000 had been sent by December. | 7000
            North Korea sent workers to Russia, officials said. More than 9,000 North Korean citizens entered China last year. |
            # a small number written in words counts the noun close after it
            North Korea sent seven military drones to Russia.                                     | 7
            Путин подарил Ким Чен Ыну два автомобиля Aurus.                                        | 2
            North Korea sent troops to Russia two years ago in breach of UN sanctions.             |
            # what is planned is not what moved
            Russia shipped satellite parts to North Korea. Kim said the country intends to launch 3 more satellites in 2024. |
            # Chinese numerals count the measure word glued to them
            俄罗斯向朝鲜提供了两辆豪华轿车。                                                        | 2
            朝鲜向俄罗斯运送了三百枚导弹。                                                          | 300
            # the number grammar of Russian and Ukrainian: abbreviations (тыс., тис., млн), a singular with no article
            КНДР поставила России более 5 млн артиллерийских снарядов. | 5000000
            КНДР поставила России свыше 5 миллионов снарядов. | 5000000
            КНДР передала России около 100 баллистических ракет. | 100
            Россия поставила КНДР более миллиона баррелей нефти. | 1000000
            Россия поставила КНДР 1,2 млн баррелей нефтепродуктов. | 1200000
            КНДР направила в Россию 12 тыс. военнослужащих в нарушение резолюций ООН. | 12000
            КНДР направила в Россию десятки тысяч рабочих. |
            КНДР отправила в Россию порядка 20 тыс. контейнеров с боеприпасами. | 20000
            КНДР поставила Росії понад 5 млн артилерійських снарядів. | 5000000
            КНДР передала Росії близько 100 балістичних ракет. | 100
            Росія постачила КНДР понад мільйон барелів нафти. | 1000000
            Росія постачила КНДР 1,2 млн барелів нафтопродуктів. | 1200000
            КНДР направила до Росії 12 тис. військовослужбовців в порушення резолюцій ООН. | 12000
            КНДР відправила до Росії близько 20 тис. контейнерів із боєприпасами. | 20000
            North Korea has supplied Russia with over 5 million artillery shells. | 5000000
            Russia delivered 1.2 million barrels of refined products to North Korea. | 1200000
            North Korea sent 12,000 troops to Russia in violation of UN resolutions. | 12000
            North Korea shipped some 20,000 containers of munitions to Russia. | 20000
            North Korea sent tens of thousands of workers to Russia. |
            Russia sent 24 horses to North Korea in breach of UN sanctions. | 24
            Россия отправила в КНДР 24 лошади в нарушение санкций ООН. | 24
            Росія відправила до КНДР 24 коні в порушення санкцій ООН. | 24
            Россия передала КНДР миллион баррелей нефти. | 1000000
            КНДР направила в Россию тысячу рабочих. | 1000
            """)
    void quantityGrammar(String sentence, Long amount) {
        List<ViolationEvent> events = events(sentence);
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).amount()).isEqualTo(amount);
    }

    /** Places as written: ports, cities and regions of the route or the site, ';'-separated; empty for none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # a flag is a ship's registry, not where it sailed
            A Hong Kong-flagged tanker delivered oil to North Korea off Nampo.                    | Nampo
            # a seat is no place of the route
            A Kyiv-based group found that North Korea shipped shells to Russia through Rajin.   | Rajin
            # but a trader's seat is a place the goods pass through
            Hong Kong-based front companies shipped chips to Russia in breach of export controls.  | Hong Kong
            Dubai-based traders resold the microchips to Russia, evading export controls, through Vladivostok. | Dubai;Vladivostok
            A Dandong-based fuel dealer smuggled diesel to North Korea in breach of the cap.       | Dandong
            # a state's adjective before "port" is no place
            North Korea shipped coal to a Chinese port near Dandong in breach of sanctions.       | Dandong
            # a macro-region beside a port only says where the port lies
            Russia shipped oil to North Korea from the port of Vostochny in the Russian Far East. | Vostochny
            # so does a region in the locative after a place, and in Korean and Chinese the larger place written first
            КНДР отправила снаряды в Россию через порт Восточный в Приморском крае.                  | Восточный
            КНДР передала Росії снаряди через порт Зарубіно у Приморському краї.                     | Зарубіно
            북한은 러시아 연해주의 자루비노항으로 포탄을 보냈다.                                        | 자루비노항
            朝鲜违反制裁把煤炭运到辽宁大连。                                                          | 大连
            # but a destination after a place is a place of its own
            КНДР отправила снаряды из Раджина в Дунай.                                              | Раджина;Дунай
            # the ports of the trade named in the lexicon, in every script
            North Korea illegally shipped troops to Russia from the ports of Hamhung and Musudan. | Hamhung;Musudan
            两辆豪华轿车经大连运往平壤，违反了制裁。                                                | 大连;平壤
            # a city's adjective ("the Kharkiv prosecutors") is no place
            По данным харьковских прокуроров, КНДР передала России ракеты, которые ударили по Харькову. | Харькову
            # named alone, it is the place
            North Korea sent workers to construction sites in the Russian Far East.              | Russian Far East
            # but beside a city named in another sentence, the macro-region adds nothing
            North Korea sent workers to the Russian Far East in breach of UN resolutions. The workers were found on building sites in Khabarovsk. | Khabarovsk
            북한이 제재를 어기고 러시아 극동에 노동자를 보냈다. 노동자들은 하바롭스크의 건설현장에서 일했다.       | 하바롭스크
            # a port, a sea, a bay or a launch site the lexicon does not know, named by the way it is named
            North Korea shipped coal to China through the ports of Lushun and Weifang in breach of sanctions. | Lushun;Weifang
            Tankers delivered oil to North Korean ships in the Bay of Haizhou and off Qinhuangdao port, violating sanctions. | Bay of Haizhou;Qinhuangdao
            Russia shipped missile parts to North Korea from the Plesetsk Cosmodrome.            | Plesetsk Cosmodrome
            Russia handed North Korea oil at the Sheskharis terminal in breach of the cap.        | Sheskharis
            КНДР отправила в Россию снаряды через порт Ольга и порт Зарубино.                     | Ольга;Зарубино
            Північна Корея передала Росії снаряди через порти Посьєт і Славянка.                  | Посьєт;Славянка
            북한이 김책항에서 러시아로 포탄을 보냈다.                                              | 김책항
            朝鲜从兴南港向俄罗斯运送了炮弹。                                                       | 兴南港
            # military personnel named again are the troops, not a general word: their ports join the troops' event
            КНДР в нарушение санкций отправила в Россию 10 тысяч солдат. Первую группу военнослужащих перебросили из порта Чхонджин во Владивосток. | Чхонджин;Владивосток
            # a sentence that goes on with the goods named before ("much of it", "by rail") gives them its route
            North Korea sent shells to Russia last year. Much of it left from the port of Kimchaek. | Kimchaek
            North Korea sent shells to Russia last year. A smaller part went by rail across the Tumen River. | Tumen River
            # a sentence that goes on with the transfer (the transfer, the batches, the ship, a tanker, this equipment) gives
            # it its places
            A tanker pumped diesel into a North Korean ship in breach of the UN cap. The transfer took place in the Sea of Japan. | Sea of Japan
            Iran has shipped drones to Russia, officials say. The first batches crossed the Caspian Sea to Astrakhan. | Caspian Sea;Astrakhan
            Russia sold oil to North Korea in violation of the cap. A North Korean tanker was later seen off Vanino. | Vanino
            Россия поставила КНДР нефть сверх лимита. Судно затем разгрузилось в порту Нампхо.       | Нампхо
            КНДР передала России гаубицы в нарушение санкций. Часть этой техники уже замечена в Белгородской области. | Белгородской области
            俄罗斯违反制裁向朝鲜运送石油。该船随后驶入罗津港。                                          | 罗津港
            러시아가 제재를 어기고 북한에 정유제품을 넘겼다. 해당 선박은 이후 청진항에 입항했다.             | 청진항
            # waters named by the port or river they lie off keep their kind word
            North Korean barges sold coal to China at the Lianyungang anchorage in breach of sanctions. | Lianyungang anchorage
            Tankers delivered sand from North Korea to China in the Pearl River estuary, violating the ban. | Pearl River estuary
            КНДР в обход санкций продала Китаю уголь: баржи перегружали его на рейде Лункоу.          | Лункоу
            Північна Корея в обхід санкцій продала Китаю пісок, який вивантажували в гирлі Янцзи.      | Янцзи
            # one place written in two cases is one place, in the form written first
            КНДР передала России снаряды через Расон. Снаряды из Расона доставили по железной дороге. | Расон
            # what a port is (a transit port) is not its name
            朝鲜经每一个中转港向俄罗斯运送炮弹。                                                    |
            # two places joined by a dash are one place, as written
            朝鲜船只在宁波—舟山附近海域向中国出口煤炭，违反制裁。                                     | 宁波—舟山
            # a capital is a place where the goods or workers are, not where a government speaks
            North Korean workers were sent to Russia to building sites in Ussuriysk and Moscow.   | Ussuriysk;Moscow
            Moscow says North Korea sent missiles to Russia through Rason.                        | Rason
            # where a speaker or an authority sits is no place of the route
            North Korea shipped coal to China through Longkou in breach of sanctions, an analyst in Dalian said. | Longkou
            КНДР в обход санкций вывезла уголь в Китай через Нампхо, говорит аналитик из Владивостока. | Нампхо
            North Korean coal reached South Korea through Kholmsk in breach of sanctions, Pohang customs officials said. | Kholmsk
            По данным властей Сахалина, КНДР в обход санкций вывезла уголь через Холмск.            | Холмск
            # a city that stands for its government, or opens a firm's name, is no place
            Kyiv says North Korea shipped shells to Russia through Tumangang.                     | Tumangang
            Xiamen Trading shipped chips to Russia through Hong Kong in breach of export bans.    | Hong Kong
            """)
    void placesAsWritten(String sentence, String places) {
        List<ViolationEvent> events = events(sentence);
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).places()).isEqualTo(places == null ? List.of() : List.of(places.split(";")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            North Korea has shipped artillery shells to Russia.                                   | asserted
            North Korea reportedly shipped artillery shells to Russia, Seoul said.                 | asserted
            North Korea could ship artillery shells to Russia, officials warned.                   | possible
            Officials fear North Korea may supply Russia with shells.                              | possible
            Russia plans to provide North Korea with satellite technology.                        | possible
            It is unclear whether Russia would supply military technology to Pyongyang.            | possible
            КНДР может передать России снаряды.                                                    | possible
            북한이 러시아에 포탄을 보낼 가능성이 있다.                                              | possible
            朝鲜可能向俄罗斯提供炮弹。                                                               | possible
            러시아가 북한에 정찰위성 기술을 제공했을 수 있다.                                        | possible
            In return, Pyongyang is getting fuel from Moscow, a researcher said.                   | asserted
            Officials warn of closer ties with North Korea, which has supplied Russia with artillery shells. | asserted
            A report published in May said North Korean shells reached Russian forces by rail.     | asserted
            The panel investigated reports of missile transfers from North Korea to Russia.        | possible
            # a Korean cue reaches the verb after the goods, not the end of a later clause
            러시아에서 북한으로 유류가 반입된 의혹이 제기되고 있어 감시는 앞으로 더 강화될 전망이다.     | asserted
            # a Chinese cue may stand after the goods, before the verb
            部分鱿鱼很可能经中国渔船从朝鲜运回港口，违反了决议。                                        | possible
            Moscow may hire thousands of North Korean loggers.                                     | possible
            """)
    void statusCues(String sentence, String status) {
        List<ViolationEvent> events = events(sentence);
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The UN Security Council imposed new sanctions on North Korea's coal exports.
            Resolution 2371 banned all imports of North Korean coal.
            Officials said there was no evidence that North Korea delivered shells to Russia.
            North Korea fired two short-range ballistic missiles into the sea on Monday.
            China's exports of cars to Russia rose 4 per cent last year.
            Seoul urged South Korea to refrain from supplying munitions to Ukraine.
            North Korea shipped over 1,000 containers of arms to Russia, White House says 2,411 14.10.2023
            Пекін заперечує, що допомагає Москві обходити санкції, і наголошує, що не постачає зброю.
            북한은 러시아로부터 식량과 생필품을 받고 있다.
            Москва и Пхеньян сблизились. Каждая стрельба дает северокорейским инженерам данные о ракетах, которые невозможно получить иначе.
            专家小组认为，这类交易违反了决议，朝鲜从中获利数百万美元。
            Китай сократил импорт угля из КНДР до нуля.
            The EU banned exports of machine tools and ball bearings to Russia.
            Казахстан не реэкспортирует микросхемы в Россию.
            China's exports of tobacco to Russia rose last year.
            The US imposed sanctions on Chinese firms that sold bearings to Russia.
            Tourists entered North Korea from China on Monday.
            Russia praised Pyongyang, which unveiled a destroyer capable of carrying missiles with nuclear warheads.
            Россия приветствовала КНДР, чья новая подлодка способна нести ракеты с ядерными боеголовками.
            러시아는 북한이 공개한 미사일을 탑재할 수 있는 잠수함을 높이 평가했다.
            俄罗斯称赞朝鲜新公开的可携带导弹的潜艇。
            根据第2397号决议，朝鲜每年进口的成品油不得超过50万桶。
            各国向朝鲜出口的原油不能超过每年400万桶。
            Under Resolution 2397, refined petroleum supplied to North Korea may not exceed 500,000 barrels a year.
            Deliveries of crude oil to North Korea must not exceed four million barrels a year.
            China does not supply weapons to Russia, the foreign ministry said.
            No, this viral photo is not new evidence of North Korean coal arriving in China.
            Links from this episode: Russia shipped oil to North Korea · Seoul protests · Kim visits Vladivostok
            """)
    void notEvents(String sentence) {
        assertThat(events(sentence)).isEmpty();
    }

    /**
     * Sentences the extractor once read wrongly, each named for what went wrong; the expected key, or empty for no
     * event.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            drones handed over after a dash went the wrong way | Russia once again undermined the sanctions imposed on North Korea—publicly handing over several combat and surveillance drones to the North Korean delegation violated the 2017 UN Security Council Resolution 2397. | weapons RU>KP
            a border distance made Ukraine a supplier          | The supplies were then moved by rail to an ammunition depot in southwestern Russia near Tikhoretsk, roughly 200 kilometers from Ukraine's state border. |
            a speaker's country became the receiver            | According to South Korea's defense ministry, North Korea has shipped around 13,000 containers of artillery shells to Russia. | munitions KP>RU
            workers used at Russian sites were read as going to Pyongyang | Ukrainian intelligence has said that North Korean workers are also being used at Russian industrial sites in Tatarstan. | workers KP>RU
            a tour of an aircraft plant was read as arms to Pyongyang | North Korean leader Kim Jong Un arrived in Russia for a tour of the far east, visiting an aircraft plant. |
            missiles named as a technology's field became goods | Москва может передать Пхеньяну технологии для спутников и баллистических ракет. | military-technology RU>KP
            missiles before 方面的技术 became goods               | 俄罗斯可能向朝鲜提供导弹方面的技术。 | military-technology RU>KP
            missiles and technology are two goods                 | 俄罗斯向朝鲜提供了导弹和技术。 | missiles RU>KP
            the users' army was read as troops sent and as the supplier | Officials said North Korea had handed Russia several missile launchers and that Russian troops had fired them near Kupiansk. | missiles KP>RU
            the maker after "to" was read as the receiver       | Prosecutors said the fragments belonged to a North Korean missile that Moscow fired at Dnipro. | missiles KP>RU
            goods made in a state were not its exports          | Kyiv says Moscow keeps firing rockets made in Pyongyang at its cities. | munitions KP>RU
            "the North" was no state                            | Seoul accused Chinese tankers of selling diesel to the North. | petroleum CN>KP
            a visit to the capital made it a receiver           | During a visit to Pyongyang, Russia's defence minister said North Korea would send 5,000 workers to Russia. | workers KP>RU
            a shell company was read as artillery shells        | Shell companies in Turkey then sold the chips to Russian buyers, evading export controls. | military-technology TR>RU
            satellite images were read as satellite technology  | Russia shipped more than a million barrels of oil to North Korea, satellite images show. | petroleum RU>KP
            anti-tank rockets were read as tanks                | North Korea shipped anti-tank rockets to Russia last spring. | munitions KP>RU
            a missile maker was read as missiles                | A Hong Kong trader shipped chips to a Russian firm that supplies a missile manufacturer. | military-technology CN>RU
            a headline's use verb left the maker as receiver    | Panel report: Pyongyang's hackers stole millions, Moscow used its missile on Odesa | missiles KP>RU
            a relative clause naming the ban hid the offer      | Analysts think Moscow may offer Pyongyang submarine technology, which would fall under the UN ban on military cooperation. | military-technology RU>KP
            a missile programme hid the help or was read as missiles | Russia has provided technical assistance to the North's missile programme, the monitors said. | military-technology RU>KP
            a value in dollars was read as funds                | China bought about 90 million dollars' worth of North Korean hairpieces last year. |
            goods said to be outside the sanctions              | The garments, sewn by North Korean workers at home for Chinese buyers, are not covered by UN sanctions. |
            a reporting rule was read as a shipment             | Each delivery of refined petroleum to North Korea is supposed to be reported to the sanctions committee. |
            "of" after no goods made the state a supplier       | Russia supplied North Korea with missiles to guard the skies of Pyongyang. | missiles RU>KP
            banned goods were read as a ban                     | South Korean importers brought in banned North Korean anthracite disguised as Russian cargo, customs said. | coal KP>KR
            bare launchers beside artillery were read as missiles | Kyiv says Russia has received some 30 North Korean howitzers and a dozen launchers. | weapons KP>RU
            the text's North Korea was made the supplier of China's trade | Pyongyang's trade with Beijing stayed small. China's exports to Russia grew 5 per cent, while its imports, mostly gas and coal, fell slightly. |
            a sentence referring back lost its parties          | Pyongyang hopes for a reward from Moscow. Those rewards could include help with spy satellites and submarine technology. | military-technology RU>KP
            railway tank cars were read as tanks                | Russian tank cars have delivered refined fuel to North Korea through Tumangang. | petroleum RU>KP
            a ballistic missile programme was read as missiles  | The monitors who tracked sanctions on North Korea until Russia blocked them said the country relies on cyber theft for much of its hard currency, and that the proceeds help fund its weapons of mass destruction and ballistic missile programmes. | funds ?>KP
            workers at home were read as sent abroad            | Workers in North Korean garment factories sew the wigs, which are then shipped to China for export. |
            the workers' state was made the supplier of drones  | North Korean labourers are also being used at Russian plants where attack drones are assembled, Kyiv said. | workers KP>RU
            a speaker's noun was read as its verb               | South Korea, which first disclosed the deployment, said the North had dispatched the troops on Russian landing ships to Vladivostok, breaching UN sanctions. | troops KP>RU
            a think tank was read as tanks                      | Researchers at a Kyiv think tank say North Korea exported coal to Russia. | coal KP>RU
            the earnings of coal sales were read as funds of their own | Coal smuggled to China earned Pyongyang about 400 million dollars last year, the monitors estimated. | coal KP>CN
            a place in China left the workers' host unsaid     | Investigators found North Korean labourers employed at fish plants in Hunchun. | workers KP>CN
            a port of delivery left the coal's receiver unsaid  | The freighter loaded 20,000 tonnes of North Korean coal at Nampo for delivery to Balikpapan. | coal KP>ID
            the receiver's own launch made it the supplier      | Seoul is watching whether Russian engineers are assisting Pyongyang's space agency after North Korea's failed satellite launch. | military-technology RU>KP
            a later clause's negation denied the shipment       | Monitors said they had examined reports of shells shipped from North Korea to Russia, but could not finish because Moscow did not answer. | munitions KP>RU
            a list of headlines stamped with times was read as prose | Live updates - 08:15 North Korean shells reach Russian depots - 10:40 Seoul protests - 12:05 Kyiv under fire |
            a missile development was read as missiles          | The panel said crypto stolen by North Korean hackers pays for a large share of Pyongyang's missile development, Russia aside. | funds ?>KP
            oil revenues were read as oil                       | Russia's oil revenues rose despite the sanctions, and North Korea looked on. |
            refined products were no petroleum                  | Tankers carried refined products from Russia to North Korea. | petroleum RU>KP
            electronics were no goods of war                    | Kazakhstan's imports of European electronics doubled, and much of them went on to Russia by truck. | military-technology KZ>RU
            missiles a technology serves became goods           | Russia could hand over to North Korea technology for spy satellites, submarines or ballistic missiles. | military-technology RU>KP
            a denial was read as a shipment                     | Beijing denies sending weapons to Moscow and calls its trade with Russia normal commerce. |
            a denial of what officials allege lost the allegation | Moscow and Pyongyang deny the arms transfers, which U.S. officials say included more than 1,000 containers of shells. | munitions KP>RU
            the Netherlands was no state                        | Two armoured Mercedes limousines left the Netherlands in 2018 and were shipped on to Pyongyang via Dalian. | luxury-goods NL>KP
            receiving was no get word                           | Russia denied receiving any weapons from North Korea, despite evidence gathered by Kyiv. | weapons KP>RU
            a North Korean port did not name the exporter       | The shells were then moved by rail from Rajin to depots in western Russia. | munitions KP>RU
            drone engines were read as drones                   | The United States accused China of supplying Russia with drone engines and satellite imagery. | military-technology CN>RU
            an ammunition depot was read as ammunition          | The containers were loaded at Najin and moved by rail to an ammunition depot near Tikhoretsk, Russia. |
            a ban word before a comma was read as the goods' adjective | Any assistance to North Korea's missile programme is banned, and the satellite launchers Russia supplied use the same technology. |
            oil pumped into a vessel was not moved              | The tanker sailed into international waters and pumped 600 tonnes of diesel into a North Korean vessel. | petroleum ?>KP
            coal sold to China after the bans needed a breach word | North Korea sold 1.3 million tonnes of coal into Chinese waters in 2019, officials estimate. | coal KP>CN
            coal sold to China before the bans is lawful trade  | In 2016, North Korea sold 20 million tonnes of coal to China. |
            imports halted were read as imports                 | China has said it halted all coal imports from North Korea. |
            goods negated by not were read as sold              | Hair, not coal: what North Korea sells to China now |
            garments were no goods                              | Some 2,500 tonnes of North Korean garments were shipped from Nampo to Dalian in 2019. | other-goods KP>CN
            a related headline's hands moved no goods           | Read also: Russia hands North Korea air defence systems, Seoul says | weapons RU>KP
            a speaker after the receiver became a second host   | North Korea is believed to have sent at least 3,000 troops to Russia, Seoul's spy agency said. It has also shipped shells to Russia. | troops KP>RU;munitions KP>RU
            workers found working in a state were not hosted there | North Korean laborers were found working in Chinese seafood factories in violation of UN sanctions. | workers KP>CN
            a sentence that names no state lost the parties before it | North Korea has shipped shells to Russia, officials said. Koksan self-propelled guns have also been delivered, the officials added. | munitions KP>RU;weapons KP>RU
            a headline's use against Ukraine moved no missiles  | Russia's war goes on. Read also: North Korean KN-24 missiles and their use against Ukraine | missiles KP>RU
            workers arriving in a state were not sent there     | North Korean workers arriving in Russia as students, data shows | workers KP>RU
            a theft's victim was read as the payer              | The FBI blamed North Korea for the theft, saying hackers working for Pyongyang took $600 million in crypto from a Dubai-based exchange. | funds ?>KP
            a rule that made a sale illegal was read as a breach | Resolution 2371 made the export of North Korean iron ore illegal in every member state. |
            components for a drone were dropped beside the drones | Two Chinese firms supplied engines and other components for the Garpiya drone and shipped finished drones to Russia. | military-technology CN>RU;weapons CN>RU
            an oil port was read as oil                         | North Korean tankers sailed from the Russian oil port of Vostochny to Rajin, carrying refined products. | petroleum RU>KP
            the maker after "linking them to" was read as the receiver | It said the components carried markings linking them to North Korean production. |
            a state before "where traders bought" was read as the buyer | Chips were routed through the Emirates and Turkey, where traders bought them and forwarded them to Moscow. | military-technology AE>RU;military-technology TR>RU
            export controls were read as exports                | What North Korea's arms trade with Russia means for export controls |
            a state paying for its own goods was read as buying them | Hackers and fake CVs: how North Korea pays for its missiles, and why Russia does not mind |
            a sum in dollars earned was no money                | Prosecutors say the scheme generated at least $40 million for the North Korean government. | funds ?>KP
            workers working abroad were not sent                | Thousands of North Korean IT workers work abroad, mostly in China, the report said. | workers KP>CN
            workers in two host states went to the first only   | Hundreds of North Korean labourers work abroad, mostly in Russia and China, the ministry said. | workers KP>RU;workers KP>CN
            a text's North Korea became the maker of another state's goods | North Korea's trade with Moscow is small. Its exports of comparable goods to Russia jumped tenfold last year. |
            a Korean possessive 의 made the possessor the maker  | 러시아가 북한의 위성 개발에 도움을 주고 있다고 정부는 판단한다. | military-technology RU>KP
            a Korean partner 와의 was read as the subject        | 북한은 러시아와의 협력을 강조하면서 노동자 파견을 늘렸다. | workers KP>RU
            the possessor of a Korean transfer noun is its subject | 미국은 북한의 대러 무기 공급이 계속되고 있다고 밝혔다. | weapons KP>RU
            a spy satellite that saw the transfer became goods  | 중국 선박들이 공해상에서 북한 선박에 기름을 옮겨 실은 정황이 정찰위성에 포착됐다. | petroleum CN>KP
            a Russian speaker was read as the supplier          | КНДР отвергает обвинения. Официальный представитель МИД России Мария Захарова заявила, что США сами поставляют вооружения Киеву. |
            a Russian missile programme was read as missiles    | Москва и Пхеньян сблизились. Похищенные средства идут на финансирование ракетной программы Пхеньяна в обход санкций. | funds ?>KP
            the user of another state's missiles was read as their maker | Частина компонентів потрапляє в російські ракети і в північнокорейські KN-23, якими Росія б'є по містах. | missiles KP>RU
            a target after 针对 was read as a receiver           | 朝鲜的武器表现将为其改进导弹技术提供数据，用于提升其针对韩国的打击能力。 |
            help with air defence was read as arms              | По оценке разведки, в обмен КНДР может получить от России помощь в модернизации систем ПВО. | military-technology RU>KP
            a technology's adjective across a list was read as missiles | Москва допомагає Пхеньяну з ракетними та космічними технологіями. | military-technology RU>KP
            missiles as the place of a solution were read as goods | Аналітики вважають, що рішення, втілені у нових ракетах КНДР, могли бути отримані від Росії. |
            the value of luxury goods was read as funds         | 朝鲜从多个国家进口了价值数亿美元的奢侈品。 | luxury-goods ?>KP
            the workers' earnings were read as funds            | 북한이 러시아에 노동자를 보내 외화를 벌어들이고 있다. | workers KP>RU
            a Korean particle after the army was not read       | 북한은 침묵했다. 보고서는 자주포와 방사포 등 중화기도 상당수 러시아군에 인도됐다고 적시했다. | weapons KP>RU
            a place after 在 was read as the supplier           | 一列在俄罗斯境内行驶的火车上装载着朝鲜的自行火炮。 | weapons KP>RU
            a ministry's state in the genitive became the supplier | КНДР заперечує. У МЗС Росії звинувачення в постачанні зброї традиційно називають вигадками. |
            arms named as the field of help became goods        | 러시아는 또 북한군의 방공 운용과 전자전 분야에서도 기술 지원을 해 온 것으로 전해졌다. | military-technology RU>KP
            North Korea's tanker in a ship-to-ship transfer was read as the oil's supplier | 香港籍油轮在东海公海与朝鲜油轮进行船对船过驳，转运约600吨精炼油品。 | petroleum ?>KP
            arms made out of the goods were read as goods       | 俄罗斯进口的机床约70%来自中国，这些产品被用于制造导弹、坦克和无人机。 | military-technology CN>RU
            goods a breached ban covers were read as moved      | Сеул заявил, что подарок нарушает резолюции, запрещающие поставки в КНДР предметов роскоши. |
            a Chinese negation before the receiver was not read | 北京虽然没有直接向莫斯科提供武器，但正在帮助俄罗斯。 |
            a Korean state's region and a seafood plant became parties and goods | 북한이 러시아 극동의 건설현장과 수산물 가공공장에 노동자를 보냈다. | workers KP>RU
            drones assembled where the workers go became goods  | Росія приймає працівників. Пхеньян може відправити кілька тисяч робітників до «Алабуги», де збирають ударні дрони. | workers KP>RU
            a tanker was read as a tank | Китайские танкеры незаконно передали КНДР нефть. | petroleum CN>KP
            a Ukrainian tanker too | Китайські танкери незаконно передали КНДР нафту. | petroleum CN>KP
            the intelligence services' state became the supplier | КНДР, за даними української та південнокорейської розвідок, перекинула до Росії близько 11 тисяч військових і снаряди. | troops KP>RU;munitions KP>RU
            a Korean headline's topic before a comma was read as the head of a list | 러시아, 북한에 정유제품 100만 배럴 공급 | petroleum RU>KP
            a Korean headline's topic after a bracketed tag     | [단독] 북한, 러시아에 포탄 대량 수출 | munitions KP>RU
            a Korean topic with a get verb receives             | "러시아, 북한서 탄도미사일 수입" | missiles KP>RU
            troops sent, and no breach reported                 | North Korea has sent about 11,000 soldiers to Russia, Seoul's spy agency says. |
            troops sent, and no breach reported, in Chinese     | 据韩国情报机构称，朝鲜已向俄罗斯派出约一万名士兵。 |
            troops sent, and no breach reported, in Russian     | Около 12 тысяч северокорейских солдат отправлены в Россию, сообщила разведка Южной Кореи. |
            troops sent, and no breach reported, in Korean      | 북한이 러시아에 약 1만1천 명의 병력을 파병했다고 국정원이 밝혔다. |
            troops called a breach are an event                 | North Korea sent 10,000 troops to Russia in violation of UN resolutions. | troops KP>RU
            troops called a breach are an event, in Chinese     | 朝鲜向俄罗斯派兵违反了安理会决议。 | troops KP>RU
            troops beside shells are an event                   | Pyongyang sent soldiers to Russia. It has also shipped millions of shells to Moscow. | troops KP>RU;munitions KP>RU
            the fuel of a second clause took the parties of the first | North Korea has shipped shells to Russia, while Moscow has supplied Pyongyang with fuel. | munitions KP>RU;petroleum RU>KP
            a second clause with its own subject, in Russian    | Россия отправила КНДР зерно, а Пхеньян отправил России ракеты. | missiles KP>RU
            a second clause with its own subject, in Ukrainian  | КНДР передала Росії снаряди, а Росія постачає Пхеньяну нафту. | munitions KP>RU;petroleum RU>KP
            a second clause with its own subject, in Korean     | 북한은 러시아에 포탄을 보냈고, 러시아는 북한에 석유를 공급했다. | munitions KP>RU;petroleum RU>KP
            a second clause with its own subject, in Chinese    | 俄罗斯向朝鲜提供石油，朝鲜向俄罗斯输送炮弹。 | petroleum RU>KP;munitions KP>RU
            a clause before a comma lent its parties to the main clause | After North Korea sent shells to Russia, Moscow began supplying Pyongyang with fuel. | munitions KP>RU;petroleum RU>KP
            a clause before a comma, in Russian                 | После того как КНДР отправила снаряды в Россию, Москва начала поставлять Пхеньяну топливо. | munitions KP>RU;petroleum RU>KP
            a clause before a comma, in Ukrainian               | Після того як КНДР передала Росії снаряди, Москва почала постачати Пхеньяну пальне. | munitions KP>RU;petroleum RU>KP
            a clause before 뒤, in Korean                        | 북한이 러시아에 포탄을 보낸 뒤 러시아는 북한에 석유를 공급하기 시작했다. | munitions KP>RU;petroleum RU>KP
            a list of suppliers with a later comma is no clause | Chips reach Russia through China, Hong Kong, the UAE and Turkey, in breach of export bans. | military-technology CN>RU;military-technology AE>RU;military-technology TR>RU
            a Korean subject across a state with its own particle | 러시아는 북한으로부터 탄도미사일을 구매했다. | missiles KP>RU
            Moscow in the accusative was read as an adjective   | Пхеньян отправляет в Москву снаряды. | munitions KP>RU
            Moscow in the dative was read as an adjective       | Пхеньян передав Москві ракети. | missiles KP>RU
            a tanker was read as a tank                         | Российский танкер перевез в Нампхо нефтепродукты для КНДР. | petroleum RU>KP
            a tanker was read as a tank, in Ukrainian           | Російський танкер доставив до КНДР нафтопродукти. | petroleum RU>KP
            a price owned by a state was read with the goods' direction | Moscow could supply Pyongyang with satellite technology in return for Pyongyang's artillery shells. | military-technology RU>KP;munitions KP>RU
            a price owned by a state, with a curly apostrophe   | Moscow could supply Pyongyang with satellite technology in return for North Korea’s artillery shells. | military-technology RU>KP;munitions KP>RU
            a dash before the price's main item was read as a clause break | Moscow could supply Pyongyang with satellite technology in return for old weaponry – primarily artillery shells. | military-technology RU>KP;munitions KP>RU
            a dash before the price's main item, in Russian     | Москва может передать КНДР спутниковые технологии в обмен на старое оружие — прежде всего снаряды. | military-technology RU>KP;munitions KP>RU
            materials to manufacture missiles were read as missiles | Russia sold North Korea microelectronics to manufacture ballistic missiles. | military-technology RU>KP
            machines for building drones were read as drones    | China shipped Russia machine tools for building attack drones. | military-technology CN>RU
            engines for drones were read as drones              | A Chinese firm supplied Russia with engines for drones. | military-technology CN>RU
            engines for drones, in Russian                      | Китайская компания поставляла России двигатели для дронов. | military-technology CN>RU
            engines for drones, in Ukrainian                    | Китайська компанія постачала Росії двигуни для дронів. | military-technology CN>RU
            parts for drones, in Korean                         | 중국 기업이 러시아에 드론용 부품을 수출했다. | military-technology CN>RU
            drone engines, in Chinese                           | 中国一家公司向俄罗斯出售无人机发动机。 | military-technology CN>RU
            a list of arms the chips are used in became goods   | Two Chinese trading houses sold Russia chips used to make missiles, drones and tanks. | military-technology CN>RU
            a list of arms the chips are used in, in Russian    | Пекин отправляет в Россию микросхемы, используемые при производстве ракет, танков и беспилотников. | military-technology CN>RU
            satellite data were read as satellite technology    | Satellite analysis shows hundreds of Chinese boats fishing illegally in North Korean waters. |
            satellite data, in Korean                           | 국제 비영리단체는 위성 자료 분석을 통해 중국 어선 수백 척이 북한 수역에서 불법 조업을 한 것으로 추정했다. |
            satellite data, in Chinese                          | 专家通过卫星数据分析发现，数百艘中国渔船在朝鲜水域非法捕鱼。 |
            satellite data, in Russian                          | По спутниковым данным, сотни китайских судов незаконно ловили рыбу в водах КНДР. |
            satellite data, in Ukrainian                        | Згідно з супутниковими даними, сотні китайських суден незаконно ловили рибу у водах КНДР. |
            weapons of mass destruction paid for were no arms moved | 유엔 전문가패널은 가상자산 탈취가 북한 외화 수입의 상당 부분을 차지하며 대량살상무기 개발에 쓰인다고 지적했다. | funds ?>KP
            weapons of mass destruction, in Chinese             | 专家小组称，朝鲜窃取的加密货币被用于大规模杀伤性武器研发。 | funds ?>KP
            coal sold before the sanctions was lawful trade, in Russian | До введения санкций КНДР экспортировала уголь в Китай. |
            coal and ore sold before the sanctions, in Ukrainian | До запровадження санкцій КНДР продавала Китаю вугілля та залізну руду. |
            coal sold before the sanctions, in Korean           | 제재 이전에는 북한이 중국에 석탄을 대량으로 수출했다. |
            coal sold before the sanctions, in Chinese          | 制裁之前，朝鲜每年向中国出口大量煤炭。 |
            coal sold in a year before the bans                 | In 2015, North Korea shipped coal to Vietnam. |
            coal sold in a year before the bans, in Russian     | В 2015 году КНДР продала Вьетнаму 2 млн тонн угля. |
            workers sent before the ban on them were lawful     | Until 2017, North Korea sent thousands of workers to Russia. |
            workers sent before the ban, in Russian             | До 2017 года КНДР отправляла рабочих в Россию. |
            workers sent before the ban, in Ukrainian           | До 2017 року КНДР відправляла робітників до Росії. |
            workers sent before the ban, in Korean              | 2017년 이전까지 북한은 러시아에 노동자를 보냈다. |
            workers sent before the ban, in Chinese             | 2017年以前，朝鲜向中国派遣了大量工人。 |
            workers sent after the ban are an event             | In 2019, North Korea still sent workers to Russia. | workers KP>RU
            coal smuggled after the bans is a breach            | In 2015 and 2019, North Korea shipped coal to China in breach of the ban. | coal KP>CN
            coal sold after the bans is a breach, in Korean     | 2019년 북한은 중국에 석탄을 밀수출했다. | coal KP>CN
            the seller after "у" was read as the receiver       | Россия может закупить баллистические ракеты у Ирана. | missiles IR>RU
            the seller after "у", in Ukrainian                  | Росія купує у Китаю мікросхеми для дронів. | military-technology CN>RU
            "у" after a give verb still names the receiver      | Росія постачає нафту у КНДР. | petroleum RU>KP
            chips for missiles were read as missiles            | Китай поставляет России чипы для ракет. | military-technology CN>RU
            microchips for drones were read as drones           | Chinese traders shipped microchips for drones to Russia via Hong Kong. | military-technology CN>RU
            a receiver's plain denial was read as a delivery, in Russian | В Кремле заявили, что Россия не получала от КНДР никаких снарядов. |
            a buyer's plain denial, in Russian                  | Москва утверждает, что не покупала у Пхеньяна ракет. |
            a receiver's plain denial, in Ukrainian             | Росія не отримувала від КНДР жодних снарядів, заявили в Кремлі. |
            a seller's plain denial, in Ukrainian               | Китай не продає Росії зброю, наголосили в Пекіні. |
            a receiver's plain denial, in Korean                | 러시아는 북한으로부터 포탄을 받은 적이 없다고 주장했다. |
            a seller's plain denial, in Korean                  | 중국은 러시아에 무기를 판매하지 않았다고 밝혔다. |
            a receiver's plain denial, in Chinese               | 俄罗斯表示从未从朝鲜获得弹药。 |
            a seller's plain denial, in Chinese                 | 中方表示不向冲突任何一方提供致命性武器。 |
            new limits debated were read as oil delivered       | Council members are weighing new limits on fuel deliveries to Pyongyang. |
            a draft resolution's cut was read as a delivery     | Washington circulated a draft resolution that would cut oil supplies to North Korea. |
            new sanctions debated, in Russian                   | Совбез ООН обсуждает новые санкции против поставок нефти в КНДР. |
            a draft resolution, in Ukrainian                    | США підготували проєкт резолюції, який скоротить постачання нафти до КНДР. |
            new sanctions debated, in Korean                    | 안보리는 북한에 대한 석유 공급을 제한하는 새 제재를 논의하고 있다. |
            a draft resolution, in Chinese                      | 美国提出一项决议草案，将削减对朝鲜的原油供应。 |
            a speaker's nationality became the supplier         | A Russian expert said North Korea received oil. | petroleum ?>KP
            a speaker's nationality became the supplier, in Russian | Российский эксперт Иванов считает, что КНДР получает нефть. | petroleum ?>KP
            a speaker's nationality, in Ukrainian               | Український політолог вважає, що КНДР отримує пальне. | petroleum ?>KP
            a speaker's nationality, in Chinese                 | 一位俄罗斯分析人士说，朝鲜获得了石油。 | petroleum ?>KP
            a speaker's state hid the receiver, in Chinese      | 中国专家说，朝鲜获得了石油。 | petroleum ?>KP
            a state's body that acts is still a party           | The Russian government shipped oil to North Korea. | petroleum RU>KP
            a state's body that acts is still a party, in Russian | Минобороны России передало КНДР крупную партию снарядов. | munitions RU>KP
            a Chinese city left the workers' host unsaid, in Chinese | 记者走访发现，珲春的多家水产加工厂仍在使用朝鲜工人。 | workers KP>CN
            a Chinese city left the host unsaid, and a seafood plant was goods, in Korean | 북한은 노동자 수백 명을 훈춘 수산물 공장으로 보냈다. | workers KP>CN
            a Korean port left the coal's receiver unsaid, in Korean | 북한산 석탄이 남포에서 포항으로 운송됐다. | coal KP>KR
            the state in a sanctions committee's name became the maker | 러시아는 대북제재위원회에 석유 공급 실적을 보고했다. | petroleum RU>KP
            the state in a sanctions committee's name, in Chinese | 俄罗斯向对朝制裁委员会通报了石油供应。 | petroleum RU>KP
            a drone factory was read as drones                  | North Korean workers are employed at a Russian drone factory in Alabuga. | workers KP>RU
            a missile factory was read as missiles, in Chinese  | 中国芯片流入俄罗斯导弹工厂。 | military-technology CN>RU
            a missile factory, in Korean                        | 중국산 반도체가 러시아 미사일 공장으로 흘러들어갔다. | military-technology CN>RU
            earnings of what no sanction covers were read as funds, in Korean | 관광 자체는 유엔 제재 대상이 아니지만, 북한이 관광으로 벌어들이는 외화가 수입을 보전해 줄 수 있다. |
            earnings of what no sanction covers, in Russian     | Туризм не подпадает под санкции ООН, хотя российские туристы приносят КНДР миллионы долларов. |
            earnings of what no sanction covers, in Chinese     | 旅游本身不在制裁范围内，但俄罗斯游客每年给朝鲜带来数百万美元。 |
            """)
    void regressions(String name, String sentence, String expected) {
        List<String> keys = events(sentence).stream().map(EventExtractorTest::key).toList();
        if (expected == null) {
            assertThat(keys).as(name).isEmpty();
        } else {
            assertThat(keys).as(name).containsExactlyInAnyOrder(expected.split(";"));
        }
    }

    /**
     * A grammar grid of how a Korean or Chinese reporter states a transfer: the supplier, the receiver, the goods
     * (passive, 被/把/将), a ship or a firm as the subject, or a noun phrase; one party or two, marked by particles
     * (에/에게/으로/에서/로부터/을 통해) or prepositions (向/给/从/经/对); the maker as an origin (북한산, 朝鲜制造的);
     * give, get and use verbs; hedges. The expected key (with " possible" when only warned of), or empty for no event.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ko | 북한이 러시아에 포탄을 보냈다. | munitions KP>RU
            ko | 북한은 러시아에 탄약 수백만 발을 제공했다. | munitions KP>RU
            ko | 북한이 러시아에 탄도미사일을 판매했다. | missiles KP>RU
            ko | 북한은 러시아로 무기를 수출했다. | weapons KP>RU
            ko | 북한이 중국으로 석탄을 밀수출했다. | coal KP>CN
            ko | 북한은 석탄을 중국에 몰래 팔았다. | coal KP>CN
            ko | 러시아가 북한에 석유를 공급했다. | petroleum RU>KP
            ko | 러시아는 북한에 정유제품을 넘겼다. | petroleum RU>KP
            ko | 러시아가 북한에 위성 기술을 이전했다. | military-technology RU>KP
            ko | 러시아는 북한에 군사 기술을 전수했다. | military-technology RU>KP
            ko | 북한은 러시아에 노동자 수천 명을 파견했다. | workers KP>RU
            ko | 러시아가 북한에 자금을 지원했다. | funds RU>KP
            ko | 북한이 러시아에 드론을 인도했다. | weapons KP>RU
            ko | 북한은 포탄을 러시아로 실어 보냈다. | munitions KP>RU
            ko | 러시아가 북한에게 석유를 팔았다. | petroleum RU>KP
            ko | 북한은 석탄을 중국으로 보냈다. | coal KP>CN
            ko | 북한은 중국을 통해 러시아에 무기를 보냈다. | weapons KP>RU
            ko | 북한이 러시아에 포탄을 보내고 병력 1만 명을 파병했다. | munitions KP>RU;troops KP>RU
            ko | 러시아가 북한으로부터 포탄을 받았다. | munitions KP>RU
            ko | 러시아는 북한에서 포탄을 받았다. | munitions KP>RU
            ko | 북한은 불법 환적으로 연료를 확보했다. | petroleum ?>KP
            ko | 북한이 연료를 들여왔다. | petroleum ?>KP
            ko | 북한은 정제유를 반입했다. | petroleum ?>KP
            ko | 러시아가 북한으로부터 탄도미사일을 구입했다. | missiles KP>RU
            ko | 러시아는 북한산 포탄을 사들였다. | munitions KP>RU
            ko | 중국은 북한산 석탄을 수입했다. | coal KP>CN
            ko | 북한은 러시아로부터 원유를 수입했다. | petroleum RU>KP
            ko | 북한이 러시아로부터 미사일 기술을 획득했다. | military-technology RU>KP
            ko | 러시아는 북한에서 미사일을 들여왔다. | missiles KP>RU
            ko | 러시아군이 북한제 무기를 사용했다. | weapons KP>RU
            ko | 러시아군은 북한제 미사일을 우크라이나에 발사했다. | missiles KP>RU
            ko | 러시아가 북한산 KN-23 미사일을 발사했다. | missiles KP>RU
            ko | 러시아군이 북한산 포탄을 쐈다. | munitions KP>RU
            ko | 북한 포탄이 러시아로 보내졌다. | munitions KP>RU
            ko | 북한산 탄약이 러시아에 전달됐다. | munitions KP>RU
            ko | 북한산 석탄이 중국으로 수출됐다. | coal KP>CN
            ko | 러시아산 석유가 북한에 공급됐다. | petroleum RU>KP
            ko | 북한의 탄도미사일이 러시아로 이전됐다. | missiles KP>RU
            ko | 정유제품이 북한으로 반입됐다. | petroleum ?>KP
            ko | 북한산 석탄이 밀수출됐다. | coal KP>?
            ko | 선박이 북한산 석탄을 중국으로 운송했다. | coal KP>CN
            ko | 유조선이 북한 선박에 석유를 옮겨 실었다. | petroleum ?>KP
            ko | 러시아 유조선이 북한에 석유를 운반했다. | petroleum RU>KP
            ko | 중국 기업들이 러시아에 드론 부품을 판매했다. | military-technology CN>RU
            ko | 중국 회사가 북한에 석유를 밀수출했다. | petroleum CN>KP
            ko | 북한의 대러시아 무기 수출이 크게 늘었다. | weapons KP>RU
            ko | 북한산 석탄의 중국 수출이 계속되고 있다. | coal KP>CN
            ko | 러시아의 대북 석유 공급은 제재 위반이다. | petroleum RU>KP
            ko | 북한의 러시아에 대한 포탄 공급이 확인됐다. | munitions KP>RU
            ko | 러시아로의 북한 노동자 파견이 늘고 있다. | workers KP>RU
            ko | 러시아의 북한 포탄 구매가 급증했다. | munitions KP>RU
            ko | 북한이 러시아에 미사일을 보낼 가능성이 있다. | missiles KP>RU possible
            ko | 러시아가 북한에 위성 기술을 이전할 수 있다는 우려가 나온다. | military-technology RU>KP possible
            ko | 북한이 러시아에 포탄을 추가로 제공할 것으로 예상된다. | munitions KP>RU possible
            ko | 북한이 러시아에 포탄을 제공한 것으로 알려졌다. | munitions KP>RU
            ko | 러시아가 북한에 석유를 공급하려 하고 있다. | petroleum RU>KP possible
            ko | 북한이 러시아에 무기를 넘길 계획이다. | weapons KP>RU possible
            ko | 조사 결과 러시아는 북한에 석유를 공급하지 않은 것으로 확인됐다. | 
            ko | 안보리는 북한산 석탄 수출을 금지했다. | 
            ko | 유엔은 북한에 대한 정유제품 공급을 연간 50만 배럴로 제한했다. | 
            ko | 북한은 해킹으로 가상화폐 15억 달러를 벌어들였다. | funds ?>KP
            ko | 러시아는 북한이 보낸 포탄을 받았다. | munitions KP>RU
            ko | 러시아군이 북한이 만든 미사일을 발사했다. | missiles KP>RU
            ko | 북한산 석탄 수만 톤이 중국 항구에 하역됐다. | coal KP>CN
            ko | 북한 노동자들이 러시아 건설 현장에서 일하고 있다. | workers KP>RU
            ko | 러시아는 그 대가로 북한에 첨단 군사기술을 제공할 것으로 보인다. | military-technology RU>KP possible
            ko | 중국 선박들이 북한 석탄을 중국으로 실어 날랐다. | coal KP>CN
            ko | 북한 유조선이 공해상에서 환적을 통해 정유제품을 넘겨받았다. | petroleum ?>KP
            ko | 러시아가 북한에 전투기를 넘겨줄 수 있다는 관측이 나온다. | weapons RU>KP possible
            ko | 북한은 러시아에서 정제유 100만 배럴 이상을 들여온 것으로 추정된다. | petroleum RU>KP
            ko | 북한 해커들이 가상화폐를 탈취했다. | funds ?>KP
            ko | 러시아 기업들이 북한 노동자를 고용했다. | workers KP>RU
            ko | 북한이 러시아에 미사일 발사대를 넘겼다. | missiles KP>RU
            ko | 러시아가 북한 노동자 수천 명을 받아들였다. | workers KP>RU
            ko | 중국 단둥의 공장에서 북한 노동자 수백 명이 일하고 있다. | workers KP>CN
            ko | 북한이 러시아로부터 위성 발사 기술을 지원받았다. | military-technology RU>KP
            ko | 북한은 정유제품을 공급받았다. | petroleum ?>KP
            ko | 러시아는 북한으로부터 포탄을 제공받았다. | munitions KP>RU
            ko | 북한은 러시아의 기술 지원을 받아 정찰위성을 발사했다. | military-technology RU>KP
            ko | 러시아가 북한 포탄 수백만 발을 확보했다. | munitions KP>RU
            ko | 북한 포탄이 러시아군에 공급되고 있다. | munitions KP>RU
            ko | 북한은 러시아산 원유를 들여왔다. | petroleum RU>KP
            ko | 북한이 러시아에 KN-23 탄도미사일 수십 발을 보낸 것으로 확인됐다. | missiles KP>RU
            ko | 북한은 러시아에 자주포와 방사포를 넘겼다. | weapons KP>RU
            ko | 북한은 고급 승용차를 밀반입했다. | luxury-goods ?>KP
            ko | 중국 업체가 북한에 사치품을 밀수출했다. | luxury-goods CN>KP
            ko | 북한의 대러 포탄 수출이 이어지고 있다. | munitions KP>RU
            ko | 러시아의 대북 정제유 반출이 급증했다. | petroleum RU>KP
            ko | 북한으로 넘어간 정제유가 수십만 배럴에 이른다. | petroleum ?>KP
            ko | 러시아로 건너간 북한 포탄이 전선에서 쓰이고 있다. | munitions KP>RU
            ko | 러시아가 북한으로부터 사들인 미사일이 우크라이나를 공격했다. | missiles KP>RU
            ko | 북한이 러시아에서 들여온 석유가 50만 배럴을 넘었다. | petroleum RU>KP
            ko | 러시아 측은 북한에 석유를 계속 공급했다. | petroleum RU>KP
            ko | 북한이 러시아에 포탄을 제공한 것으로 보인다. | munitions KP>RU
            ko | 북한이 러시아에 포탄을 추가로 보낼 전망이다. | munitions KP>RU possible
            ko | 러시아는 북한에 위성 기술을 제공할 방침이다. | military-technology RU>KP possible
            ko | 러시아는 북한에 석유를 추가로 공급하기로 했다. | petroleum RU>KP possible
            ko | 러시아가 북한에 전투기를 인도할 예정이다. | weapons RU>KP possible
            ko | 북한 노동자 수천 명이 러시아에 입국했다. | workers KP>RU
            ko | 러시아에 파견된 북한 노동자들이 건설 현장에서 일한다. | workers KP>RU
            ko | 중국에 파견된 북한 노동자가 수만 명에 이른다. | workers KP>CN
            ko | 북한산 석탄을 실은 선박이 중국 항구에 입항했다. | coal KP>CN
            ko | 북한은 철광석을 중국에 밀수출했다. | minerals KP>CN
            ko | 북한산 수산물이 중국으로 밀반출됐다. | other-goods KP>CN
            ko | 우크라이나 당국은 러시아가 발사한 미사일이 북한제라고 밝혔다. | missiles KP>RU
            ko | 러시아군이 사용하는 포탄의 절반이 북한산이다. | munitions KP>RU
            ko | 중국 기업들이 러시아에 이중용도 물품을 수출했다. | military-technology CN>RU
            ko | 북한은 러시아에 무기를 팔아 외화를 챙겼다. | weapons KP>RU
            ko | 러시아가 북한에 고급 리무진을 선물했다. | luxury-goods RU>KP
            ko | 북한 선박들이 공해상에서 석유를 불법 환적했다. | petroleum ?>KP
            ko | 북한 선박들이 공해상에서 석탄을 불법 환적했다. | coal KP>?
            ko | 북한에 의해 러시아로 보내진 포탄이 수백만 발에 달한다. | munitions KP>RU
            ko | 러시아에 의해 북한에 이전된 기술이 미사일 개발에 쓰였다. | military-technology RU>KP
            ko | 북한은 러시아에 포탄과 미사일을 보냈다. | munitions KP>RU;missiles KP>RU
            ko | 러시아가 북한에 잠수함 기술을 넘겼다는 의혹이 제기됐다. | military-technology RU>KP
            ko | 북한은 러시아에 포탄을 보내지 않았다. | 
            ko | 북한제 드론이 러시아군에 인도됐다. | weapons KP>RU
            ko | 러시아가 북한에 전차를 보낸 것으로 알려졌다. | weapons RU>KP
            ko | 러시아 선박이 북한 나진항으로 석유를 실어 날랐다. | petroleum RU>KP
            ko | 북한은 석탄을 중국 닝보 항으로 실어 보냈다. | coal KP>CN
            ko | 북한 나진항을 떠난 화물선이 포탄을 싣고 러시아 두나이항에 도착했다. | munitions KP>RU
            ko | 러시아는 북한 노동자 수천 명을 건설 현장에 투입했다. | workers KP>RU
            ko | 국정원은 북한이 러시아에 포탄 1000만 발 이상을 보냈다고 밝혔다. | munitions KP>RU
            ko | 북한이 러시아에 탄도미사일을 추가로 수출할 수도 있다. | missiles KP>RU possible
            ko | 중국은 러시아에 드론 부품과 반도체를 공급했다. | military-technology CN>RU
            ko | 북한은 올해 정제유 상한선을 넘어선 양을 반입했다. | petroleum ?>KP
            ko | 북한이 수출한 석탄은 대부분 불법이었다. | coal KP>?
            ko | 중국이 몰래 수입한 북한 석탄이 수백만 톤에 이른다. | coal KP>CN
            ko | 러시아로 수출된 북한 무기가 전장에 투입됐다. | weapons KP>RU
            ko | 북한산 무기를 러시아가 사용하고 있다. | weapons KP>RU
            ko | 북한 노동자를 러시아 기업이 고용했다. | workers KP>RU
            ko | 석유를 북한에 공급한 러시아는 제재를 위반했다. | petroleum RU>KP
            ko | 러시아는 북한에서 포탄을 대량으로 사들이고 있다. | munitions KP>RU
            ko | 북한은 러시아에 미사일을 팔아 넘겼다. | missiles KP>RU
            ko | 국가정보원은 20일 북한이 러시아에 포탄 수백만 발과 탄도미사일을 제공한 것으로 파악했다고 밝혔다. | munitions KP>RU;missiles KP>RU
            ko | 정부 소식통에 따르면 러시아는 그 대가로 북한에 식량과 석유, 군사기술을 제공하고 있다. | petroleum RU>KP;military-technology RU>KP
            ko | 북한은 러시아에 포탄을 넘기고 그 대가로 석유를 받았다. | munitions KP>RU;petroleum RU>KP
            ko | 북한은 석탄을 몰래 수출하고 정유제품을 밀수입했다. | coal KP>?;petroleum ?>KP
            ko | 러시아는 북한으로부터 받은 포탄을 전선에 투입했다. | munitions KP>RU
            ko | 북한은 러시아에 포탄을 보내고 석유를 받았다. | munitions KP>RU;petroleum RU>KP
            ko | 북한은 러시아에 포탄을 제공하고 석유를 수입했다. | munitions KP>RU;petroleum RU>KP
            ko | 러시아는 포탄의 대가로 북한에 석유를 제공했다. | petroleum RU>KP;munitions KP>RU
            ko | 북한은 파병의 대가로 러시아로부터 군사기술을 이전받았다. | military-technology RU>KP;troops KP>RU
            ko | 러시아 등으로 파견된 북한 노동자가 늘었다. | workers KP>RU
            zh | 朝鲜向俄罗斯提供了炮弹。 | munitions KP>RU
            zh | 朝鲜给俄罗斯送去了大量弹药。 | munitions KP>RU
            zh | 朝鲜向俄罗斯出售了弹道导弹。 | missiles KP>RU
            zh | 朝鲜向俄罗斯出口武器。 | weapons KP>RU
            zh | 朝鲜向中国走私煤炭。 | coal KP>CN
            zh | 朝鲜把煤炭运到中国。 | coal KP>CN
            zh | 朝鲜将煤炭出口到中国。 | coal KP>CN
            zh | 俄罗斯向朝鲜供应石油。 | petroleum RU>KP
            zh | 俄罗斯把成品油运往朝鲜。 | petroleum RU>KP
            zh | 俄罗斯向朝鲜转让了卫星技术。 | military-technology RU>KP
            zh | 朝鲜向俄罗斯交付了无人机。 | weapons KP>RU
            zh | 朝鲜向俄罗斯派遣了数千名工人。 | workers KP>RU
            zh | 朝鲜向俄罗斯派兵约1万人，并提供了炮弹。 | troops KP>RU;munitions KP>RU
            zh | 俄罗斯向朝鲜提供资金。 | funds RU>KP
            zh | 朝鲜通过铁路向俄罗斯运送了炮弹。 | munitions KP>RU
            zh | 朝鲜卖给俄罗斯大量炮弹。 | munitions KP>RU
            zh | 俄罗斯卖给朝鲜石油。 | petroleum RU>KP
            zh | 俄罗斯从朝鲜获得了炮弹。 | munitions KP>RU
            zh | 俄罗斯从朝鲜购买了弹道导弹。 | missiles KP>RU
            zh | 朝鲜从俄罗斯进口石油。 | petroleum RU>KP
            zh | 朝鲜通过非法转运获得了燃料。 | petroleum ?>KP
            zh | 中国进口了朝鲜煤炭。 | coal KP>CN
            zh | 俄罗斯收到了朝鲜提供的炮弹。 | munitions KP>RU
            zh | 朝鲜从俄罗斯获取了导弹技术。 | military-technology RU>KP
            zh | 俄军使用了朝鲜制造的导弹。 | missiles KP>RU
            zh | 俄军向哈尔科夫发射了朝鲜的KN-23导弹。 | missiles KP>RU
            zh | 俄罗斯军队使用朝鲜炮弹。 | munitions KP>RU
            zh | 俄军发射了朝鲜产导弹。 | missiles KP>RU
            zh | 朝鲜炮弹被运往俄罗斯。 | munitions KP>RU
            zh | 朝鲜煤炭被走私到中国。 | coal KP>CN
            zh | 俄罗斯石油被运到朝鲜。 | petroleum RU>KP
            zh | 朝鲜导弹已被交付给俄罗斯。 | missiles KP>RU
            zh | 大批炮弹从朝鲜运往俄罗斯。 | munitions KP>RU
            zh | 朝鲜产煤炭出口到中国。 | coal KP>CN
            zh | 炮弹被朝鲜运往俄罗斯。 | munitions KP>RU
            zh | 石油被俄罗斯走私到朝鲜。 | petroleum RU>KP
            zh | 从朝鲜运往俄罗斯的炮弹数量巨大。 | munitions KP>RU
            zh | 一艘货船将朝鲜煤炭运往中国。 | coal KP>CN
            zh | 油轮在公海向朝鲜船只转运石油。 | petroleum ?>KP
            zh | 俄罗斯油轮向朝鲜运送石油。 | petroleum RU>KP
            zh | 中国企业向俄罗斯出售无人机零部件。 | military-technology CN>RU
            zh | 一家中国公司向朝鲜走私成品油。 | petroleum CN>KP
            zh | 朝鲜对俄罗斯的武器出口增加。 | weapons KP>RU
            zh | 朝鲜煤炭对华出口持续。 | coal KP>CN
            zh | 俄罗斯对朝石油供应违反决议。 | petroleum RU>KP
            zh | 朝鲜向俄罗斯输送炮弹一事已被证实。 | munitions KP>RU
            zh | 朝鲜向俄罗斯派遣劳工的情况增多。 | workers KP>RU
            zh | 朝鲜可能向俄罗斯提供导弹。 | missiles KP>RU possible
            zh | 外界担心俄罗斯会向朝鲜转让核技术。 | military-technology RU>KP possible
            zh | 朝鲜计划向俄罗斯运送更多炮弹。 | munitions KP>RU possible
            zh | 据报道，朝鲜已向俄罗斯运送了炮弹。 | munitions KP>RU
            zh | 如果俄罗斯向朝鲜供应石油，将违反决议。 | petroleum RU>KP possible
            zh | 联合国安理会禁止朝鲜出口煤炭。 | 
            zh | 调查显示，俄罗斯没有向朝鲜提供石油。 | 
            zh | 朝鲜黑客窃取了15亿美元加密货币。 | funds ?>KP
            zh | 俄军使用了朝鲜提供的导弹。 | missiles KP>RU
            zh | 朝鲜把大批炮弹运往俄罗斯。 | munitions KP>RU
            zh | 俄罗斯将向朝鲜提供防空系统。 | weapons RU>KP possible
            zh | 朝鲜被指向俄罗斯提供了弹药。 | munitions KP>RU
            zh | 朝鲜工人被派往俄罗斯建筑工地。 | workers KP>RU
            zh | 俄罗斯从朝鲜输入了大量劳工。 | workers KP>RU
            zh | 朝鲜向中国出口了价值数百万美元的煤炭。 | coal KP>CN
            zh | 朝鲜通过出口煤炭赚取外汇。 | coal KP>?
            zh | 朝鲜油轮在东海与外国油轮进行船对船转运，获取成品油。 | petroleum ?>KP
            zh | 俄罗斯向朝鲜交付了米格-29战斗机。 | weapons RU>KP
            zh | 俄罗斯可能会向朝鲜转让潜艇技术。 | military-technology RU>KP possible
            zh | 据称，俄方向朝鲜提供了卫星技术。 | military-technology RU>KP
            zh | 朝鲜已经向俄罗斯交付了约100枚弹道导弹。 | missiles KP>RU
            zh | 朝方向俄方输送了大量炮弹。 | munitions KP>RU
            zh | 俄罗斯买走了朝鲜的炮弹。 | munitions KP>RU
            zh | 朝鲜从俄罗斯那里得到了防空系统。 | weapons RU>KP
            zh | 朝鲜获得了俄罗斯的导弹技术。 | military-technology RU>KP
            zh | 朝鲜劳工在俄罗斯工作。 | workers KP>RU
            zh | 俄军被曝使用朝鲜提供的火箭弹。 | munitions KP>RU
            zh | 朝鲜的煤炭经由第三国流入中国。 | coal KP>CN
            zh | 俄罗斯对朝鲜的石油出口持续增加。 | petroleum RU>KP
            zh | 朝鲜违反决议向俄罗斯派遣约1.1万名士兵。 | troops KP>RU
            zh | 联合国禁止向朝鲜出口石油。 | 
            zh | 中国商人向朝鲜走私豪华汽车。 | luxury-goods CN>KP
            zh | 朝鲜通过网络攻击窃取了大量加密货币。 | funds ?>KP
            zh | 朝鲜生产的炮弹被大量运到俄罗斯前线。 | munitions KP>RU
            zh | 俄军使用的导弹来自朝鲜。 | missiles KP>RU
            zh | 原产于朝鲜的煤炭被运往中国。 | coal KP>CN
            zh | 朝鲜对俄的炮弹供应仍在继续。 | munitions KP>RU
            zh | 俄罗斯对朝鲜的技术援助引发关注。 | military-technology RU>KP
            zh | 据信朝鲜已向俄罗斯运送了数百万发炮弹。 | munitions KP>RU
            zh | 朝鲜恐将向俄罗斯提供更多弹药。 | munitions KP>RU possible
            zh | 俄罗斯或许会向朝鲜出售石油。 | petroleum RU>KP possible
            zh | 在中国工作的朝鲜劳工多达数万人。 | workers KP>CN
            zh | 朝鲜向中国输出劳务人员。 | workers KP>CN
            zh | 大批朝鲜劳工进入俄罗斯。 | workers KP>RU
            zh | 俄罗斯把防空系统交给了朝鲜。 | weapons RU>KP
            zh | 朝鲜将大批弹药运到俄罗斯。 | munitions KP>RU
            zh | 朝鲜煤炭被运抵中国港口。 | coal KP>CN
            zh | 朝鲜船只在公海上接收了成品油。 | petroleum ?>KP
            zh | 朝鲜得到了俄罗斯的卫星技术支持。 | military-technology RU>KP
            zh | 俄军使用的炮弹有一半来自朝鲜。 | munitions KP>RU
            zh | 中国向俄罗斯出口了大量两用物资。 | military-technology CN>RU
            zh | 中国制造的芯片出现在俄罗斯导弹中。 | military-technology CN>RU
            zh | 普京向金正恩赠送了一辆豪华轿车。 | luxury-goods RU>KP
            zh | 朝鲜海产品被走私到中国。 | other-goods KP>CN
            zh | 朝鲜向中国出口铁矿石违反了制裁。 | minerals KP>CN
            zh | 俄罗斯油轮把石油运到朝鲜罗津港。 | petroleum RU>KP
            zh | 朝鲜向俄罗斯移交了自行火炮。 | weapons KP>RU
            zh | 由朝鲜提供的炮弹已运抵俄罗斯。 | munitions KP>RU
            zh | 俄罗斯向朝鲜提供的潜艇技术引发担忧。 | military-technology RU>KP
            zh | 炮弹从朝鲜被运到了俄罗斯。 | munitions KP>RU
            zh | 朝鲜向俄罗斯提供了炮弹和导弹。 | munitions KP>RU;missiles KP>RU
            zh | 朝鲜把炮弹卖给了俄罗斯。 | munitions KP>RU
            zh | 朝鲜并未向俄罗斯提供炮弹。 | 
            zh | 朝鲜制造的无人机已交付俄军。 | weapons KP>RU
            zh | 据报道，俄罗斯向朝鲜运送了坦克。 | weapons RU>KP
            zh | 俄罗斯船只把石油运往朝鲜罗津港。 | petroleum RU>KP
            zh | 朝鲜将煤炭运至中国宁波港。 | coal KP>CN
            zh | 一艘货船从朝鲜罗津港装载炮弹后驶往俄罗斯。 | munitions KP>RU
            zh | 俄罗斯雇用了数千名朝鲜工人。 | workers KP>RU
            zh | 韩国国家情报院称，朝鲜已向俄罗斯运送了超过1000万发炮弹。 | munitions KP>RU
            zh | 朝鲜还可能向俄罗斯出口弹道导弹。 | missiles KP>RU possible
            zh | 中国向俄罗斯供应无人机零部件和芯片。 | military-technology CN>RU
            zh | 朝鲜今年进口的成品油超过了上限。 | petroleum ?>KP
            zh | 俄方从朝方获得了大量炮弹。 | munitions KP>RU
            zh | 朝鲜接收了俄罗斯运来的石油。 | petroleum RU>KP
            zh | 朝鲜方面向俄方提供了炮弹。 | munitions KP>RU
            zh | 俄罗斯正从朝鲜进口弹药。 | munitions KP>RU
            zh | 朝鲜出口到俄罗斯的炮弹数量惊人。 | munitions KP>RU
            zh | 运往朝鲜的石油超过了上限。 | petroleum ?>KP
            zh | 来自俄罗斯的石油流入朝鲜。 | petroleum RU>KP
            zh | 中国出口至俄罗斯的芯片被用于制造导弹。 | military-technology CN>RU
            zh | 被俄军使用的朝鲜导弹落在了哈尔科夫。 | missiles KP>RU
            zh | 俄罗斯企业雇佣朝鲜劳工违反了安理会决议。 | workers KP>RU
            zh | 中国公司从朝鲜走私进口煤炭。 | coal KP>CN
            zh | 朝鲜卖给俄罗斯的武器包括火箭炮。 | weapons KP>RU
            zh | 韩国国家情报院表示，朝鲜自去年8月以来已向俄罗斯运送了约1万个集装箱的炮弹。 | munitions KP>RU
            zh | 作为回报，俄罗斯向朝鲜提供了粮食、石油和军事技术。 | petroleum RU>KP;military-technology RU>KP
            zh | 朝鲜一边走私出口煤炭，一边非法进口成品油。 | coal KP>?;petroleum ?>KP
            zh | 俄罗斯把从朝鲜得到的炮弹投入前线。 | munitions KP>RU
            zh | 俄罗斯向朝鲜转让导弹技术引起担忧。 | military-technology RU>KP
            zh | 俄罗斯向朝鲜提供石油，以换取炮弹。 | petroleum RU>KP;munitions KP>RU
            zh | 北韓向俄羅斯提供了砲彈。 | munitions KP>RU
            zh | 北韓向俄羅斯運送了大量彈藥。 | munitions KP>RU
            zh | 俄軍使用了北韓製造的飛彈。 | missiles KP>RU
            zh | 北韓向俄羅斯出售彈道飛彈。 | missiles KP>RU
            zh | 俄羅斯向北韓運送石油。 | petroleum RU>KP
            zh | 俄羅斯向北韓供應精煉石油產品。 | petroleum RU>KP
            zh | 北韓向中國走私煤炭。 | coal KP>CN
            zh | 北韓煤炭被運往中國。 | coal KP>CN
            zh | 北韓從俄羅斯獲得衛星技術。 | military-technology RU>KP
            zh | 俄羅斯向北韓轉讓軍事技術。 | military-technology RU>KP
            zh | 北韓向俄羅斯交付了無人機。 | weapons KP>RU
            zh | 北韓向俄羅斯派遣了數千名勞工。 | workers KP>RU
            zh | 北韓向俄羅斯派兵並提供砲彈。 | troops KP>RU;munitions KP>RU
            zh | 俄羅斯把防空系統交給北韓。 | weapons RU>KP
            zh | 俄羅斯從北韓購買了砲彈。 | munitions KP>RU
            zh | 北韓透過海上非法轉運取得燃油。 | petroleum ?>KP
            zh | 北韓可能向俄羅斯提供飛彈。 | missiles KP>RU possible
            zh | 外界擔心俄羅斯會向北韓轉移核技術。 | military-technology RU>KP possible
            zh | 普丁向金正恩贈送了一輛豪華轎車。 | luxury-goods RU>KP
            zh | 北韓對俄羅斯的武器出口增加。 | weapons KP>RU
            zh | 在中國工作的北韓勞工多達數萬人。 | workers KP>CN
            zh | 北韓將煤炭出口到中國。 | coal KP>CN
            zh | 北韓砲彈被運往俄羅斯前線。 | munitions KP>RU
            """)
    void grammarGridKoreanAndChinese(String language, String sentence, String expected) {
        List<String> keys = events(sentence).stream()
                .map(e -> key(e) + (ViolationEvent.POSSIBLE.equals(e.status()) ? " possible" : "")).toList();
        if (expected == null) {
            assertThat(keys).isEmpty();
        } else {
            assertThat(keys).containsExactlyInAnyOrder(expected.split(";"));
        }
    }

    /**
     * Goods or workers that went two ways keep each route's places: a place that lies in the state of another
     * event's party (the lexicon's place-states) is that event's place, whatever sentence names it, and the places of
     * a sentence that states a route of its own are that route's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chips reached Russia through traders in China and the Emirates, in breach of export bans. Brokers in Shenzhen and Dubai forwarded the chips by air. | military-technology CN>RU | Shenzhen
            Chips reached Russia through traders in China and the Emirates, in breach of export bans. Brokers in Shenzhen and Dubai forwarded the chips by air. | military-technology AE>RU | Dubai
            North Korea sent workers to Russia and to China in breach of UN resolutions. The workers were found on building sites in Khabarovsk and at fish plants in Dandong. | workers KP>CN | Dandong
            North Korea sent workers to Russia and to China in breach of UN resolutions. The workers were found on building sites in Khabarovsk and at fish plants in Dandong. | workers KP>RU | Khabarovsk
            КНДР в нарушение санкций отправила рабочих в Россию и в Китай. Рабочих видели на стройках Владивостока и на заводах Даньдуна. | workers KP>CN | Даньдуна
            КНДР в нарушение санкций отправила рабочих в Россию и в Китай. Рабочих видели на стройках Владивостока и на заводах Даньдуна. | workers KP>RU | Владивостока
            朝鲜违反安理会决议向俄罗斯派遣工人，也向中国派遣工人。这些朝鲜工人在海参崴的工地和丹东的工厂工作。 | workers KP>CN | 丹东
            朝鲜违反安理会决议向俄罗斯派遣工人，也向中国派遣工人。这些朝鲜工人在海参崴的工地和丹东的工厂工作。 | workers KP>RU | 海参崴
            # the places of a sentence that states its own route are that route's, not another's of the same goods
            Russia supplied oil to North Korea in breach of the UN cap. Chinese tankers also smuggled fuel to North Korean ships in the Yellow Sea. | petroleum RU>KP |
            Russia supplied oil to North Korea in breach of the UN cap. Chinese tankers also smuggled fuel to North Korean ships in the Yellow Sea. | petroleum CN>KP | Yellow Sea
            러시아가 제재를 어기고 북한에 정유제품을 넘겼다. 중국 선박들도 서해 공해상에서 북한 선박에 정유제품을 불법으로 옮겨 실었다. | petroleum RU>KP |
            Россия в нарушение санкций поставила КНДР нефть. Китайские танкеры также незаконно перекачивали нефть северокорейским судам в Желтом море. | petroleum RU>KP |
            Россия в нарушение санкций поставила КНДР нефть. Китайские танкеры также незаконно перекачивали нефть северокорейским судам в Желтом море. | petroleum CN>KP | Желтом море
            # in a sentence of several clauses, each goods keep the places of their own clause
            In breach of UN resolutions, North Korea shipped 100 missiles to Russia through Rajin, and also sent 11,000 troops to Kursk. | missiles KP>RU | Rajin
            In breach of UN resolutions, North Korea shipped 100 missiles to Russia through Rajin, and also sent 11,000 troops to Kursk. | troops KP>RU | Kursk
            КНДР в нарушение санкций передала России ракеты через Раджин, а также направила в Курскую область 11 тысяч военных. | missiles KP>RU | Раджин
            朝鲜违反安理会决议经罗津港向俄罗斯运送导弹，并向库尔斯克派遣了一万名士兵。 | missiles KP>RU | 罗津港
            朝鲜违反安理会决议经罗津港向俄罗斯运送导弹，并向库尔斯克派遣了一万名士兵。 | troops KP>RU | 库尔斯克
            # a transit place in a state no event names stays with every event
            Luxury cars went from the Netherlands and from Russia to North Korea in breach of sanctions. The luxury cars passed through Dalian. | luxury-goods RU>KP | Dalian
            """)
    void eachRouteKeepsThePlacesOfItsOwnStates(String text, String key, String places) {
        ViolationEvent e = events(text).stream().filter(x -> key(x).equals(key)).findFirst().orElseThrow();
        assertThat(e.places()).isEqualTo(places == null ? List.of() : List.of(places.split(";")));
    }

    /** The price of a barter or a purchase goes the other way from the goods bought. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Officials say the Kremlin pays for the North Korean shells with fuel and hard currency. | munitions KP>RU;petroleum RU>KP;funds RU>KP
            In exchange for the shells, Russia has supplied North Korea with oil, officials said.  | petroleum RU>KP;munitions KP>RU
            Moscow is paying for North Korean troops partly with food and cash, Seoul says.        | troops KP>RU;funds RU>KP
            The Kremlin may offer North Korea help with its satellite programme in return for munitions. | munitions KP>RU
            В обмен на снаряды Россия поставляет КНДР нефть.                                       | petroleum RU>KP;munitions KP>RU
            Взамін на ракети Москва передала Пхеньяну нафту.                                       | petroleum RU>KP;missiles KP>RU
            포탄 공급의 대가로 러시아는 북한에 석유를 제공했다.                                      | petroleum RU>KP;munitions KP>RU
            북한은 러시아에 포탄을 넘기는 대가로 러시아로부터 정유제품을 받는다.                     | petroleum RU>KP;munitions KP>RU
            朝鲜向俄罗斯提供炮弹，换取石油和粮食。                                                  | munitions KP>RU;petroleum RU>KP
            # goods with a verb and states of their own before 대가로 are read in their clause
            정부 관계자는 "북한이 러시아에 병력과 포탄을 제공한 대가로 받는 보상"이라고 말했다.        | troops KP>RU;munitions KP>RU
            """)
    void aPriceGoesTheOtherWay(String sentence, String expected) {
        assertThat(events(sentence)).extracting(EventExtractorTest::key)
                .containsExactlyInAnyOrder(expected.split(";"));
    }

    @Test
    void aBrokenLexiconIsRefusedNamingTheSpot() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.newswatch.tagger.events.internal.Lexicon.parse(
                        "version: 1\ncommodities:\n  gold: {en: [gold]}\n", "bad.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad.yaml:3:")
                .hasMessageContaining("unknown commodity 'gold'");
    }

    @Test
    void theFactsOfLaterSentencesJoinTheEventTheyReferTo() {
        List<ViolationEvent> events = events("North Korea has delivered more than 1,000 containers of ammunition to "
                + "Russia, the White House said. The containers were loaded at Najin. The vessel Angara, IMO 9179842, "
                + "then sailed to Dunay in breach of Resolution 2397.");
        assertThat(events).hasSize(1);
        ViolationEvent e = events.get(0);
        assertThat(e.places()).containsExactly("Najin", "Dunay");
        assertThat(e.vessels()).containsExactly("Angara");
        assertThat(e.imo()).containsExactly("9179842");
        assertThat(e.resolutions()).containsExactly("2397");
        assertThat(e.attribution()).isEqualTo("the White House");
        assertThat(e.evidence().text()).startsWith("North Korea has delivered");
        assertThat(e.summary()).isEqualTo("KP → RU · munitions · 1,000 containers · Najin → Dunay · Angara · "
                + "UNSCR 2397 · asserted (the White House)");
    }

    /**
     * An event's evidence is the first sentence that states it, not a question that asks about it, whether the
     * statement names the goods anew or refers back to them; a question after the statement changes nothing. Text,
     * then how the evidence starts.
     */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            How did North Korean shells reach Russia? Officials said North Korea shipped shells to Russia by rail, in breach of UN sanctions. | Officials said North Korea
            How did North Korean shells reach Russia? Officials said Russia received the shells by rail, in breach of UN sanctions.         | Officials said Russia
            North Korea shipped shells to Russia, in breach of UN sanctions. Why did Russia need North Korean shells?                       | North Korea shipped
            """)
    void aStatementIsTheEvidenceRatherThanAQuestion(String text, String evidence) {
        List<ViolationEvent> events = events(text);
        assertThat(events).extracting(ViolationEvent::commodity).containsExactly("munitions");
        assertThat(events.get(0).evidence().text()).startsWith(evidence);
    }

    @Test
    void aReferenceBackJoinsTheGoodsNamedLast() {
        List<ViolationEvent> events = events("Russia has supplied North Korea with oil, officials said. North Korea "
                + "is sending Russia artillery shells. In return it is getting more oil. The tankers then sailed "
                + "to Chongjin.");
        assertThat(events).extracting(EventExtractorTest::key).containsExactly("petroleum RU>KP", "munitions KP>RU");
        assertThat(events.get(0).places()).containsExactly("Chongjin");
        assertThat(events.get(1).places()).isEmpty();
    }

    /** A headline line that states the transfer still names its places for the rest of its story, not the goods'. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Live: Iran has delivered missiles to Russia; drones hit Odesa overnight\\n\\nIran has delivered ballistic missiles to Russia, officials said.
            Онлайн: КНДР передала России ракеты, удары по Харькову продолжаются\\n\\nКНДР передала России баллистические ракеты, заявили в разведке.
            实时：朝鲜向俄罗斯运送炮弹 基辅夜间遭袭\\n\\n朝鲜违反安理会决议向俄罗斯运送了炮弹。
            North Korea has shipped coal to China in breach of sanctions, officials said.\\n\\nRelated: Coal from Nampo unloaded at Longkou\\n\\nThe coal was sold to Chinese buyers, the report said.
            КНДР в обход санкций продала Китаю уголь, сообщили эксперты.\\n\\nЧитайте также: уголь и контейнеры у причалов Находки\\n\\nУголь продали китайским покупателям, говорится в докладе.
            """)
    void aHeadlineGivesTheGoodsNoPlace(String text) {
        List<ViolationEvent> events = events(text.replace("\\n", "\n"));
        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(e -> assertThat(e.places()).isEmpty());
    }

    @Test
    void aHeadlineInAListGivesTheGoodsNoPlace() {
        List<ViolationEvent> events = events("North Korea has sent attack drones to Russia, officials said.\n\n"
                + "Related\n\nDrones over Kyiv overnight, air defence active\n\nDrones were loaded at Rajin, a report says.");
        assertThat(events).extracting(EventExtractorTest::key).contains("weapons KP>RU");
        assertThat(events.stream().filter(e -> key(e).equals("weapons KP>RU")).findFirst().orElseThrow().places())
                .containsExactly("Rajin");
    }

    /** A bare pronoun is no attribution: it names the speaker named before, or nobody. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            North Korea shipped artillery shells to Russia, he said.                              |
            North Korea shipped artillery shells to Russia, analyst Kim Min-su said. It also sent ballistic missiles to Russia, she said. | analyst Kim Min-su
            Spokesman John Kirby said North Korea had shipped shells to Russia. He added that ballistic missiles had also been delivered. | Spokesman John Kirby
            """)
    void aPronounIsNoAttribution(String text, String attribution) {
        List<ViolationEvent> events = events(text);
        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1).attribution()).isEqualTo(attribution);
    }

    @Test
    void hostileTextIsBoundedInEventsAndStrings() {
        StringBuilder text = new StringBuilder();
        List<String> goods = List.of("shells", "missiles", "drones", "oil", "coal", "workers", "soldiers", "chips");
        for (int i = 0; i < 2_000; i++) {
            text.append("North Korea shipped ").append(goods.get(i % goods.size())).append(" to Russia via the port of ")
                    .append("P").append(i).append(". ");
        }
        text.append("Russia supplied North Korea with oil through the vessel ").append("X".repeat(10_000)).append('.');
        List<ViolationEvent> events = events(text.toString());
        assertThat(events).hasSizeLessThanOrEqualTo(EventExtractor.MAX_EVENTS);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.places()).hasSizeLessThanOrEqualTo(16);
            assertThat(e.vessels()).allSatisfy(v -> assertThat(v.length()).isLessThanOrEqualTo(120));
        });
    }

    /**
     * A grid of how a reporter states a transfer in English, Russian and Ukrainian, crossing who is the subject (the
     * supplier, the receiver, the goods in the passive or a reflexive passive, a ship, a company, or nobody in a
     * nominal), how the other party is marked (a preposition, a case, an origin adjective), the verb and its tense
     * or hedge, and the commodity. Each row names every event the sentence holds (commodity, from, to, status),
     * or none: exactly those, no more; and, where given, the places the events hold, as written.
     */
    private static void assertGridRow(String sentence, String expected, String places) {
        List<ViolationEvent> events = events(sentence);
        List<String> want = expected.equals("none") ? List.of() : List.of(expected.split(";\\s*"));
        assertThat(events).extracting(e -> key(e) + " " + e.status()).containsExactlyInAnyOrderElementsOf(want);
        if (places != null) {
            assertThat(events.stream().flatMap(e -> e.places().stream()).distinct())
                    .containsExactlyInAnyOrder(places.split(",\\s*"));
        }
    }

    /** The grammar grid ({@link #assertGridRow}), English rows. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # supplier subject, two parties
            en | North Korea sent artillery shells to Russia. | munitions KP>RU asserted |
            en | North Korea has sold ballistic missiles to Russia. | missiles KP>RU asserted |
            en | Pyongyang supplied Moscow with anti-tank weapons. | weapons KP>RU asserted |
            en | Russia gave North Korea satellite technology. | military-technology RU>KP asserted |
            en | Russia shipped refined petroleum to North Korea. | petroleum RU>KP asserted |
            en | North Korea exported coal to China. | coal KP>CN asserted |
            en | North Korea sent thousands of workers to Russia. | workers KP>RU asserted |
            en | North Korea has deployed troops to Russia, in breach of UN resolutions. | troops KP>RU asserted |
            en | North Korea smuggled coal to Vietnam. | coal KP>VN asserted |
            en | Russia delivered oil to North Korea. | petroleum RU>KP asserted |
            en | China has supplied Russia with machine tools. | military-technology CN>RU asserted |
            # receiver subject
            en | Russia received artillery shells from North Korea. | munitions KP>RU asserted |
            en | Russia bought ballistic missiles from North Korea. | missiles KP>RU asserted |
            en | North Korea imported refined oil from Russia. | petroleum RU>KP asserted |
            en | North Korea obtained missile technology from Russia. | military-technology RU>KP asserted |
            en | China imported North Korean coal. | coal KP>CN asserted |
            en | Russia acquired North Korean rockets. | munitions KP>RU asserted |
            en | Moscow has purchased drones from Iran. | weapons IR>RU asserted |
            en | Russia is buying artillery shells from North Korea. | munitions KP>RU asserted |
            # one party
            en | North Korea received fuel. | petroleum ?>KP asserted |
            en | North Korea obtained refined petroleum through illicit ship-to-ship transfers. | petroleum ?>KP asserted |
            en | Russia received North Korean shells. | munitions KP>RU asserted |
            en | North Korea exported coal. | coal KP>? asserted |
            # passive
            en | Artillery shells were sent from North Korea to Russia. | munitions KP>RU asserted |
            en | Missiles were supplied to Russia by North Korea. | missiles KP>RU asserted |
            en | Coal was smuggled from North Korea to China. | coal KP>CN asserted |
            en | Refined petroleum was delivered to North Korea by Russian tankers. | petroleum RU>KP asserted |
            en | North Korean shells were fired at Ukrainian positions by Russian troops. | munitions KP>RU asserted |
            en | North Korean workers were sent to Russia. | workers KP>RU asserted |
            # ship, company
            en | A Russian tanker delivered diesel to North Korea. | petroleum RU>KP asserted |
            en | The vessel carried North Korean coal to China. | coal KP>CN asserted |
            en | A North Korean ship transported containers of ammunition to Russia. | munitions KP>RU asserted |
            en | A Chinese company sold microchips to Russia. | military-technology CN>RU asserted |
            en | A Turkish firm shipped drone components to Russia. | military-technology TR>RU asserted |
            # nominal
            en | Deliveries of North Korean shells to Russia continued. | munitions KP>RU asserted |
            en | North Korea's exports of coal to China rose. | coal KP>CN asserted |
            en | Russian oil shipments to North Korea exceeded the cap. | petroleum RU>KP asserted |
            en | The transfer of missiles from North Korea to Russia violates UN resolutions. | missiles KP>RU asserted |
            en | North Korea's coal exports violate UN sanctions. | coal KP>? asserted |
            en | Shipments of arms from Iran to Russia continued. | weapons IR>RU asserted |
            # use, pay
            en | Russian troops fired North Korean missiles at Kyiv. | missiles KP>RU asserted |
            en | Russia used Iranian drones to attack Odesa. | weapons IR>RU asserted |
            en | North Korea earned millions of dollars from arms sales to Russia. | weapons KP>RU asserted |
            en | North Korea received oil from Russia in exchange for shells. | petroleum RU>KP asserted; munitions KP>RU asserted |
            # hedges
            en | North Korea may send more troops to Russia, in breach of UN resolutions. | troops KP>RU possible |
            en | Russia could supply North Korea with missile technology. | military-technology RU>KP possible |
            en | Officials fear Pyongyang will ship more shells to Moscow. | munitions KP>RU possible |
            en | Russia plans to deliver fighter jets to North Korea. | weapons RU>KP possible |
            en | North Korea is reportedly supplying artillery shells to Russia. | munitions KP>RU asserted |
            en | If North Korea sends missiles to Russia, it will breach UN resolutions. | missiles KP>RU possible |
            # not events
            en | The UN Security Council imposed new sanctions on North Korea's coal exports. | none |
            en | North Korea did not send any missiles to Russia, the ministry said. | none |
            # troops, workers
            en | Thousands of North Korean soldiers were deployed to Russia's Kursk region, in breach of UN resolutions. | troops KP>RU asserted |
            en | Russia hired North Korean labourers for construction sites. | workers KP>RU asserted |
            en | North Korean troops are fighting alongside Russian forces, in breach of UN resolutions. | troops KP>RU asserted |
            en | North Korea is Russia's main supplier of artillery shells. | munitions KP>RU asserted |
            en | The shells North Korea sent to Russia were defective. | munitions KP>RU asserted |
            en | Ukrainian intelligence said the missiles Russia fired came from North Korea. | missiles KP>RU asserted |
            en | Russian tankers carried oil to Nampo. | petroleum RU>KP asserted |
            en | North Korean coal arrived at Chinese ports. | coal KP>CN asserted |
            en | India bought record amounts of Russian crude. | none |
            en | Pyongyang allegedly shipped rockets to Moscow. | munitions KP>RU asserted |
            en | Some 12,000 North Korean soldiers have been sent to fight for Russia, in violation of UN resolutions. | troops KP>RU asserted |
            en | North Korean labourers continue to work in Russia despite the UN ban. | workers KP>RU asserted |
            en | Tehran has sent Moscow hundreds of Shahed drones. | weapons IR>RU asserted |
            en | Belarus supplied Russia with ammunition. | munitions BY>RU asserted |
            en | A Hong Kong firm exported chips to Russia. | military-technology CN>RU asserted |
            en | Kazakh companies re-exported Western microelectronics to Russia. | military-technology KZ>RU asserted |
            en | The tanker transferred fuel to a North Korean vessel at sea. | petroleum ?>KP asserted |
            en | North Korean vessels delivered coal to Chinese ports in breach of resolution 2371. | coal KP>CN asserted |
            en | Ammunition from North Korea has reached Russian units at the front. | munitions KP>RU asserted |
            en | North Korea hands over shells to Russia in return for oil. | munitions KP>RU asserted; petroleum RU>KP asserted |
            en | Russia is getting shells from North Korea. | munitions KP>RU asserted |
            en | Russia got ballistic missiles from Pyongyang. | missiles KP>RU asserted |
            en | North Korea provides Russia with artillery shells. | munitions KP>RU asserted |
            en | Russia has been supplying North Korea with oil in breach of the cap. | petroleum RU>KP asserted |
            en | North Korean shells were sent to Russia by rail. | munitions KP>RU asserted |
            # a transfer noun and its possessor (genitive, instrumental, possessive)
            en | North Korea's transfer of missiles to Russia violates UN resolutions. | missiles KP>RU asserted |
            en | Iran's deliveries of drones to Russia continued. | weapons IR>RU asserted |
            # the possessor of a supplier is its client
            en | Iran has become Russia's biggest supplier of drones. | weapons IR>RU asserted |
            en | China remains Russia's key supplier of machine tools. | military-technology CN>RU asserted |
            en | North Korea has become Moscow's main arms supplier. | weapons KP>RU asserted |
            # via
            en | Chips reach Russia via Kyrgyzstan. | military-technology KG>RU asserted |
            # places: ports of loading and unloading
            en | North Korea shipped containers of shells from Rajin to the Russian port of Dunay. | munitions KP>RU asserted | Rajin, Dunay
            en | Russian tankers delivered fuel to Nampo in breach of the cap. | petroleum RU>KP asserted | Nampo
            en | The coal was loaded at Nampo and unloaded in Dalian. | none |
            # status: hedges and hearsay
            en | North Korea is suspected of supplying rockets to Russia. | munitions KP>RU asserted |
            en | North Korea is expected to send more shells to Russia. | munitions KP>RU possible |
            en | Russia is preparing to hand over air defence systems to North Korea. | weapons RU>KP possible |
            en | Russia has agreed to supply North Korea with fighter jets. | weapons RU>KP possible |
            en | North Korea is believed to have shipped millions of shells to Russia. | munitions KP>RU asserted |
            # commodity words
            en | North Korea supplied Russia with Grad rockets and mortar rounds. | munitions KP>RU asserted |
            en | Russia sold North Korea fuel oil and kerosene. | petroleum RU>KP asserted |
            en | North Korea exported zinc and molybdenum to China. | minerals KP>CN asserted |
            en | Chinese firms sell semiconductors to Russia. | military-technology CN>RU asserted |
            en | Russia handed North Korea cash. | funds RU>KP asserted |
            en | Russia delivered luxury cars to North Korea. | luxury-goods RU>KP asserted |
            # a second sentence adds the route
            en | North Korea has sent artillery shells to Russia. The shipments left from Rajin and were unloaded at Dunay. | munitions KP>RU asserted | Rajin, Dunay
            # participles and relative clauses
            en | Missiles supplied by North Korea to Russia were used against Ukraine. | missiles KP>RU asserted |
            en | The shells, which Russia received from North Korea, were of poor quality. | munitions KP>RU asserted |
            # two clauses, goods going both ways
            en | North Korea sent shells to Russia and received oil in return. | munitions KP>RU asserted; petroleum RU>KP asserted |
            # who says so
            en | According to Seoul, North Korea has sent 20,000 containers of munitions to Russia. | munitions KP>RU asserted |
            # said not to have happened
            en | There is no evidence that North Korea shipped missiles to Russia. | none |
            # the sanctions themselves
            en | UN resolutions ban North Korea from exporting coal. | none |
            en | The EU banned exports of machine tools to Russia. | none |
            # a flagged ship, a receiving ship
            en | The Panama-flagged tanker delivered diesel to a North Korean vessel. | petroleum ?>KP asserted |
            # workers hosted
            en | About 15,000 North Korean workers are employed in Russia. | workers KP>RU asserted |
            en | Russia has taken in thousands of workers from North Korea. | workers KP>RU asserted |
            # the ban, and defying it
            en | North Korea kept exporting coal to China, defying the UN ban. | coal KP>CN asserted |
            en | The resolutions forbid any state to supply North Korea with more than 500,000 barrels of refined petroleum. | none |
            # money the receiver gets from a state
            en | North Korea received money from Russia. | funds RU>KP asserted |
            # a supplier of a client
            en | North Korea has become one of the Kremlin's most important arms suppliers. | weapons KP>RU asserted |
            # a source of money is no transfer
            en | Coal remains one of Pyongyang's main sources of hard currency. | none |
            # goods going back in a second clause
            en | Russia received shells from North Korea and sent oil in return. | munitions KP>RU asserted; petroleum RU>KP asserted |
            # re-export through a third state
            en | Chips shipped to Kazakhstan were then re-exported to Russia. | military-technology KZ>RU asserted |
            # speakers' states are no parties
            en | South Korea's spy agency said North Korea had sent 3,000 more troops to Russia in violation of UN resolutions. | troops KP>RU asserted |
            en | Japanese officials said Russia had delivered oil to North Korea. | petroleum RU>KP asserted |
            # sides and leaders
            en | Putin gave Kim Jong Un an Aurus limousine. | luxury-goods RU>KP asserted |
            # know-how and training
            en | Pyongyang expects to receive military technology from Moscow. | military-technology RU>KP possible |
            # future, plans, conditions, fears
            en | North Korea is set to send another 5,000 workers to Russia. | workers KP>RU possible |
            en | Seoul fears Moscow will share missile technology with Pyongyang. | military-technology RU>KP possible |
            en | Russia may already have delivered fighter jets to North Korea. | weapons RU>KP possible |
            # past, asserted, with hearsay
            en | Reuters reported that North Korea had shipped more than 10,000 containers of munitions to Russia. | munitions KP>RU asserted |
            # negation
            en | Russia has not received any shells from North Korea, the Kremlin said. | none |
            # places in their cases and with their kind (port, station, krai, cosmodrome, bridge)
            en | North Korean shells were moved by rail through Khasan to Tikhoretsk. | munitions KP>RU asserted | Khasan, Tikhoretsk
            en | North Korean workers toil on building sites in Primorsky Krai. | workers KP>RU asserted | Primorsky Krai
            en | A Russian tanker loaded fuel at Nakhodka and delivered it to Rajin. | petroleum RU>KP asserted | Nakhodka, Rajin
            en | North Korean coal was unloaded at Nakhodka and Kholmsk in breach of UN sanctions. | coal KP>RU asserted | Nakhodka, Kholmsk
            # every verb and noun of giving and getting, one pair
            en | North Korea gave shells to Russia. | munitions KP>RU asserted |
            en | North Korea sent shells to Russia. | munitions KP>RU asserted |
            en | North Korea sold shells to Russia. | munitions KP>RU asserted |
            en | North Korea exported shells to Russia. | munitions KP>RU asserted |
            en | North Korea shipped shells to Russia. | munitions KP>RU asserted |
            en | North Korea smuggled shells to Russia. | munitions KP>RU asserted |
            en | North Korea supplied shells to Russia. | munitions KP>RU asserted |
            en | North Korea delivered shells to Russia. | munitions KP>RU asserted |
            en | North Korea transferred shells to Russia. | munitions KP>RU asserted |
            en | North Korea handed shells to Russia. | munitions KP>RU asserted |
            en | North Korea provided shells to Russia. | munitions KP>RU asserted |
            en | Russia got shells from North Korea. | munitions KP>RU asserted |
            en | Russia bought shells from North Korea. | munitions KP>RU asserted |
            en | Russia imported shells from North Korea. | munitions KP>RU asserted |
            en | Russia obtained shells from North Korea. | munitions KP>RU asserted |
            en | Russia acquired shells from North Korea. | munitions KP>RU asserted |
            en | Russia received shells from North Korea. | munitions KP>RU asserted |
            en | Russia purchased shells from North Korea. | munitions KP>RU asserted |
            en | North Korea's sales of shells to Russia continued. | munitions KP>RU asserted |
            en | North Korea's exports of shells to Russia continued. | munitions KP>RU asserted |
            en | North Korea's shipments of shells to Russia continued. | munitions KP>RU asserted |
            en | North Korea's supplies of shells to Russia continued. | munitions KP>RU asserted |
            en | North Korea's deliveries of shells to Russia continued. | munitions KP>RU asserted |
            en | North Korea's transfers of shells to Russia continued. | munitions KP>RU asserted |
            en | Russia's purchases of shells from North Korea continued. | munitions KP>RU asserted |
            en | Russia's imports of shells from North Korea continued. | munitions KP>RU asserted |
            en | Russia's acquisitions of shells from North Korea continued. | munitions KP>RU asserted |
            # use and fire
            en | Russia is using North Korean shells near Kursk. | munitions KP>RU asserted |
            # each commodity in the words a reporter uses, in a fixed frame
            en | North Korea supplied Russia with artillery rounds. | munitions KP>RU asserted |
            en | North Korea supplied Russia with ammunition. | munitions KP>RU asserted |
            en | North Korea supplied Russia with mortar bombs. | munitions KP>RU asserted |
            en | North Korea supplied Russia with 152mm shells. | munitions KP>RU asserted |
            en | North Korea supplied Russia with cartridges. | munitions KP>RU asserted |
            en | North Korea supplied Russia with rocket artillery ammunition. | munitions KP>RU asserted |
            en | North Korea supplied Russia with short-range ballistic missiles. | missiles KP>RU asserted |
            en | North Korea supplied Russia with KN-23 missiles. | missiles KP>RU asserted |
            en | North Korea supplied Russia with missile launchers. | missiles KP>RU asserted |
            en | North Korea supplied Russia with self-propelled howitzers. | weapons KP>RU asserted |
            en | North Korea supplied Russia with multiple rocket launchers. | weapons KP>RU asserted |
            en | North Korea supplied Russia with tanks. | weapons KP>RU asserted |
            en | North Korea supplied Russia with attack drones. | weapons KP>RU asserted |
            en | North Korea supplied Russia with small arms. | weapons KP>RU asserted |
            en | North Korea supplied Russia with air-defence systems. | weapons KP>RU asserted |
            en | North Korea supplied Russia with armoured vehicles. | weapons KP>RU asserted |
            en | North Korea received refined petroleum products from Russia. | petroleum RU>KP asserted |
            en | North Korea received diesel fuel from Russia. | petroleum RU>KP asserted |
            en | North Korea received jet fuel from Russia. | petroleum RU>KP asserted |
            en | North Korea received crude oil from Russia. | petroleum RU>KP asserted |
            en | North Korea received gasoline from Russia. | petroleum RU>KP asserted |
            en | North Korea received satellite technology from Russia. | military-technology RU>KP asserted |
            en | North Korea received missile technology from Russia. | military-technology RU>KP asserted |
            en | North Korea received submarine technology from Russia. | military-technology RU>KP asserted |
            en | North Korea received space technology from Russia. | military-technology RU>KP asserted |
            en | North Korea received technical assistance from Russia. | military-technology RU>KP asserted |
            en | North Korea received luxury cars from Russia. | luxury-goods RU>KP asserted |
            en | North Korea received a limousine from Russia. | luxury-goods RU>KP asserted |
            en | North Korea received luxury goods from Russia. | luxury-goods RU>KP asserted |
            en | North Korea received cash from Russia. | funds RU>KP asserted |
            en | North Korea received hard currency from Russia. | funds RU>KP asserted |
            en | North Korea received cryptocurrency from Russia. | funds RU>KP asserted |
            en | North Korea sold coal to China in breach of the UN ban. | coal KP>CN asserted |
            en | North Korea sold anthracite to China in breach of the UN ban. | coal KP>CN asserted |
            en | North Korea sold iron ore to China in breach of the UN ban. | minerals KP>CN asserted |
            en | North Korea sold rare earths to China in breach of the UN ban. | minerals KP>CN asserted |
            en | North Korea sold sand to China in breach of the UN ban. | minerals KP>CN asserted |
            en | North Korea sold seafood to China in breach of the UN ban. | other-goods KP>CN asserted |
            en | North Korea sold textiles to China in breach of the UN ban. | other-goods KP>CN asserted |
            en | North Korea sold garments to China in breach of the UN ban. | other-goods KP>CN asserted |
            en | North Korea sent construction workers to Russia. | workers KP>RU asserted |
            en | North Korea sent IT specialists to Russia. | workers KP>RU asserted |
            en | North Korea sent labourers to Russia. | workers KP>RU asserted |
            en | North Korea sent loggers to Russia. | workers KP>RU asserted |
            en | North Korea sent soldiers to Russia in violation of UN resolutions. | troops KP>RU asserted |
            en | North Korea sent troops to Russia in violation of UN resolutions. | troops KP>RU asserted |
            en | North Korea sent special forces to Russia in violation of UN resolutions. | troops KP>RU asserted |
            # a later sentence adds the route or the port
            en | North Korea has sent artillery shells to Russia. The deliveries went through the port of Rajin. Intelligence estimates put the total at 5 million shells. | munitions KP>RU asserted | Rajin
            """)
    void grammarGridEnglish(String language, String sentence, String expected, String places) {
        assertGridRow(sentence, expected, places);
    }

    /** The grammar grid ({@link #assertGridRow}), Russian rows. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # troops, workers
            ru | КНДР отправила в Россию артиллерийские снаряды. | munitions KP>RU asserted |
            ru | Северная Корея продала России баллистические ракеты. | missiles KP>RU asserted |
            ru | Пхеньян поставил Москве противотанковое оружие. | weapons KP>RU asserted |
            ru | Россия передала КНДР спутниковые технологии. | military-technology RU>KP asserted |
            ru | Россия поставляет в КНДР нефтепродукты. | petroleum RU>KP asserted |
            ru | КНДР экспортировала уголь в Китай. | coal KP>CN asserted |
            ru | КНДР направила в Россию тысячи рабочих. | workers KP>RU asserted |
            ru | КНДР перебросила в Россию свои войска в нарушение резолюций ООН. | troops KP>RU asserted |
            ru | Россия перевела КНДР 20 миллионов долларов. | funds RU>KP asserted |
            ru | КНДР контрабандой вывозила уголь во Вьетнам. | coal KP>VN asserted |
            ru | Китай поставил России станки с ЧПУ. | military-technology CN>RU asserted |
            ru | Россия получила от КНДР артиллерийские снаряды. | munitions KP>RU asserted |
            ru | Россия купила у КНДР баллистические ракеты. | missiles KP>RU asserted |
            ru | КНДР импортировала нефть из России. | petroleum RU>KP asserted |
            ru | Пхеньян получил от Москвы ракетные технологии. | military-technology RU>KP asserted |
            ru | Китай импортировал северокорейский уголь. | coal KP>CN asserted |
            ru | Россия закупила северокорейские снаряды. | munitions KP>RU asserted |
            ru | Москва приобрела у Ирана беспилотники. | weapons IR>RU asserted |
            ru | КНДР получила топливо. | petroleum ?>KP asserted |
            ru | КНДР получила нефтепродукты через незаконные перегрузки с судна на судно. | petroleum ?>KP asserted |
            ru | Россия получила северокорейские снаряды. | munitions KP>RU asserted |
            ru | КНДР экспортировала уголь. | coal KP>? asserted |
            ru | Снаряды поставлялись из КНДР в Россию. | munitions KP>RU asserted |
            ru | Ракеты были переданы России Северной Кореей. | missiles KP>RU asserted |
            ru | Уголь вывозился из КНДР в Китай. | coal KP>CN asserted |
            ru | Нефтепродукты доставлялись в КНДР российскими танкерами. | petroleum RU>KP asserted |
            ru | Северокорейские снаряды использовались российскими войсками. | munitions KP>RU asserted |
            ru | Северокорейские рабочие были отправлены в Россию. | workers KP>RU asserted |
            ru | Российский танкер доставил дизельное топливо в КНДР. | petroleum RU>KP asserted |
            ru | Судно перевезло северокорейский уголь в Китай. | coal KP>CN asserted |
            ru | Северокорейское судно доставило в Россию контейнеры с боеприпасами. | munitions KP>RU asserted |
            ru | Китайская компания продала России микросхемы. | military-technology CN>RU asserted |
            ru | Турецкая фирма поставила в Россию компоненты для дронов. | military-technology TR>RU asserted |
            ru | Поставки северокорейских снарядов в Россию продолжаются. | munitions KP>RU asserted |
            ru | Экспорт угля из КНДР в Китай вырос. | coal KP>CN asserted |
            ru | Российские поставки нефти в КНДР превысили лимит. | petroleum RU>KP asserted |
            ru | Передача ракет из КНДР в Россию нарушает резолюции ООН. | missiles KP>RU asserted |
            ru | Экспорт северокорейского угля нарушает санкции ООН. | coal KP>? asserted |
            ru | Поставки оружия из Ирана в Россию продолжаются. | weapons IR>RU asserted |
            ru | Российские военные выпустили по Киеву северокорейские ракеты. | missiles KP>RU asserted |
            ru | Россия использовала иранские беспилотники для атаки на Одессу. | weapons IR>RU asserted |
            ru | КНДР заработала миллионы долларов на продаже оружия России. | weapons KP>RU asserted |
            ru | КНДР получила от России нефть в обмен на снаряды. | petroleum RU>KP asserted; munitions KP>RU asserted |
            ru | КНДР может отправить в Россию новые войска в нарушение резолюций ООН. | troops KP>RU possible |
            ru | Россия может передать КНДР ракетные технологии. | military-technology RU>KP possible |
            ru | Эксперты опасаются, что Пхеньян поставит Москве больше снарядов. | munitions KP>RU possible |
            ru | Россия планирует поставить КНДР истребители. | weapons RU>KP possible |
            ru | КНДР, по данным разведки, поставляет России артиллерийские снаряды. | munitions KP>RU asserted |
            ru | Совет Безопасности ООН ввёл санкции против экспорта угля из КНДР. | none |
            ru | КНДР не поставляла ракеты в Россию, заявили в министерстве. | none |
            ru | Тысячи северокорейских солдат были переброшены в Курскую область России в нарушение резолюций ООН. | troops KP>RU asserted |
            ru | Россия наняла северокорейских рабочих на стройки. | workers KP>RU asserted |
            ru | Через Казахстан в Россию поступают западные микросхемы. | military-technology KZ>RU asserted |
            ru | Северная Корея стала главным поставщиком снарядов для России. | munitions KP>RU asserted |
            ru | Снаряды, которые КНДР отправила в Россию, оказались бракованными. | munitions KP>RU asserted |
            ru | Украинская разведка заявила, что ракеты прибыли в Россию из КНДР. | missiles KP>RU asserted |
            ru | Российские танкеры доставляли нефть в Нампхо. | petroleum RU>KP asserted |
            ru | Индия закупила рекордные объемы российской нефти. | none |
            ru | Пхеньян якобы отправил в Москву реактивные снаряды. | munitions KP>RU asserted |
            ru | Россия помогает КНДР со спутниковыми технологиями. | military-technology RU>KP asserted |
            ru | Около 12 тысяч северокорейских солдат отправлены воевать за Россию в нарушение резолюций ООН. | troops KP>RU asserted |
            ru | Северокорейские рабочие продолжают работать в России вопреки запрету ООН. | workers KP>RU asserted |
            ru | Тегеран передал Москве сотни дронов Shahed. | weapons IR>RU asserted |
            ru | Беларусь поставила России боеприпасы. | munitions BY>RU asserted |
            ru | Казахстанские компании реэкспортировали в Россию западную микроэлектронику. | military-technology KZ>RU asserted |
            ru | Танкер перекачал топливо на северокорейское судно в открытом море. | petroleum ?>KP asserted |
            ru | Северокорейские суда доставили уголь в китайские порты в нарушение резолюции 2371. | coal KP>CN asserted |
            ru | Боеприпасы из КНДР уже попали к российским войскам на фронт. | munitions KP>RU asserted |
            ru | КНДР передает России снаряды в обмен на нефть. | munitions KP>RU asserted; petroleum RU>KP asserted |
            ru | Поставки КНДР снарядов России выросли. | munitions KP>RU asserted |
            ru | Закупки Россией северокорейских ракет продолжаются. | missiles KP>RU asserted |
            ru | Россия получает из Северной Кореи снаряды. | munitions KP>RU asserted |
            ru | В Россию из КНДР прибыли эшелоны с боеприпасами. | munitions KP>RU asserted |
            ru | Российская армия получила партию северокорейских гаубиц. | weapons KP>RU asserted |
            ru | КНДР снабжает Россию снарядами. | munitions KP>RU asserted |
            ru | Россия снабжала КНДР нефтью в обход санкций. | petroleum RU>KP asserted |
            ru | Северокорейские снаряды отправлялись в Россию по железной дороге. | munitions KP>RU asserted |
            # a transfer noun and its possessor (genitive, instrumental, possessive)
            ru | Экспорт КНДР угля в Китай вырос. | coal KP>CN asserted |
            ru | Поставки Ирана беспилотников в Россию продолжаются. | weapons IR>RU asserted |
            ru | Передача КНДР ракет России нарушает резолюции ООН. | missiles KP>RU asserted |
            ru | Импорт Россией северокорейских снарядов вырос. | munitions KP>RU asserted |
            ru | Закупки Россией иранских дронов продолжаются. | weapons IR>RU asserted |
            ru | Вывоз угля из КНДР в Китай продолжается. | coal KP>CN asserted |
            # the seller after a get verb
            ru | Россия закупила в Китае станки с ЧПУ. | military-technology CN>RU asserted |
            ru | КНДР купила у России нефть. | petroleum RU>KP asserted |
            # via
            ru | Микросхемы попадают в Россию через Казахстан. | military-technology KZ>RU asserted |
            # places: ports of loading and unloading
            ru | КНДР отправила контейнеры со снарядами из порта Раджин в порт Дунай. | munitions KP>RU asserted | Раджин, Дунай
            ru | Российские танкеры доставили топливо в Нампхо в обход ограничений. | petroleum RU>KP asserted | Нампхо
            ru | Снаряды из Раджина доставлялись во Владивосток. | munitions KP>RU asserted | Раджина, Владивосток
            # status: hedges and hearsay
            ru | КНДР, предположительно, поставила России миллионы снарядов. | munitions KP>RU asserted |
            ru | Не исключено, что Россия передаст КНДР технологии подводных лодок. | military-technology RU>KP possible |
            ru | Россия намерена поставить КНДР системы ПВО. | weapons RU>KP possible |
            ru | По некоторым данным, КНДР отправила в Россию ракеты KN-23. | missiles KP>RU asserted |
            # commodity words
            ru | КНДР поставила России мины и реактивные снаряды. | munitions KP>RU asserted |
            ru | КНДР передала России реактивные системы залпового огня. | weapons KP>RU asserted |
            ru | Россия поставила КНДР мазут и керосин. | petroleum RU>KP asserted |
            ru | КНДР экспортировала в Китай антрацит. | coal KP>CN asserted |
            ru | КНДР продала Китаю цинк и молибден. | minerals KP>CN asserted |
            ru | Россия передала КНДР предметы роскоши. | luxury-goods RU>KP asserted |
            ru | Китайские фирмы продают России полупроводники. | military-technology CN>RU asserted |
            ru | Россия перевела КНДР наличные. | funds RU>KP asserted |
            ru | КНДР ввезла из России нефтепродукты. | petroleum RU>KP asserted |
            ru | Россия скупает северокорейские снаряды. | munitions KP>RU asserted |
            # a second sentence adds the route
            ru | КНДР отправила в Россию снаряды. Грузы отправлялись из порта Раджин. | munitions KP>RU asserted | Раджин
            # participles and relative clauses
            ru | Снаряды, поставленные КНДР в Россию, оказались неисправными. | munitions KP>RU asserted |
            ru | Ракеты, полученные Россией от КНДР, применялись против Украины. | missiles KP>RU asserted |
            # two clauses, goods going both ways
            ru | КНДР отправила России снаряды и получила взамен нефть. | munitions KP>RU asserted; petroleum RU>KP asserted |
            # who says so
            ru | По словам представителя Пентагона, КНДР отправила в Россию ракеты. | missiles KP>RU asserted |
            ru | Южнокорейская разведка сообщила, что КНДР отправила в Россию около 10 тысяч солдат в нарушение резолюций ООН. | troops KP>RU asserted |
            # said not to have happened
            ru | Россия никогда не поставляла КНДР оружие. | none |
            ru | Нет доказательств того, что КНДР поставляла ракеты в Россию. | none |
            # the sanctions themselves
            ru | Резолюции ООН запрещают КНДР экспортировать уголь. | none |
            ru | ЕС запретил экспорт станков в Россию. | none |
            # a flagged ship, a receiving ship
            ru | Танкер под флагом Панамы передал дизельное топливо северокорейскому судну. | petroleum ?>KP asserted |
            # workers hosted
            ru | В России работают около 15 тысяч северокорейских рабочих. | workers KP>RU asserted |
            ru | Россия приняла тысячи рабочих из КНДР. | workers KP>RU asserted |
            # the agent of a passive in the instrumental
            ru | Снаряды, поставленные Северной Кореей в Россию, оказались неисправными. | munitions KP>RU asserted |
            ru | Ракеты, полученные Россией от Северной Кореи, применялись против Украины. | missiles KP>RU asserted |
            ru | Нефть, поставленная Россией в КНДР, превысила лимит. | petroleum RU>KP asserted |
            # money the receiver gets from a state
            ru | КНДР получила от России деньги. | funds RU>KP asserted |
            ru | Аналитик сказал, что взамен КНДР получает от России деньги и нефтепродукты. | funds RU>KP asserted; petroleum RU>KP asserted |
            # a supplier of a client
            ru | КНДР стала для России крупнейшим поставщиком снарядов. | munitions KP>RU asserted |
            # goods going back in a second clause
            ru | Россия получила от КНДР снаряды и отправила взамен нефть. | munitions KP>RU asserted; petroleum RU>KP asserted |
            # re-export through a third state
            ru | Микросхемы, ввезённые в Казахстан, затем реэкспортировались в Россию. | military-technology KZ>RU asserted |
            # speakers' states are no parties
            ru | Южнокорейская разведка заявила, что КНДР поставила России ракеты. | missiles KP>RU asserted |
            # sides and leaders
            ru | Российская сторона передала северокорейской стороне партию автомобилей Aurus. | luxury-goods RU>KP asserted |
            ru | Путин подарил Ким Чен Ыну автомобиль Aurus. | luxury-goods RU>KP asserted |
            # capitals in their cases
            ru | Москва получила от Пхеньяна крупную партию снарядов. | munitions KP>RU asserted |
            ru | Пхеньян получил от Москвы партию нефтепродуктов. | petroleum RU>KP asserted |
            # know-how and training
            ru | Россия передала КНДР ноу-хау в области ракетостроения. | military-technology RU>KP asserted |
            ru | КНДР рассчитывает получить от России военную помощь. | military-technology RU>KP possible |
            # future, plans, conditions, fears
            ru | КНДР собирается отправить в Россию ещё 5 тысяч рабочих. | workers KP>RU possible |
            ru | Если Россия передаст КНДР ядерные технологии, это изменит баланс сил. | military-technology RU>KP possible |
            ru | Сеул опасается, что Москва поделится с Пхеньяном ракетными технологиями. | military-technology RU>KP possible |
            ru | Россия, возможно, уже поставила КНДР истребители. | weapons RU>KP possible |
            # past, asserted, with hearsay
            ru | Как сообщает Reuters, КНДР отправила в Россию более 10 тысяч контейнеров с боеприпасами. | munitions KP>RU asserted |
            ru | Разведка утверждает, что Россия поставляла КНДР нефть сверх лимита. | petroleum RU>KP asserted |
            # negation
            ru | Россия не получала от КНДР никаких снарядов, заявил Песков. | none |
            ru | КНДР прекратила поставки угля в Китай. | none |
            # places in their cases and with their kind (port, station, krai, cosmodrome, bridge)
            ru | Снаряды из КНДР перевозили по железной дороге через Хасан в Тихорецк. | munitions KP>RU asserted | Хасан, Тихорецк
            ru | Северокорейские рабочие трудятся на стройках в Приморском крае. | workers KP>RU asserted | Приморском крае
            ru | Российский танкер загрузил топливо в порту Находка и доставил его в Раджин. | petroleum RU>KP asserted | Находка, Раджин
            ru | Северокорейский уголь в нарушение санкций ООН выгружали в Находке и Холмске. | coal KP>RU asserted | Находке, Холмске
            # every verb and noun of giving and getting, one pair
            ru | КНДР передала в Россию снаряды. | munitions KP>RU asserted |
            ru | КНДР отправила в Россию снаряды. | munitions KP>RU asserted |
            ru | КНДР продала в Россию снаряды. | munitions KP>RU asserted |
            ru | КНДР экспортировала в Россию снаряды. | munitions KP>RU asserted |
            ru | КНДР отгрузила в Россию снаряды. | munitions KP>RU asserted |
            ru | КНДР переправила в Россию снаряды. | munitions KP>RU asserted |
            ru | КНДР поставила в Россию снаряды. | munitions KP>RU asserted |
            ru | КНДР доставила в Россию снаряды. | munitions KP>RU asserted |
            ru | КНДР подарила в Россию снаряды. | munitions KP>RU asserted |
            ru | КНДР вывезла в Россию снаряды. | munitions KP>RU asserted |
            ru | Россия получила снаряды у КНДР. | munitions KP>RU asserted |
            ru | Россия купила снаряды у КНДР. | munitions KP>RU asserted |
            ru | Россия импортировала снаряды у КНДР. | munitions KP>RU asserted |
            ru | Россия приобрела снаряды у КНДР. | munitions KP>RU asserted |
            ru | Россия закупила снаряды у КНДР. | munitions KP>RU asserted |
            ru | Продажа снарядов из КНДР в Россию продолжается. | munitions KP>RU asserted |
            ru | Экспорт снарядов из КНДР в Россию продолжается. | munitions KP>RU asserted |
            ru | Отправка снарядов из КНДР в Россию продолжается. | munitions KP>RU asserted |
            ru | Поставки снарядов из КНДР в Россию продолжается. | munitions KP>RU asserted |
            ru | Передача снарядов из КНДР в Россию продолжается. | munitions KP>RU asserted |
            ru | Контрабанда снарядов из КНДР в Россию продолжается. | munitions KP>RU asserted |
            ru | Доставка снарядов из КНДР в Россию продолжается. | munitions KP>RU asserted |
            ru | Переброска снарядов из КНДР в Россию продолжается. | munitions KP>RU asserted |
            ru | Отгрузка снарядов из КНДР в Россию продолжается. | munitions KP>RU asserted |
            ru | Закупки Россией снарядов из КНДР продолжается. | munitions KP>RU asserted |
            ru | Импорт Россией снарядов из КНДР продолжается. | munitions KP>RU asserted |
            ru | Приобретение Россией снарядов из КНДР продолжается. | munitions KP>RU asserted |
            ru | Получение Россией снарядов из КНДР продолжается. | munitions KP>RU asserted |
            # use and fire
            ru | Россия применяет северокорейские снаряды под Курском. | munitions KP>RU asserted |
            ru | Российские войска выпустили по Харькову северокорейскую ракету KN-23. | missiles KP>RU asserted |
            # each commodity in the words a reporter uses, in a fixed frame
            ru | КНДР передала России артиллерийские снаряды. | munitions KP>RU asserted |
            ru | КНДР передала России боеприпасы. | munitions KP>RU asserted |
            ru | КНДР передала России патроны. | munitions KP>RU asserted |
            ru | КНДР передала России минометные мины. | munitions KP>RU asserted |
            ru | КНДР передала России реактивные снаряды. | munitions KP>RU asserted |
            ru | КНДР передала России снаряды калибра 152 мм. | munitions KP>RU asserted |
            ru | КНДР передала России баллистические ракеты. | missiles KP>RU asserted |
            ru | КНДР передала России ракеты KN-23. | missiles KP>RU asserted |
            ru | КНДР передала России пусковые установки. | missiles KP>RU asserted |
            ru | КНДР передала России ракеты малой дальности. | missiles KP>RU asserted |
            ru | КНДР передала России самоходные гаубицы. | weapons KP>RU asserted |
            ru | КНДР передала России РСЗО. | weapons KP>RU asserted |
            ru | КНДР передала России танки. | weapons KP>RU asserted |
            ru | КНДР передала России ударные дроны. | weapons KP>RU asserted |
            ru | КНДР передала России стрелковое оружие. | weapons KP>RU asserted |
            ru | КНДР передала России зенитные комплексы. | weapons KP>RU asserted |
            ru | КНДР передала России бронетехнику. | weapons KP>RU asserted |
            ru | КНДР получила от России нефтепродукты. | petroleum RU>KP asserted |
            ru | КНДР получила от России дизельное топливо. | petroleum RU>KP asserted |
            ru | КНДР получила от России авиационное топливо. | petroleum RU>KP asserted |
            ru | КНДР получила от России сырую нефть. | petroleum RU>KP asserted |
            ru | КНДР получила от России бензин. | petroleum RU>KP asserted |
            ru | КНДР получила от России спутниковые технологии. | military-technology RU>KP asserted |
            ru | КНДР получила от России ракетные технологии. | military-technology RU>KP asserted |
            ru | КНДР получила от России технологии подводных лодок. | military-technology RU>KP asserted |
            ru | КНДР получила от России космические технологии. | military-technology RU>KP asserted |
            ru | КНДР получила от России техническую помощь. | military-technology RU>KP asserted |
            ru | КНДР получила от России автомобили класса люкс. | luxury-goods RU>KP asserted |
            ru | КНДР получила от России лимузин. | luxury-goods RU>KP asserted |
            ru | КНДР получила от России предметы роскоши. | luxury-goods RU>KP asserted |
            ru | КНДР получила от России наличные. | funds RU>KP asserted |
            ru | КНДР получила от России валюту. | funds RU>KP asserted |
            ru | КНДР получила от России криптовалюту. | funds RU>KP asserted |
            ru | КНДР продала Китаю уголь в нарушение запрета ООН. | coal KP>CN asserted |
            ru | КНДР продала Китаю антрацит в нарушение запрета ООН. | coal KP>CN asserted |
            ru | КНДР продала Китаю железную руду в нарушение запрета ООН. | minerals KP>CN asserted |
            ru | КНДР продала Китаю редкоземельные металлы в нарушение запрета ООН. | minerals KP>CN asserted |
            ru | КНДР продала Китаю песок в нарушение запрета ООН. | minerals KP>CN asserted |
            ru | КНДР продала Китаю морепродукты в нарушение запрета ООН. | other-goods KP>CN asserted |
            ru | КНДР продала Китаю текстиль в нарушение запрета ООН. | other-goods KP>CN asserted |
            ru | КНДР продала Китаю одежду в нарушение запрета ООН. | other-goods KP>CN asserted |
            ru | КНДР направила в Россию строителей. | workers KP>RU asserted |
            ru | КНДР направила в Россию IT-специалистов. | workers KP>RU asserted |
            ru | КНДР направила в Россию рабочих. | workers KP>RU asserted |
            ru | КНДР направила в Россию лесорубов. | workers KP>RU asserted |
            ru | КНДР направила в Россию солдат в нарушение резолюций ООН. | troops KP>RU asserted |
            ru | КНДР направила в Россию военнослужащих в нарушение резолюций ООН. | troops KP>RU asserted |
            ru | КНДР направила в Россию войска в нарушение резолюций ООН. | troops KP>RU asserted |
            # Ukrainian locatives that change the stem's last consonant
            ru | Северокорейские рабочие трудятся на заводе в Алабуге в нарушение санкций ООН. | workers KP>RU asserted | Алабуге
            # a later sentence adds the route or the port
            ru | КНДР отправила в Россию артиллерийские снаряды. Поставки шли через порт Раджин. По оценкам разведки, речь идёт о 5 млн снарядов. | munitions KP>RU asserted | Раджин
            ru | Россия поставляет КНДР нефтепродукты сверх лимита. Танкеры загружаются в порту Восточный. | petroleum RU>KP asserted | Восточный
            ru | Северокорейские рабочие продолжают прибывать в Россию. Только в прошлом году в страну въехали более 10 тысяч граждан КНДР. | workers KP>RU asserted |
            # impersonal third person plural, nobody named as subject
            ru | В Россию доставили северокорейские ракеты. | missiles KP>RU asserted |
            ru | Для российской армии закупили у КНДР миллионы снарядов. | munitions KP>RU asserted |
            ru | Из КНДР в Россию перебросили ещё несколько тысяч солдат в нарушение резолюций ООН. | troops KP>RU asserted |
            ru | В КНДР отправили партию российских истребителей. | weapons RU>KP asserted |
            """)
    void grammarGridRussian(String language, String sentence, String expected, String places) {
        assertGridRow(sentence, expected, places);
    }

    /** The grammar grid ({@link #assertGridRow}), Ukrainian rows. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # troops, workers
            uk | КНДР відправила до Росії артилерійські снаряди. | munitions KP>RU asserted |
            uk | Північна Корея продала Росії балістичні ракети. | missiles KP>RU asserted |
            uk | Пхеньян постачав Москві зброю. | weapons KP>RU asserted |
            uk | Росія передала КНДР супутникові технології. | military-technology RU>KP asserted |
            uk | Росія постачає до КНДР нафтопродукти. | petroleum RU>KP asserted |
            uk | КНДР експортувала вугілля до Китаю. | coal KP>CN asserted |
            uk | КНДР направила до Росії тисячі робітників. | workers KP>RU asserted |
            uk | КНДР перекинула до Росії свої війська в порушення резолюцій ООН. | troops KP>RU asserted |
            uk | Росія переказала КНДР 20 мільйонів доларів. | funds RU>KP asserted |
            uk | КНДР контрабандою вивозила вугілля до В'єтнаму. | coal KP>VN asserted |
            uk | Китай постачив Росії верстати з ЧПК. | military-technology CN>RU asserted |
            uk | Росія отримала від КНДР артилерійські снаряди. | munitions KP>RU asserted |
            uk | Росія купила у КНДР балістичні ракети. | missiles KP>RU asserted |
            uk | КНДР імпортувала нафту з Росії. | petroleum RU>KP asserted |
            uk | Пхеньян отримав від Москви ракетні технології. | military-technology RU>KP asserted |
            uk | Китай імпортував північнокорейське вугілля. | coal KP>CN asserted |
            uk | Росія закупила північнокорейські снаряди. | munitions KP>RU asserted |
            uk | Москва придбала в Ірану безпілотники. | weapons IR>RU asserted |
            uk | КНДР отримала пальне. | petroleum ?>KP asserted |
            uk | КНДР отримала нафтопродукти через незаконні перевантаження з судна на судно. | petroleum ?>KP asserted |
            uk | Росія отримала північнокорейські снаряди. | munitions KP>RU asserted |
            uk | КНДР експортувала вугілля. | coal KP>? asserted |
            uk | Снаряди постачалися з КНДР до Росії. | munitions KP>RU asserted |
            uk | Ракети були передані Росії Північною Кореєю. | missiles KP>RU asserted |
            uk | Вугілля вивозилося з КНДР до Китаю. | coal KP>CN asserted |
            uk | Нафтопродукти доставлялися до КНДР російськими танкерами. | petroleum RU>KP asserted |
            uk | Північнокорейські снаряди використовувалися російськими військами. | munitions KP>RU asserted |
            uk | Північнокорейських робітників було відправлено до Росії. | workers KP>RU asserted |
            uk | Російський танкер доставив дизельне пальне до КНДР. | petroleum RU>KP asserted |
            uk | Судно перевезло північнокорейське вугілля до Китаю. | coal KP>CN asserted |
            uk | Північнокорейське судно доставило до Росії контейнери з боєприпасами. | munitions KP>RU asserted |
            uk | Китайська компанія продала Росії мікросхеми. | military-technology CN>RU asserted |
            uk | Турецька фірма поставила до Росії компоненти для дронів. | military-technology TR>RU asserted |
            uk | Постачання північнокорейських снарядів до Росії тривають. | munitions KP>RU asserted |
            uk | Експорт вугілля з КНДР до Китаю зріс. | coal KP>CN asserted |
            uk | Російські поставки нафти до КНДР перевищили ліміт. | petroleum RU>KP asserted |
            uk | Передача ракет з КНДР до Росії порушує резолюції ООН. | missiles KP>RU asserted |
            uk | Експорт північнокорейського вугілля порушує санкції ООН. | coal KP>? asserted |
            uk | Постачання зброї з Ірану до Росії тривають. | weapons IR>RU asserted |
            uk | Російські військові випустили по Києву північнокорейські ракети. | missiles KP>RU asserted |
            uk | Росія використала іранські безпілотники для атаки на Одесу. | weapons IR>RU asserted |
            uk | КНДР заробила мільйони доларів на продажу зброї Росії. | weapons KP>RU asserted |
            uk | КНДР отримала від Росії нафту в обмін на снаряди. | petroleum RU>KP asserted; munitions KP>RU asserted |
            uk | КНДР може відправити до Росії нові війська в порушення резолюцій ООН. | troops KP>RU possible |
            uk | Росія може передати КНДР ракетні технології. | military-technology RU>KP possible |
            uk | Експерти побоюються, що Пхеньян постачатиме Москві більше снарядів. | munitions KP>RU possible |
            uk | Росія планує поставити КНДР винищувачі. | weapons RU>KP possible |
            uk | Рада Безпеки ООН запровадила санкції проти експорту вугілля з КНДР. | none |
            uk | КНДР не постачала ракети до Росії, заявили в міністерстві. | none |
            uk | Тисячі північнокорейських солдатів було перекинуто до Курської області Росії в порушення резолюцій ООН. | troops KP>RU asserted |
            uk | Росія найняла північнокорейських робітників на будови. | workers KP>RU asserted |
            uk | Північнокорейські військові воюють на боці Росії в порушення резолюцій ООН. | troops KP>RU asserted |
            uk | Через Казахстан до Росії надходять західні мікросхеми. | military-technology KZ>RU asserted |
            uk | Північна Корея стала головним постачальником снарядів для Росії. | munitions KP>RU asserted |
            uk | Снаряди, які КНДР відправила до Росії, виявилися бракованими. | munitions KP>RU asserted |
            uk | Українська розвідка заявила, що ракети прибули до Росії з КНДР. | missiles KP>RU asserted |
            uk | Російські танкери доставляли нафту до Нампхо. | petroleum RU>KP asserted |
            uk | Індія закупила рекордні обсяги російської нафти. | none |
            uk | Пхеньян нібито відправив до Москви реактивні снаряди. | munitions KP>RU asserted |
            uk | Близько 12 тисяч північнокорейських солдатів відправлено воювати за Росію в порушення резолюцій ООН. | troops KP>RU asserted |
            uk | Північнокорейські робітники продовжують працювати в Росії всупереч забороні ООН. | workers KP>RU asserted |
            uk | Тегеран передав Москві сотні дронів Shahed. | weapons IR>RU asserted |
            uk | Білорусь поставила Росії боєприпаси. | munitions BY>RU asserted |
            uk | Казахстанські компанії реекспортували до Росії західну мікроелектроніку. | military-technology KZ>RU asserted |
            uk | Танкер перекачав пальне на північнокорейське судно у відкритому морі. | petroleum ?>KP asserted |
            uk | Північнокорейські судна доставили вугілля до китайських портів у порушення резолюції 2371. | coal KP>CN asserted |
            uk | Боєприпаси з КНДР уже потрапили до російських військ на фронт. | munitions KP>RU asserted |
            uk | КНДР передає Росії снаряди в обмін на нафту. | munitions KP>RU asserted; petroleum RU>KP asserted |
            uk | Закупівлі Росією північнокорейських ракет тривають. | missiles KP>RU asserted |
            uk | Росія отримує з Північної Кореї снаряди. | munitions KP>RU asserted |
            uk | До Росії з КНДР прибули ешелони з боєприпасами. | munitions KP>RU asserted |
            uk | Російська армія отримала партію північнокорейських гаубиць. | weapons KP>RU asserted |
            uk | КНДР забезпечує Росію снарядами. | munitions KP>RU asserted |
            uk | Росія забезпечувала КНДР нафтою в обхід санкцій. | petroleum RU>KP asserted |
            uk | Північнокорейські снаряди відправлялися до Росії залізницею. | munitions KP>RU asserted |
            uk | Постачання КНДР снарядів Росії зросли. | munitions KP>RU asserted |
            # a transfer noun and its possessor (genitive, instrumental, possessive)
            uk | Експорт КНДР вугілля до Китаю зріс. | coal KP>CN asserted |
            uk | Постачання Іраном безпілотників до Росії тривають. | weapons IR>RU asserted |
            uk | Передача КНДР ракет Росії порушує резолюції ООН. | missiles KP>RU asserted |
            uk | Вивезення вугілля з КНДР до Китаю триває. | coal KP>CN asserted |
            # the seller after a get verb
            uk | Росія купує в Китаю мікросхеми. | military-technology CN>RU asserted |
            # via
            uk | Мікросхеми потрапляють до Росії через Киргизстан. | military-technology KG>RU asserted |
            # places: ports of loading and unloading
            uk | КНДР відправила контейнери зі снарядами з порту Раджин до порту Дунай. | munitions KP>RU asserted | Раджин, Дунай
            uk | Російські танкери доставили пальне до Нампхо в обхід обмежень. | petroleum RU>KP asserted | Нампхо
            uk | Снаряди з Раджина доставлялися до Владивостока. | munitions KP>RU asserted | Раджина, Владивостока
            # status: hedges and hearsay
            uk | Можливо, Росія передасть КНДР технології підводних човнів. | military-technology RU>KP possible |
            uk | Росія має намір постачати КНДР системи ППО. | weapons RU>KP possible |
            uk | За деякими даними, КНДР відправила до Росії ракети KN-23. | missiles KP>RU asserted |
            # commodity words
            uk | КНДР постачила Росії міни та реактивні снаряди. | munitions KP>RU asserted |
            uk | КНДР передала Росії реактивні системи залпового вогню. | weapons KP>RU asserted |
            uk | Росія постачила КНДР мазут і гас. | petroleum RU>KP asserted |
            uk | КНДР експортувала до Китаю антрацит. | coal KP>CN asserted |
            uk | КНДР продала Китаю цинк і молібден. | minerals KP>CN asserted |
            uk | Росія передала КНДР предмети розкоші. | luxury-goods RU>KP asserted |
            uk | Китайські фірми продають Росії напівпровідники. | military-technology CN>RU asserted |
            uk | Росія передала КНДР готівку. | funds RU>KP asserted |
            uk | КНДР ввезла з Росії нафтопродукти. | petroleum RU>KP asserted |
            uk | Росія скуповує північнокорейські снаряди. | munitions KP>RU asserted |
            # a second sentence adds the route
            uk | КНДР відправила до Росії снаряди. Вантажі відправлялися з порту Раджин. | munitions KP>RU asserted | Раджин
            # participles and relative clauses
            uk | Снаряди, поставлені КНДР до Росії, виявилися несправними. | munitions KP>RU asserted |
            uk | Ракети, отримані Росією від КНДР, застосовувалися проти України. | missiles KP>RU asserted |
            # two clauses, goods going both ways
            uk | КНДР відправила Росії снаряди та отримала натомість нафту. | munitions KP>RU asserted; petroleum RU>KP asserted |
            # who says so
            uk | За словами речника Пентагону, КНДР відправила до Росії ракети. | missiles KP>RU asserted |
            # said not to have happened
            uk | Росія ніколи не постачала КНДР зброю. | none |
            uk | Немає доказів того, що КНДР постачала ракети до Росії. | none |
            # the sanctions themselves
            uk | Резолюції ООН забороняють КНДР експортувати вугілля. | none |
            uk | ЄС заборонив експорт верстатів до Росії. | none |
            # a flagged ship, a receiving ship
            uk | Танкер під прапором Панами передав дизельне пальне північнокорейському судну. | petroleum ?>KP asserted |
            # workers hosted
            uk | У Росії працюють близько 15 тисяч північнокорейських робітників. | workers KP>RU asserted |
            uk | Росія прийняла тисячі робітників з КНДР. | workers KP>RU asserted |
            # the agent of a passive in the instrumental
            uk | Снаряди, поставлені Північною Кореєю до Росії, виявилися несправними. | munitions KP>RU asserted |
            uk | Ракети, отримані Росією від Північної Кореї, застосовувалися проти України. | missiles KP>RU asserted |
            uk | Нафта, постачена Росією до КНДР, перевищила ліміт. | petroleum RU>KP asserted |
            # money the receiver gets from a state
            uk | КНДР отримує від Росії гроші та нафтопродукти. | funds RU>KP asserted; petroleum RU>KP asserted |
            # a supplier of a client
            uk | КНДР стала для Росії найбільшим постачальником снарядів. | munitions KP>RU asserted |
            # goods going back in a second clause
            uk | Росія отримала від КНДР снаряди та відправила натомість нафту. | munitions KP>RU asserted; petroleum RU>KP asserted |
            # re-export through a third state
            uk | Мікросхеми, ввезені до Казахстану, потім реекспортувалися до Росії. | military-technology KZ>RU asserted |
            # speakers' states are no parties
            uk | Південнокорейська розвідка заявила, що КНДР постачила Росії ракети. | missiles KP>RU asserted |
            # sides and leaders
            uk | Російська сторона передала північнокорейській стороні партію автомобілів Aurus. | luxury-goods RU>KP asserted |
            uk | Путін подарував Кім Чен Ину автомобіль Aurus. | luxury-goods RU>KP asserted |
            # capitals in their cases
            uk | Москва отримала від Пхеньяна велику партію снарядів. | munitions KP>RU asserted |
            uk | Пхеньян отримав від Москви партію нафтопродуктів. | petroleum RU>KP asserted |
            # know-how and training
            uk | Росія передала КНДР ноу-хау у сфері ракетобудування. | military-technology RU>KP asserted |
            uk | КНДР розраховує отримати від Росії військову допомогу. | military-technology RU>KP possible |
            # future, plans, conditions, fears
            uk | КНДР збирається відправити до Росії ще 5 тисяч робітників. | workers KP>RU possible |
            uk | Якщо Росія передасть КНДР ядерні технології, це змінить баланс сил. | military-technology RU>KP possible |
            uk | Сеул побоюється, що Москва поділиться з Пхеньяном ракетними технологіями. | military-technology RU>KP possible |
            uk | Росія, можливо, вже постачила КНДР винищувачі. | weapons RU>KP possible |
            # past, asserted, with hearsay
            uk | Як повідомляє Reuters, КНДР відправила до Росії понад 10 тисяч контейнерів із боєприпасами. | munitions KP>RU asserted |
            uk | Розвідка стверджує, що Росія постачала КНДР нафту понад ліміт. | petroleum RU>KP asserted |
            # negation
            uk | Росія не отримувала від КНДР жодних снарядів, заявив Пєсков. | none |
            uk | КНДР припинила постачання вугілля до Китаю. | none |
            # places in their cases and with their kind (port, station, krai, cosmodrome, bridge)
            uk | Снаряди з КНДР перевозили залізницею через Хасан до Тихорецька. | munitions KP>RU asserted | Хасан, Тихорецька
            uk | Північнокорейські робітники працюють на будовах у Приморському краї. | workers KP>RU asserted | Приморському краї
            uk | Російський танкер завантажив пальне в порту Находка і доставив його до Раджина. | petroleum RU>KP asserted | Находка, Раджина
            uk | Північнокорейське вугілля всупереч санкціям ООН вивантажували в Находці та Холмську. | coal KP>RU asserted | Находці, Холмську
            # every verb and noun of giving and getting, one pair
            uk | КНДР передала до Росії снаряди. | munitions KP>RU asserted |
            uk | КНДР відправила до Росії снаряди. | munitions KP>RU asserted |
            uk | КНДР продала до Росії снаряди. | munitions KP>RU asserted |
            uk | КНДР експортувала до Росії снаряди. | munitions KP>RU asserted |
            uk | КНДР відвантажила до Росії снаряди. | munitions KP>RU asserted |
            uk | КНДР переправила до Росії снаряди. | munitions KP>RU asserted |
            uk | КНДР постачила до Росії снаряди. | munitions KP>RU asserted |
            uk | КНДР доставила до Росії снаряди. | munitions KP>RU asserted |
            uk | КНДР подарувала до Росії снаряди. | munitions KP>RU asserted |
            uk | КНДР вивезла до Росії снаряди. | munitions KP>RU asserted |
            uk | Росія отримала снаряди у КНДР. | munitions KP>RU asserted |
            uk | Росія купила снаряди у КНДР. | munitions KP>RU asserted |
            uk | Росія імпортувала снаряди у КНДР. | munitions KP>RU asserted |
            uk | Росія придбала снаряди у КНДР. | munitions KP>RU asserted |
            uk | Росія закупила снаряди у КНДР. | munitions KP>RU asserted |
            uk | Продаж снарядів з КНДР до Росії триває. | munitions KP>RU asserted |
            uk | Експорт снарядів з КНДР до Росії триває. | munitions KP>RU asserted |
            uk | Відправлення снарядів з КНДР до Росії триває. | munitions KP>RU asserted |
            uk | Постачання снарядів з КНДР до Росії триває. | munitions KP>RU asserted |
            uk | Передача снарядів з КНДР до Росії триває. | munitions KP>RU asserted |
            uk | Контрабанда снарядів з КНДР до Росії триває. | munitions KP>RU asserted |
            uk | Доставка снарядів з КНДР до Росії триває. | munitions KP>RU asserted |
            uk | Перекидання снарядів з КНДР до Росії триває. | munitions KP>RU asserted |
            uk | Відвантаження снарядів з КНДР до Росії триває. | munitions KP>RU asserted |
            uk | Закупівлі Росією снарядів з КНДР триває. | munitions KP>RU asserted |
            uk | Імпорт Росією снарядів з КНДР триває. | munitions KP>RU asserted |
            uk | Придбання Росією снарядів з КНДР триває. | munitions KP>RU asserted |
            uk | Отримання Росією снарядів з КНДР триває. | munitions KP>RU asserted |
            # use and fire
            uk | Росія застосовує північнокорейські снаряди під Курськом. | munitions KP>RU asserted |
            uk | Російські війська випустили по Харкову північнокорейську ракету KN-23. | missiles KP>RU asserted |
            # each commodity in the words a reporter uses, in a fixed frame
            uk | КНДР передала Росії артилерійські снаряди. | munitions KP>RU asserted |
            uk | КНДР передала Росії боєприпаси. | munitions KP>RU asserted |
            uk | КНДР передала Росії набої. | munitions KP>RU asserted |
            uk | КНДР передала Росії мінометні міни. | munitions KP>RU asserted |
            uk | КНДР передала Росії реактивні снаряди. | munitions KP>RU asserted |
            uk | КНДР передала Росії снаряди калібру 152 мм. | munitions KP>RU asserted |
            uk | КНДР передала Росії балістичні ракети. | missiles KP>RU asserted |
            uk | КНДР передала Росії ракети KN-23. | missiles KP>RU asserted |
            uk | КНДР передала Росії пускові установки. | missiles KP>RU asserted |
            uk | КНДР передала Росії ракети малої дальності. | missiles KP>RU asserted |
            uk | КНДР передала Росії самохідні гаубиці. | weapons KP>RU asserted |
            uk | КНДР передала Росії РСЗВ. | weapons KP>RU asserted |
            uk | КНДР передала Росії танки. | weapons KP>RU asserted |
            uk | КНДР передала Росії ударні дрони. | weapons KP>RU asserted |
            uk | КНДР передала Росії стрілецьку зброю. | weapons KP>RU asserted |
            uk | КНДР передала Росії зенітні комплекси. | weapons KP>RU asserted |
            uk | КНДР передала Росії бронетехніку. | weapons KP>RU asserted |
            uk | КНДР отримала від Росії нафтопродукти. | petroleum RU>KP asserted |
            uk | КНДР отримала від Росії дизельне пальне. | petroleum RU>KP asserted |
            uk | КНДР отримала від Росії авіаційне пальне. | petroleum RU>KP asserted |
            uk | КНДР отримала від Росії сиру нафту. | petroleum RU>KP asserted |
            uk | КНДР отримала від Росії бензин. | petroleum RU>KP asserted |
            uk | КНДР отримала від Росії супутникові технології. | military-technology RU>KP asserted |
            uk | КНДР отримала від Росії ракетні технології. | military-technology RU>KP asserted |
            uk | КНДР отримала від Росії технології підводних човнів. | military-technology RU>KP asserted |
            uk | КНДР отримала від Росії космічні технології. | military-technology RU>KP asserted |
            uk | КНДР отримала від Росії технічну допомогу. | military-technology RU>KP asserted |
            uk | КНДР отримала від Росії автомобілі класу люкс. | luxury-goods RU>KP asserted |
            uk | КНДР отримала від Росії лімузин. | luxury-goods RU>KP asserted |
            uk | КНДР отримала від Росії предмети розкоші. | luxury-goods RU>KP asserted |
            uk | КНДР отримала від Росії готівку. | funds RU>KP asserted |
            uk | КНДР отримала від Росії валюту. | funds RU>KP asserted |
            uk | КНДР отримала від Росії криптовалюту. | funds RU>KP asserted |
            uk | КНДР продала Китаю вугілля в порушення заборони ООН. | coal KP>CN asserted |
            uk | КНДР продала Китаю антрацит в порушення заборони ООН. | coal KP>CN asserted |
            uk | КНДР продала Китаю залізну руду в порушення заборони ООН. | minerals KP>CN asserted |
            uk | КНДР продала Китаю рідкоземельні метали в порушення заборони ООН. | minerals KP>CN asserted |
            uk | КНДР продала Китаю пісок в порушення заборони ООН. | minerals KP>CN asserted |
            uk | КНДР продала Китаю морепродукти в порушення заборони ООН. | other-goods KP>CN asserted |
            uk | КНДР продала Китаю текстиль в порушення заборони ООН. | other-goods KP>CN asserted |
            uk | КНДР продала Китаю одяг в порушення заборони ООН. | other-goods KP>CN asserted |
            uk | КНДР направила до Росії будівельників. | workers KP>RU asserted |
            uk | КНДР направила до Росії IT-фахівців. | workers KP>RU asserted |
            uk | КНДР направила до Росії робітників. | workers KP>RU asserted |
            uk | КНДР направила до Росії лісорубів. | workers KP>RU asserted |
            uk | КНДР направила до Росії солдатів в порушення резолюцій ООН. | troops KP>RU asserted |
            uk | КНДР направила до Росії військовослужбовців в порушення резолюцій ООН. | troops KP>RU asserted |
            uk | КНДР направила до Росії війська в порушення резолюцій ООН. | troops KP>RU asserted |
            # Ukrainian locatives that change the stem's last consonant
            uk | Північнокорейські робітники працюють на заводі в Алабузі в порушення санкцій ООН. | workers KP>RU asserted | Алабузі
            uk | Російський танкер завантажив нафтопродукти у Владивостоці й доставив їх до КНДР. | petroleum RU>KP asserted | Владивостоці
            # a later sentence adds the route or the port
            uk | КНДР відправила до Росії артилерійські снаряди. Постачання йшли через порт Раджин. За оцінками розвідки, йдеться про 5 млн снарядів. | munitions KP>RU asserted | Раджин
            uk | Росія постачає КНДР нафтопродукти понад ліміт. Танкери завантажуються в порту Восточний. | petroleum RU>KP asserted | Восточний
            uk | Північнокорейські робітники продовжують прибувати до Росії. Лише минулого року до країни в'їхали понад 10 тисяч громадян КНДР. | workers KP>RU asserted |
            # impersonal third person plural, nobody named as subject
            uk | До Росії доставили північнокорейські ракети. | missiles KP>RU asserted |
            uk | Для російської армії закупили у КНДР мільйони снарядів. | munitions KP>RU asserted |
            uk | З КНДР до Росії перекинули ще кілька тисяч солдатів у порушення резолюцій ООН. | troops KP>RU asserted |
            uk | До КНДР відправили партію російських винищувачів. | weapons RU>KP asserted |
            """)
    void grammarGridUkrainian(String language, String sentence, String expected, String places) {
        assertGridRow(sentence, expected, places);
    }
}
