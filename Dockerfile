# One image for every newswatch service; the command picks the service (ingest, streams, alerts, console, run, ...).
#   docker build -t newswatch .
#   docker run --rm newswatch --help
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The dependencies first, from the POMs alone: a change to the sources then rebuilds only the last layers.
COPY pom.xml ./
COPY model/pom.xml model/
COPY broker/pom.xml broker/
COPY ingest/pom.xml ingest/
COPY tagger/pom.xml tagger/
COPY streams/pom.xml streams/
COPY alerts/pom.xml alerts/
COPY console/pom.xml console/
COPY cli/pom.xml cli/
COPY benchmarks/pom.xml benchmarks/
# (best effort: what it misses, such as the plugins' own late dependencies, the package step fetches)
RUN mvn -B -q -ntp dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN mvn -B -q -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/cli/target/newswatch.jar /app/newswatch.jar
COPY --from=build /src/cli/target/lib /app/lib
COPY rules /app/rules
COPY config /app/config
# A writable home: `run` and `broker` keep their embedded broker's data under ~/.newswatch.
RUN useradd --system --create-home --home-dir /home/newswatch newswatch && mkdir -p /data && chown newswatch /data
USER newswatch
ENV NEWSWATCH_STREAMS_STATE_DIR=/data/streams \
    NEWSWATCH_ALERTS_FILE=/data/alerts.jsonl \
    NEWSWATCH_JAVA_OPTS=-Xmx512m
# Through a shell, so that NEWSWATCH_JAVA_OPTS (heap, -D options) reaches the JVM as it does with bin/newswatch.
ENTRYPOINT ["sh", "-c", "exec java $NEWSWATCH_JAVA_OPTS -cp '/app/newswatch.jar:/app/lib/*' io.newswatch.cli.Newswatch \"$@\"", "newswatch"]
CMD ["--help"]
