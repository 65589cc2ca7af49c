# Builds the application jar from this repository and runs it on a Java 17 runtime.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY . .
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --home /app pangea && chown pangea /app
COPY --from=build /src/target/pangea-graph-*.jar /app/pangea-graph.jar
USER pangea
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/pangea-graph.jar"]
