package io.newswatch.streams.replay;

/** A replay stopped because it was cancelled (Ctrl-C); what it had written was removed. */
public final class ReplayCancelledException extends RuntimeException {
    public ReplayCancelledException() {
        super("replay cancelled");
    }
}
