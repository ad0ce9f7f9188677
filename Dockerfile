# One image for every newswatch service; the command picks the service (ingest, streams, alerts, run, ...).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/cli/target/newswatch.jar /app/newswatch.jar
COPY --from=build /src/cli/target/lib /app/lib
COPY rules /app/rules
COPY config /app/config
RUN useradd --system --home /app newswatch && mkdir -p /data && chown newswatch /data
USER newswatch
ENV NEWSWATCH_STREAMS_STATE_DIR=/data/streams \
    NEWSWATCH_ALERTS_FILE=/data/alerts.jsonl
ENTRYPOINT ["java", "-Xmx512m", "-cp", "/app/newswatch.jar:/app/lib/*", "io.newswatch.cli.Newswatch"]
CMD ["--help"]
