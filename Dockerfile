# syntax=docker/dockerfile:1

# ---- build: the Maven wrapper on a full JDK -----------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
# The cache mount keeps downloaded dependencies between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -DskipTests package \
    && cp target/union-portal-*.jar /src/app.jar
# Layers (issue 14): dependencies change rarely, the application often; each is an image layer,
# so a rebuild after a code change ships only the last one.
RUN java -Djarmode=tools -jar /src/app.jar extract --layers --launcher --destination /src/extracted

# ---- run: a JRE, as a non-root user --------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system portal \
    && useradd --system --gid portal --home-dir /app --no-create-home portal \
    && mkdir -p /app/data \
    && chown -R portal:portal /app
WORKDIR /app
COPY --from=build --chown=portal:portal /src/extracted/dependencies/ ./
COPY --from=build --chown=portal:portal /src/extracted/spring-boot-loader/ ./
COPY --from=build --chown=portal:portal /src/extracted/snapshot-dependencies/ ./
COPY --from=build --chown=portal:portal /src/extracted/application/ ./
# Time zone and locale of the JVM (and so of each PostgreSQL session the driver opens).
ENV TZ=Asia/Shanghai \
    PORTAL_TIME_ZONE=Asia/Shanghai \
    PORTAL_LOCALE=zh-CN \
    LANG=C.UTF-8
# JVM memory follows the container's limit: heap 75 % of it, the rest for metaspace, threads,
# direct buffers and the import's spreadsheet reader. Override with JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8"
USER portal
# 8080: the portal; 8081: health, info and metrics (bound to 127.0.0.1 in the container unless
# PORTAL_MANAGEMENT_ADDRESS=0.0.0.0 for a Prometheus on the same network; never publish it).
EXPOSE 8080
# Ready = database reachable, migrations applied, start-up data loaded (readiness group).
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORTAL_MANAGEMENT_PORT:-8081} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
# Without PORTAL_DB_URL the portal uses the embedded H2 database under /app/data (with demo data);
# docker-compose.yml points it at PostgreSQL. SIGTERM stops it gracefully (requests in flight end).
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
