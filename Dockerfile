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

# ---- run: a JRE, as a non-root user --------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system portal \
    && useradd --system --gid portal --home-dir /app --no-create-home portal \
    && mkdir -p /app/data \
    && chown -R portal:portal /app
WORKDIR /app
COPY --from=build --chown=portal:portal /src/app.jar /app/app.jar
# Times on pages (login log) and in the log are shown in the JVM's time zone.
ENV TZ=Asia/Shanghai
USER portal
EXPOSE 8080
# Without PORTAL_DB_URL the portal uses the embedded H2 database under /app/data (with demo data);
# docker-compose.yml points it at PostgreSQL.
ENTRYPOINT ["java","-jar","/app/app.jar"]
