package io.newswatch.ingest.extract.internal;

/**
 * Guesses a language from the writing system of a text, for pages that declare none. Only scripts that point to
 * one language (or a clear pair) are used: Hangul is Korean; kana is Japanese; Han without kana is Chinese;
 * Cyrillic is Ukrainian when it has the letters only Ukrainian uses among the two (і, ї, є, ґ), otherwise Russian.
 * Latin and other scripts give no guess.
 */
public final class ScriptLanguage {
    /** Letters needed before any guess is made, so a stray word does not decide. */
    private static final int MIN_LETTERS = 20;

    private ScriptLanguage() {
    }

    /** "ko", "ja", "zh", "uk", "ru", or null when the text is mostly in another script or too short. */
    public static String guess(String text) {
        if (text == null) {
            return null;
        }
        int letters = 0;
        int cyrillic = 0;
        int ukrainian = 0;
        int hangul = 0;
        int han = 0;
        int kana = 0;
        for (int i = 0, len = text.length(); i < len; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            if (cp < 0x0400) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case CYRILLIC -> {
                    cyrillic++;
                    switch (cp) {
                        case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ' -> ukrainian++;
                        default -> {
                        }
                    }
                }
                case HANGUL -> hangul++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                default -> {
                }
            }
        }
        if (letters < MIN_LETTERS) {
            return null;
        }
        int cjk = hangul + han + kana;
        if (cjk * 2 >= letters) {
            if (hangul >= han + kana) {
                return "ko";
            }
            return kana * 10 >= cjk ? "ja" : "zh";
        }
        if (cyrillic * 2 >= letters) {
            // one Ukrainian-only letter per few hundred would be a quoted word; Ukrainian prose has them every line
            return ukrainian * 200 >= cyrillic ? "uk" : "ru";
        }
        return null;
    }
}
