# syntax=docker/dockerfile:1
# tsfm-streams image: one self-contained jar; the picocli subcommand is the container command
#   docker build -t tsfm-streams .
#   docker run --rm tsfm-streams --help
# docker-compose.yml runs `run`, `forecaster` and `simulate` from this image.

# ---- build: compile and shade the jar (tests run in CI, not here) ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
# the cache mount keeps ~/.m2 between builds (BuildKit, the default builder of docker compose)
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -DskipTests package

# ---- runtime: JRE only, non-root ----
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 tsfm \
    && useradd --system --uid 10001 --gid tsfm --home-dir /app --no-create-home --shell /usr/sbin/nologin tsfm \
    && mkdir -p /app /var/lib/tsfm/state \
    && chown -R tsfm:tsfm /app /var/lib/tsfm
COPY --from=build --chown=tsfm:tsfm /build/target/tsfm-streams.jar /app/tsfm-streams.jar
WORKDIR /app
USER tsfm
# /var/lib/tsfm/state: Kafka Streams state.dir in docker-compose.yml (TSFM_STATE_DIR); an empty named
# volume mounted there takes this directory's owner, so the non-root user can write it
# 8080: ops HTTP server of `run` (/metrics); 11435: `forecaster`
EXPOSE 8080 11435
ENTRYPOINT ["java","-jar","/app/tsfm-streams.jar"]
CMD ["run"]
