package dev.fedbroker.saml;

import dev.fedbroker.saml.SamlValidationException.Problem;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.saml.internal.MetadataFailures;
import dev.fedbroker.saml.internal.MetadataLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IdP's metadata, kept current: loaded from text, a file or a URL when built, then reloaded when
 * {@link #refreshIfDue()} finds the refresh interval elapsed on the injected clock. A refresh that fails (network,
 * HTTP status, size, garbage, a bad signature, another entity id) keeps the last good copy, is reported by
 * {@link #status()} and logged at WARN (never with the document's content), and is retried after the retry interval.
 * A signing certificate added to the metadata is trusted from the next refresh on, and a removed one stops being
 * trusted then: Azure AD certificate rollover needs no restart.
 *
 * <p>No thread of its own: {@link ServiceProvider} calls {@link #refreshIfDue()} on each validation (cheap until a
 * refresh is due; then that one call loads, while concurrent calls keep using the current copy), or the host calls it
 * from its own scheduler, or the host passes a {@link java.util.concurrent.ScheduledExecutorService} to
 * {@link Builder#scheduler} and the validation path never blocks on a load. With a URL and no scheduler, the request
 * that finds a refresh due waits for the download (bounded by the timeouts).
 *
 * <pre>{@code
 * MetadataSource azure = MetadataSource.fromUrl(URI.create(
 *         "https://login.microsoftonline.com/<tenant>/federationmetadata/2007-06/federationmetadata.xml?appid=<app>"))
 *     .refreshInterval(Duration.ofHours(6)).clock(clock).build();
 * ServiceProvider sp = ServiceProvider.builder().identityProvider(azure)...build();
 * }</pre>
 *
 * <p>Immutable configuration, atomically replaced immutable snapshots: thread-safe.
 */
public final class MetadataSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataSource.class);

    /** One immutable view: the trusted IdP and how it was obtained. */
    private record State(IdentityProvider idp, byte[] digest, MetadataStatus status) { }

    private final MetadataLoader loader;
    private final MetadataSourceSettings settings;
    private final String expectedEntityId;
    private final AtomicReference<State> state = new AtomicReference<>();
    private final AtomicBoolean loading = new AtomicBoolean();
    private final ScheduledFuture<?> scheduled;

    MetadataSource(MetadataLoader loader, MetadataSourceSettings settings) {
        this.loader = loader;
        this.settings = settings;
        Instant now = settings.clock().instant();
        byte[] bytes = loader.load();
        IdentityProvider idp = parse(bytes);
        this.expectedEntityId = settings.expectedEntityId().orElse(idp.entityId());
        checkEntityId(idp);
        state.set(new State(idp, sha256(bytes), new MetadataStatus(loader.describe(), now, now,
                now.plus(settings.refreshInterval()), 0, Optional.empty(), idp.signingCertificates().size())));
        this.scheduled = settings.scheduler().map(s -> s.scheduleWithFixedDelay(this::refreshIfDue,
                settings.checkEvery().toMillis(), settings.checkEvery().toMillis(),
                TimeUnit.MILLISECONDS)).orElse(null);
    }

    /** A source for metadata text (mainly for tests; it never changes). */
    public static Builder fromString(String xml) {
        return new Builder(Builder.Kind.TEXT, Objects.requireNonNull(xml, "xml"), null, null);
    }

    /** A source that reads this file on every refresh (e.g. one a deployment tool replaces). */
    public static Builder fromFile(Path file) {
        return new Builder(Builder.Kind.FILE, null, Objects.requireNonNull(file, "file"), null);
    }

    /** A source that downloads this URL (https only, unless {@link Builder#allowHttp(boolean)}). */
    public static Builder fromUrl(URI url) {
        return new Builder(Builder.Kind.URL, null, null, Objects.requireNonNull(url, "url"));
    }

    /** The trusted IdP of the last good copy. */
    public IdentityProvider current() {
        return state.get().idp();
    }

    /** How the last attempt went and when the next is due. */
    public MetadataStatus status() {
        return state.get().status();
    }

    /**
     * Reloads when the refresh (or, after a failure, retry) interval has elapsed on the clock; otherwise returns at
     * once. Never throws: failures are kept in {@link #status()}. Returns whether a load was attempted by this call.
     */
    public boolean refreshIfDue() {
        if (settings.clock().instant().isBefore(state.get().status().nextAttempt())) {
            return false;
        }
        return load();
    }

    /**
     * Reloads now, whatever the interval (e.g. after an operator rotated the IdP certificate), and reports how; when
     * another thread is loading at that moment, returns the status without a second load.
     */
    public MetadataStatus refresh() {
        load();
        return status();
    }

    /** What validation reads: refreshes inline unless a scheduler does it. */
    IdentityProvider currentForValidation() {
        if (scheduled == null) {
            refreshIfDue();
        }
        return current();
    }

    /** Stops the scheduled refresh, if a scheduler was given (the executor itself belongs to the host). */
    @Override
    public void close() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    private boolean load() {
        if (!loading.compareAndSet(false, true)) {
            return false; // another thread is loading; everyone else keeps using the current copy
        }
        try {
            State before = state.get();
            Instant now = settings.clock().instant();
            try {
                byte[] bytes = loader.load();
                byte[] digest = sha256(bytes);
                IdentityProvider idp = MessageDigest.isEqual(digest, before.digest()) ? before.idp() : parse(bytes);
                checkEntityId(idp);
                state.set(new State(idp, digest, new MetadataStatus(loader.describe(), now, now,
                        now.plus(settings.refreshInterval()), 0, Optional.empty(), idp.signingCertificates().size())));
                if (idp != before.idp()) {
                    LOG.info("IdP metadata from {} reloaded: {} signing certificate(s) trusted (was {})",
                            loader.describe(), idp.signingCertificates().size(),
                            before.idp().signingCertificates().size());
                    idp.certificateWarnings(settings.clock()).forEach(w -> LOG.warn("{}", w.message()));
                }
            } catch (SamlValidationException e) {
                MetadataStatus s = before.status();
                Problem problem = e.problems().get(0);
                state.set(new State(before.idp(), before.digest(), new MetadataStatus(s.source(), s.loadedAt(), now,
                        now.plus(settings.retryInterval()), s.consecutiveFailures() + 1, Optional.of(problem),
                        s.signingCertificates())));
                LOG.warn("IdP metadata refresh from {} failed ({}: {}); still trusting the copy loaded at {}",
                        loader.describe(), problem.reason(), problem.message(), s.loadedAt());
            }
            return true;
        } finally {
            loading.set(false);
        }
    }

    private IdentityProvider parse(byte[] bytes) {
        try {
            if (settings.pinnedSigners().isEmpty()) {
                return IdentityProvider.fromMetadata(bytes);
            }
            SamlValidationException first = null;
            for (X509Certificate pinned : settings.pinnedSigners()) {
                try {
                    return IdentityProvider.fromMetadata(bytes, pinned);
                } catch (SamlValidationException e) {
                    first = first == null ? e : first;
                }
            }
            throw first;
        } catch (SamlValidationException e) {
            throw MetadataFailures.wrap(e, "The IdP metadata from " + loader.describe());
        } catch (IllegalArgumentException e) {
            throw new SamlValidationException(Reason.METADATA_MALFORMED, "The IdP metadata from "
                    + loader.describe() + " is not usable: " + e.getMessage(), e);
        }
    }

    private void checkEntityId(IdentityProvider idp) {
        if (expectedEntityId != null && !expectedEntityId.equals(idp.entityId())) {
            throw new SamlValidationException(Reason.METADATA_ENTITY_ID_CHANGED, "The IdP metadata from "
                    + loader.describe() + " names entity id '" + idp.entityId() + "', but '" + expectedEntityId
                    + "' is trusted. Refused: a metadata source never switches to another IdP or tenant.");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "MetadataSource[" + loader.describe() + ", " + current() + "]";
    }

    /** Configures a {@link MetadataSource}; {@link #build()} loads the metadata once. Not thread-safe. */
    public static final class Builder {
        enum Kind { TEXT, FILE, URL }

        private final Kind kind;
        private final String text;
        private final Path file;
        private final URI url;
        private Clock clock = Clock.systemUTC();
        private Duration refreshInterval = Duration.ofHours(12);
        private Duration retryInterval = Duration.ofMinutes(5);
        private final List<X509Certificate> pinned = new ArrayList<>();
        private String expectedEntityId;
        private int maxBytes = 2 << 20;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private boolean allowHttp;
        private HttpClient httpClient;
        private ScheduledExecutorService scheduler;
        private Duration checkEvery = Duration.ofMinutes(1);

        Builder(Kind kind, String text, Path file, URI url) {
            this.kind = kind;
            this.text = text;
            this.file = file;
            this.url = url;
        }

        /** The clock that judges when a refresh is due (default the system UTC clock). */
        public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v, "clock"); return this; }

        /** How long a good copy is used before reloading (default 12 hours). */
        public Builder refreshInterval(Duration v) {
            this.refreshInterval = positive(v, "refreshInterval");
            return this;
        }

        /** How long after a failed load to try again (default 5 minutes, never more than the refresh interval). */
        public Builder retryInterval(Duration v) { this.retryInterval = positive(v, "retryInterval"); return this; }

        /**
         * Require the metadata's own enveloped signature, verified against this certificate only (call again to
         * pin several, e.g. during the signer's rollover). Azure AD's federation metadata is signed with Microsoft's
         * metadata key, which Microsoft rolls over: pin only with a process to update the pin.
         */
        public Builder requireSignedBy(X509Certificate v) {
            pinned.add(Objects.requireNonNull(v, "pinned certificate"));
            return this;
        }

        /** The entity id the metadata must name (default: the one of the first load; a change is always refused). */
        public Builder expectedEntityId(String v) {
            this.expectedEntityId = Objects.requireNonNull(v, "expectedEntityId");
            return this;
        }

        /** The largest document read, in bytes (default 2 MiB; Azure's app metadata is about 25 KiB). */
        public Builder maxBytes(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("maxBytes must be positive, was " + v);
            }
            this.maxBytes = v;
            return this;
        }

        /** URL sources: TCP connect timeout (default 5 seconds). */
        public Builder connectTimeout(Duration v) { this.connectTimeout = positive(v, "connectTimeout"); return this; }

        /** URL sources: timeout for the whole response (default 15 seconds). */
        public Builder requestTimeout(Duration v) { this.requestTimeout = positive(v, "requestTimeout"); return this; }

        /** URL sources: accept plain http (default false; only for a loopback test server or a trusted network). */
        public Builder allowHttp(boolean v) { this.allowHttp = v; return this; }

        /** URL sources: the HttpClient to use (its own timeouts and redirect policy then apply for connecting). */
        public Builder httpClient(HttpClient v) {
            this.httpClient = Objects.requireNonNull(v, "httpClient");
            return this;
        }

        /**
         * Refresh from the host's executor instead of the validation path: every {@code checkEvery} the executor
         * calls {@link #refreshIfDue()} (the clock still decides). {@link MetadataSource#close()} cancels the task.
         */
        public Builder scheduler(ScheduledExecutorService executor, Duration checkEvery) {
            this.scheduler = Objects.requireNonNull(executor, "executor");
            this.checkEvery = positive(checkEvery, "checkEvery");
            return this;
        }

        /** Loads the metadata once and returns the source; a failure throws {@link SamlValidationException}. */
        public MetadataSource build() {
            MetadataLoader loader = switch (kind) {
                case TEXT -> MetadataLoader.of(text);
                case FILE -> MetadataLoader.of(file, maxBytes);
                case URL -> {
                    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                    if (!url.isAbsolute() || !(scheme.equals("https") || allowHttp && scheme.equals("http"))) {
                        throw new IllegalStateException("The metadata URL must be https (found '" + scheme + "');"
                                + " plain http only with allowHttp(true), e.g. for a loopback test server.");
                    }
                    yield MetadataLoader.of(url, Optional.ofNullable(httpClient), connectTimeout, requestTimeout,
                            maxBytes);
                }
            };
            Duration retry = retryInterval.compareTo(refreshInterval) > 0 ? refreshInterval : retryInterval;
            return new MetadataSource(loader, new MetadataSourceSettings(clock, refreshInterval, retry, pinned,
                    Optional.ofNullable(expectedEntityId), Optional.ofNullable(scheduler), checkEvery));
        }

        private static Duration positive(Duration v, String name) {
            if (Objects.requireNonNull(v, name).isNegative() || v.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + v);
            }
            return v;
        }
    }
}
