# syntax=docker/dockerfile:1
# tsfm-streams images; the picocli subcommand is the container command
#   docker build -t tsfm-streams .                       the service (default target): run, topology, config-docs
#   docker build --target tools -t tsfm-streams-tools .  the all-in-one jar: the service and every tool
#   docker run --rm tsfm-streams --help
# docker-compose.yml runs `run` from the service image, `forecaster` and `simulate` from the tools image.

# ---- build: compile and shade both jars (tests run in CI, not here) ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
# the cache mount keeps ~/.m2 between builds (BuildKit, the default builder of docker compose)
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -DskipTests package

# ---- runtime base: JRE only, non-root ----
FROM eclipse-temurin:17-jre AS runtime
RUN groupadd --system --gid 10001 tsfm \
    && useradd --system --uid 10001 --gid tsfm --home-dir /app --no-create-home --shell /usr/sbin/nologin tsfm \
    && mkdir -p /app /var/lib/tsfm/state \
    && chown -R tsfm:tsfm /app /var/lib/tsfm
WORKDIR /app
# /var/lib/tsfm/state: Kafka Streams state.dir in docker-compose.yml (TSFM_STATE_DIR); an empty named
# volume mounted there takes this directory's owner, so the non-root user can write it

# ---- tools: the all-in-one jar (forecaster, simulate, demo, replay, backtest, evaluate, broker, bench) ----
FROM runtime AS tools
COPY --from=build --chown=tsfm:tsfm /build/target/tsfm-streams.jar /app/tsfm-streams.jar
USER tsfm
# 11435: `forecaster`
EXPOSE 11435
ENTRYPOINT ["java","-jar","/app/tsfm-streams.jar"]
CMD ["--help"]

# ---- service (the default target, last): the service jar only, no broker and no tools ----
FROM runtime AS service
COPY --from=build --chown=tsfm:tsfm /build/target/tsfm-streams-service.jar /app/tsfm-streams-service.jar
USER tsfm
# 8080: ops HTTP server of `run` (/metrics, health)
EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/tsfm-streams-service.jar"]
CMD ["run"]
