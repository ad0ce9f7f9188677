package io.newswatch.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Newswatch.class.getPackage().getImplementationVersion();
        return new String[] {"newswatch " + (v == null ? "development build" : v)};
    }
}
