package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One breach of the sanctions on North Korea or Russia that a text asserts or warns of: what moved, from which state
 * to which, how much, by which ship and route, which UN Security Council resolution it breaks, and whether it
 * happened. A text yields one per distinct (commodity, from, to), merging the facts of all its sentences; the
 * tagger produces them only for texts tagged {@code sanctions-violation}.
 *
 * <p>Not events: sanctions imposed or voted, lawful trade, exemptions, transfers explicitly said not to have
 * happened, transfers no sanctions regime prohibits.
 *
 * @param commodity   one of {@link #COMMODITIES}
 * @param from        ISO 3166 alpha-2 of the supplying (for workers and troops, the sending) state; null when unsaid
 * @param to          ISO 3166 alpha-2 of the receiving (host) state; null when unsaid
 * @param amount      the largest number stated for the transfer ("more than 1,000 containers" gives 1000); null for
 *                    vague quantities ("hundreds of thousands")
 * @param unit        the counted noun, singular and lower case ("container"); null without an amount
 * @param places      ports, cities, regions and facilities named as the route or the site, as written
 * @param vessels     ship names as written
 * @param imo         7-digit IMO numbers
 * @param resolutions UN Security Council resolution numbers cited about the event ("2397")
 * @param status      {@value #ASSERTED} (the text or a source it cites says it happened, denied allegations
 *                    included) or {@value #POSSIBLE} (warned of, planned, feared, hypothetical)
 * @param attribution who says so, as written; null when the text does not say
 * @param evidence    the sentence that states it, with its offsets in the text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ViolationEvent(String commodity, String from, String to, Long amount, String unit,
                             List<String> places, List<String> vessels, List<String> imo, List<String> resolutions,
                             String status, String attribution, Span evidence) {

    public static final String ASSERTED = "asserted";
    public static final String POSSIBLE = "possible";

    /** The commodities of the contract, in the order reports list them. */
    public static final List<String> COMMODITIES = List.of("munitions", "missiles", "weapons",
            "military-technology", "petroleum", "coal", "minerals", "luxury-goods", "other-goods", "workers",
            "troops", "funds");
    private static final Set<String> KNOWN = Set.copyOf(COMMODITIES);

    /**
     * Where a fact was stated.
     *
     * @param text  the sentence
     * @param start offset of its first character in the text
     * @param end   offset one past its last character
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Span(String text, int start, int end) {
    }

    public ViolationEvent {
        if (commodity == null || !KNOWN.contains(commodity)) {
            throw new IllegalArgumentException("unknown commodity '" + commodity + "'; expected one of "
                    + COMMODITIES);
        }
        status = status == null ? ASSERTED : status;
        if (!status.equals(ASSERTED) && !status.equals(POSSIBLE)) {
            throw new IllegalArgumentException("event status must be asserted or possible, not '" + status + "'");
        }
        places = places == null ? List.of() : List.copyOf(places);
        vessels = vessels == null ? List.of() : List.copyOf(vessels);
        imo = imo == null ? List.of() : List.copyOf(imo);
        resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
    }

    /**
     * The one-line summary receivers show under an alert, such as
     * {@code KP → RU · munitions · 1,000 containers · Najin → Dunay · asserted (the White House)}. Parts the text
     * did not state are left out; an unknown state shows as {@code ?}.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add((from == null ? "?" : from) + " → " + (to == null ? "?" : to));
        parts.add(commodity);
        if (amount != null) {
            parts.add(amountText(amount, unit));
        }
        if (!places.isEmpty()) {
            parts.add(String.join(" → ", places));
        }
        if (!vessels.isEmpty()) {
            parts.add(String.join(", ", vessels));
        }
        if (!resolutions.isEmpty()) {
            parts.add("UNSCR " + String.join(", ", resolutions));
        }
        parts.add(attribution == null || attribution.isBlank() ? status : status + " (" + attribution + ")");
        return String.join(" · ", parts);
    }

    /**
     * An amount as the summary writes it: grouped digits, then the unit in the plural the number needs
     * ({@code 1,000 containers}, {@code 1 tonne}); null without an amount.
     */
    public static String amountText(Long amount, String unit) {
        if (amount == null) {
            return null;
        }
        String n = NumberFormat.getIntegerInstance(Locale.ROOT).format(amount);
        return unit == null ? n : n + " " + plural(unit, amount);
    }

    private static String plural(String noun, long n) {
        if (n == 1 || noun.endsWith("s")) {
            return noun;
        }
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh") ? noun + "es" : noun + "s";
    }
}
