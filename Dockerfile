# One image holds the three apps; APP chooses which one runs (binder-app, chat-app or shell-client).
#   docker build -t rpc-chat .
#   docker run --rm -p 5000:5000 -e APP=binder-app rpc-chat
#   docker run --rm -p 8080:8080 -e APP=chat-app -e CHAT_BINDER_URL=http://BINDER-HOST:5000/rpc \
#     -e CHAT_ADVERTISED_ADDRESS=THIS-HOST rpc-chat
#   docker run --rm -it -e APP=shell-client -e CHAT_BINDER_URL=http://BINDER-HOST:5000/rpc rpc-chat
# Needs BuildKit (the default builder of Docker 23+; Podman and Buildah also understand the cache mount).

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
# ~/.m2 (the Maven the wrapper downloads, and every dependency) is a build cache kept between builds,
# so a code change does not download them again.
RUN --mount=type=cache,target=/root/.m2 \
    sh ./mvnw -B -q -pl binder-app,chat-app,shell-client -am package -DskipTests \
 && mkdir /out \
 && cp binder-app/target/binder-app-*-exec.jar /out/binder-app.jar \
 && cp chat-app/target/chat-app-*-exec.jar /out/chat-app.jar \
 && cp shell-client/target/shell-client-*-exec.jar /out/shell-client.jar

FROM eclipse-temurin:21-jre
# curl is for the health checks (a no-op where the base image already has it).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 rpcchat \
 && useradd --system --uid 10001 --gid rpcchat --home-dir /app --no-create-home --shell /usr/sbin/nologin rpcchat
WORKDIR /app
COPY --from=build /out/ /app/
# The apps read ./config/<app>.yml when present: mount your own over these to change settings.
COPY config/ /app/config/
USER 10001:10001
ENV APP=chat-app \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
# binder-app listens on 5000; chat-app on 8080 here (SERVER_PORT changes it), instead of a random port.
EXPOSE 5000 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD case "$APP" in \
        binder-app) port="${SERVER_PORT:-5000}" ;; \
        chat-app) port="${SERVER_PORT:-8080}" ;; \
        *) exit 0 ;; \
      esac; \
      curl -fsS -o /dev/null "http://localhost:$port/actuator/health/readiness" || exit 1
ENTRYPOINT ["sh", "-c", "if [ \"$APP\" = chat-app ]; then export SERVER_PORT=\"${SERVER_PORT:-8080}\"; fi; exec java $JAVA_OPTS -jar \"/app/$APP.jar\" \"$@\"", "--"]
