# syntax=docker/dockerfile:1
# ExamPortal container image: build with the .NET 10 SDK, run on the ASP.NET Core 10 runtime.
# .NET 10 images are Ubuntu 24.04 ("noble") based.

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Restore first (cached while only sources change).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ExamPortal.Domain/ExamPortal.Domain.csproj src/ExamPortal.Domain/
COPY src/ExamPortal.Web/ExamPortal.Web.csproj src/ExamPortal.Web/
RUN dotnet restore src/ExamPortal.Web/ExamPortal.Web.csproj

COPY src/ src/
RUN dotnet publish src/ExamPortal.Web/ExamPortal.Web.csproj -c Release --no-restore -o /app \
    -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
# CJK font for generated PDFs; ICU and time-zone data for China time.
USER root
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        fonts-wqy-microhei fontconfig tzdata libicu74 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    TZ=Asia/Shanghai
EXPOSE 8080
# Non-root user provided by the .NET images.
USER $APP_UID
ENTRYPOINT ["dotnet", "ExamPortal.Web.dll"]
