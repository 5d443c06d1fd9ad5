package se.fragafacket.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Per-member rate limits counted in the store, so a member gets the limit once across all instances rather than
 * once on each: Bucket4j buckets kept in {@code rate_limit_bucket}, each changed under a PostgreSQL advisory
 * lock. A limiter asks for its member's bucket by a key that names the limit and the member (e.g.
 * {@code "telegram:" + chatId}); where this bean is absent (the file mode) the limiters keep their buckets in memory
 * ({@code LocalBucketStore}). Every limit (HTTP chat, WebSocket, Telegram, staff logins) counts across instances.
 */
@Component
@ConditionalOnProperty(name = StoreEnvironment.PROPERTY, havingValue = StoreEnvironment.POSTGRES)
public class SharedRateLimits implements se.fragafacket.limits.BucketStore {

    private final PostgreSQLadvisoryLockBasedProxyManager<String> buckets;

    public SharedRateLimits(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .lockIdSupplier(SharedRateLimits::lockId)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // a bucket is forgotten once it would be full again anyway
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** The member's bucket under {@code key}, made with {@code configuration} the first time it is used. */
    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.builder().build(key, configuration);
    }

    /** Deletes up to {@code batch} buckets past their expiry; returns how many went. */
    public int removeExpired(int batch) {
        return buckets.removeExpired(batch);
    }

    /** A 64-bit advisory lock id from the key (FNV-1a), apart from the service's other advisory locks by chance only. */
    private static long lockId(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
