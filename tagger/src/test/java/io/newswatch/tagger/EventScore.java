package io.newswatch.tagger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Scores predicted violation events against labelled ones, page by page, and adds the counts up over a corpus.
 *
 * <p>An event is found when a prediction has the same commodity, source and destination as a labelled event on the
 * same page ({@link ExpectedEvent#key()}); each labelled event pairs with at most one prediction. Where a page has
 * several labelled events under one key, a prediction pairs with the one it agrees with most (amount, status,
 * places), so the pairing does not understate the finer measures. On the pairs: the amount is right when both
 * numbers are equal or both absent (the unit is free text in the page's language and is not compared); the status
 * is right when equal. Places are scored over all events: a place counts as found only on a pair, so the places of a
 * missed event are missed and those of an invented event are extra.
 *
 * <p>Every figure is a number, never NaN: a precision or recall over nothing is 1 (as in {@link QualityReport}) and
 * an accuracy over no pairs is 0, so a tagger that predicts no events scores F1 0 and recall 0.
 */
final class EventScore {
    final QualityReport.Counts events = new QualityReport.Counts();
    final QualityReport.Counts places = new QualityReport.Counts();
    int expected;
    int predicted;
    int matched;
    int amountRight;
    int statusRight;

    /** Scores one page's predicted events against its labelled ones and adds the counts to this score. */
    void add(List<ExpectedEvent> labelled, List<ExpectedEvent> predictions) {
        expected += labelled.size();
        predicted += predictions.size();
        boolean[] taken = new boolean[labelled.size()];
        for (ExpectedEvent p : predictions) {
            int best = -1;
            int bestAgreement = -1;
            for (int i = 0; i < labelled.size(); i++) {
                if (!taken[i] && labelled.get(i).key().equals(p.key())) {
                    int agreement = agreement(labelled.get(i), p);
                    if (agreement > bestAgreement) {
                        best = i;
                        bestAgreement = agreement;
                    }
                }
            }
            if (best < 0) {
                events.fp++;
                places.fp += p.foldedPlaces().size();
                continue;
            }
            taken[best] = true;
            ExpectedEvent e = labelled.get(best);
            events.tp++;
            matched++;
            amountRight += Objects.equals(e.amount(), p.amount()) ? 1 : 0;
            statusRight += ExpectedEvent.fold(e.status()).equals(ExpectedEvent.fold(p.status())) ? 1 : 0;
            Set<String> want = new HashSet<>(e.foldedPlaces());
            for (String place : p.foldedPlaces()) {
                if (want.remove(place)) {
                    places.tp++;
                } else {
                    places.fp++;
                }
            }
            places.fn += want.size();
        }
        for (int i = 0; i < labelled.size(); i++) {
            if (!taken[i]) {
                events.fn++;
                places.fn += labelled.get(i).foldedPlaces().size();
            }
        }
    }

    private static int agreement(ExpectedEvent e, ExpectedEvent p) {
        List<String> shared = new ArrayList<>(e.foldedPlaces());
        shared.retainAll(p.foldedPlaces());
        return (Objects.equals(e.amount(), p.amount()) ? 2 : 0)
                + (ExpectedEvent.fold(e.status()).equals(ExpectedEvent.fold(p.status())) ? 2 : 0) + shared.size();
    }

    double amountAccuracy() {
        return matched == 0 ? 0 : (double) amountRight / matched;
    }

    double statusAccuracy() {
        return matched == 0 ? 0 : (double) statusRight / matched;
    }

    /** One line with every event figure; says so plainly when nothing was predicted. */
    String summary() {
        String accuracy = matched == 0 ? "n/a (0 matched)" : null;
        return String.format("events F1 %.3f (P %s, R %.3f; %d expected, %d predicted, %d matched), "
                        + "amount accuracy %s, places F1 %.3f, status accuracy %s",
                events.f1(), predicted == 0 ? "n/a" : String.format("%.3f", events.precision()), events.recall(),
                expected, predicted, matched,
                accuracy != null ? accuracy : String.format("%.3f", amountAccuracy()),
                places.f1(),
                accuracy != null ? accuracy : String.format("%.3f", statusAccuracy()));
    }
}
