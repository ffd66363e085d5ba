package org.coquille.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;

/** Serves Coquille's script and stylesheet from the classpath, cached long when the URL carries the version. */
final class StaticAssets {

    private record Asset(String type, byte[] bytes, String etag) { }

    private final Map<String, Asset> assets;
    private final String version;

    StaticAssets(String version) {
        this.version = version;
        this.assets = Map.of(
                "coquille.js", load("coquille.js", "text/javascript; charset=utf-8"),
                "coquille.css", load("coquille.css", "text/css; charset=utf-8"),
                "console.js", load("console.js", "text/javascript; charset=utf-8"),
                "console.css", load("console.css", "text/css; charset=utf-8"));
    }

    HttpResponse serve(HttpRequest request, String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            return null;
        }
        boolean versioned = version.equals(request.parameter("v"));
        String cache = versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600";
        if (asset.etag().equals(request.header("If-None-Match"))) {
            return new HttpResponse(304, List.of(Map.entry("ETag", asset.etag()), Map.entry("Cache-Control", cache)),
                    new byte[0]);
        }
        return new HttpResponse(200, List.of(Map.entry("Content-Type", asset.type()), Map.entry("Cache-Control", cache),
                Map.entry("ETag", asset.etag()), Map.entry("X-Content-Type-Options", "nosniff")), asset.bytes());
    }

    private Asset load(String name, String type) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/org/coquille/static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Coquille's asset " + name + " is missing from the jar");
            }
            byte[] bytes = in.readAllBytes();
            return new Asset(type, bytes, "\"" + version + "-" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
