# One image holds the three apps; APP chooses which one runs (binder-app, chat-app or shell-client).
#   docker build -t rpc-chat .
#   docker run --rm -p 5000:5000 -e APP=binder-app rpc-chat

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
# Dependencies first, so a code change does not download them again.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY chat-api/pom.xml chat-api/
COPY rpc-support/pom.xml rpc-support/
COPY binder-app/pom.xml binder-app/
COPY chat-app/pom.xml chat-app/
COPY shell-client/pom.xml shell-client/
COPY bench/pom.xml bench/
RUN ./mvnw -B -q -pl chat-api,rpc-support dependency:go-offline || true
COPY . .
RUN ./mvnw -B -q package -DskipTests \
 && mkdir /out \
 && cp binder-app/target/binder-app-*-exec.jar /out/binder-app.jar \
 && cp chat-app/target/chat-app-*-exec.jar /out/chat-app.jar \
 && cp shell-client/target/shell-client-*-exec.jar /out/shell-client.jar

FROM eclipse-temurin:21-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app rpcchat
WORKDIR /app
COPY --from=build /out/ /app/
COPY config/ /app/config/
USER rpcchat
ENV APP=chat-app \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 5000 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/$APP.jar \"$@\"", "--"]
