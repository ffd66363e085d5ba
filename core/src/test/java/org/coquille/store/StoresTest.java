package org.coquille.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.coquille.core.PageId;
import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreDownException;
import org.coquille.spi.StoreHealth;
import org.coquille.spi.StoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the store is chosen. Core's own class path has no store artifact; each test lists the providers it needs in a
 * class loader of its own, as jars in {@code WEB-INF/lib} would.
 */
class StoresTest {

    private static final PageId PAGE = PageId.of("/news");

    @TempDir
    Path work;
    @TempDir
    Path providers;

    @Test
    void namedProviderIsUsed() {
        try (SocialStore store = Stores.open(Map.of(Stores.STORE, "memory"), work)) {
            assertThat(store).isInstanceOf(MemoryStore.class);
        }
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void memoryIsNeverChosenByDefault() {
        assertThat(new MemoryStoreProvider().claim(Map.of())).isEqualTo(StoreProvider.Claim.NONE);
    }

    @Test
    void withoutAnyStoreArtifactNothingIsAcceptedAndTheArtifactsAreNamed() {
        try (SocialStore store = Stores.open(Map.of(), work, getClass().getClassLoader())) {
            assertThat(store).isNotInstanceOf(MemoryStore.class);
            assertThat(StoreHealth.of(store).isDown()).as("known down: pages go out untouched").isTrue();
            assertThat(store.describe()).contains("coquille-store-jdbc", "coquille-store-h2");
            assertThatThrownBy(() -> store.votes().putVote(PAGE, "alice", 1, Instant.EPOCH))
                    .isInstanceOf(StoreDownException.class)
                    .hasMessageContaining("no store provider is on the class path")
                    .hasMessageContaining("org.coquille:coquille-store-jdbc")
                    .hasMessageContaining("org.coquille:coquille-store-h2");
            assertThatThrownBy(() -> store.pages().settings(PAGE)).isInstanceOf(StoreDownException.class);
        }
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void unknownNameGivesNoStoreAndListsTheProvidersFound() {
        try (SocialStore store = Stores.open(Map.of(Stores.STORE, "jdbc"), work, getClass().getClassLoader())) {
            assertThat(StoreHealth.of(store).isDown()).isTrue();
            assertThatThrownBy(() -> store.votes().vote(PAGE, "alice")).isInstanceOf(StoreDownException.class)
                    .hasMessageContaining("no store provider is named 'jdbc'").hasMessageContaining("found: memory")
                    .hasMessageContaining("coquille-store-jdbc");
        }
    }

    @Test
    void embeddedDefaultIsUsedWhenNothingElseClaimsTheSettings() throws IOException {
        int before = EmbeddedStoreProvider.OPENED.get();
        try (URLClassLoader loader = loaderListing(ConfiguredStoreProvider.class, EmbeddedStoreProvider.class);
             SocialStore store = Stores.open(Map.of(), work, loader)) {
            assertThat(store).isInstanceOf(MemoryStore.class);
        }
        assertThat(EmbeddedStoreProvider.OPENED.get()).isEqualTo(before + 1);
    }

    @Test
    void thirdPartyProviderIsPreferredToTheEmbeddedDefaultAndABrokenOneIsSkipped() throws IOException {
        int fake = FakeStoreProvider.OPENED.get();
        int embedded = EmbeddedStoreProvider.OPENED.get();
        try (URLClassLoader loader = loaderListing(EmbeddedStoreProvider.class, BrokenStoreProvider.class,
                FakeStoreProvider.class);
             SocialStore store = Stores.open(Map.of(), work, loader)) {
            assertThat(store).isInstanceOf(MemoryStore.class);
        }
        assertThat(FakeStoreProvider.OPENED.get()).isEqualTo(fake + 1);
        assertThat(EmbeddedStoreProvider.OPENED.get()).isEqualTo(embedded);
    }

    @Test
    void configuredProviderWinsOverAThirdPartyAndTheEmbeddedDefault() throws IOException {
        int configured = ConfiguredStoreProvider.OPENED.get();
        int fake = FakeStoreProvider.OPENED.get();
        try (URLClassLoader loader = loaderListing(FakeStoreProvider.class, EmbeddedStoreProvider.class,
                ConfiguredStoreProvider.class);
             SocialStore store = Stores.open(Map.of(ConfiguredStoreProvider.URL, "db://intranet"), work, loader)) {
            assertThat(store).isInstanceOf(MemoryStore.class);
        }
        assertThat(ConfiguredStoreProvider.OPENED.get()).isEqualTo(configured + 1);
        assertThat(FakeStoreProvider.OPENED.get()).isEqualTo(fake);
    }

    @Test
    void nameWinsOverEveryClaim() throws IOException {
        int embedded = EmbeddedStoreProvider.OPENED.get();
        try (URLClassLoader loader = loaderListing(ConfiguredStoreProvider.class, EmbeddedStoreProvider.class);
             SocialStore store = Stores.open(Map.of(Stores.STORE, "embedded", ConfiguredStoreProvider.URL, "db://x"),
                     work, loader)) {
            assertThat(store).isInstanceOf(MemoryStore.class);
        }
        assertThat(EmbeddedStoreProvider.OPENED.get()).isEqualTo(embedded + 1);
    }

    @Test
    void brokenProviderAskedForByNameIsReported() throws IOException {
        try (URLClassLoader loader = loaderListing(BrokenStoreProvider.class);
             SocialStore store = Stores.open(Map.of(Stores.STORE, "broken"), work, loader)) {
            assertThatThrownBy(() -> store.votes().vote(PAGE, "alice")).isInstanceOf(StoreDownException.class)
                    .hasMessageContaining("'broken'").hasMessageContaining("1 could not be loaded")
                    .hasMessageContaining(BrokenStoreProvider.class.getName());
        }
    }

    /** A class loader whose {@code META-INF/services} lists {@code providers}, on top of the test's own. */
    private URLClassLoader loaderListing(Class<?>... listed) throws IOException {
        Path root = Files.createTempDirectory(providers, "loader");
        Path services = Files.createDirectories(root.resolve("META-INF/services"));
        StringBuilder listing = new StringBuilder();
        for (Class<?> provider : listed) {
            listing.append(provider.getName()).append('\n');
        }
        Files.writeString(services.resolve(StoreProvider.class.getName()), listing);
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, getClass().getClassLoader());
    }
}
