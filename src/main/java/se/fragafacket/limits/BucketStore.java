package se.fragafacket.limits;

import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where the limiters' token buckets live, one per key ("http-chat:203.0.113.7", "telegram:42", …).
 * <p>
 * The default, {@link LocalBucketStore}, keeps them in this process's memory. Several instances sharing one
 * database can declare their own {@code BucketStore} bean backed by one of Bucket4j's JDBC proxy managers
 * ({@code bucket4j_jdk17-postgresql}: {@code proxyManager.builder().build(key, configuration)} returns a
 * {@link Bucket} too), and every limit (HTTP chat, WebSocket, Telegram, staff logins) then counts across them.
 */
public interface BucketStore {

    /** The bucket for {@code key}, made with {@code configuration} the first time it is asked for. */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);
}
