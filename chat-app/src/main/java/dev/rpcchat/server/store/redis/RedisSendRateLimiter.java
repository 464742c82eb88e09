package dev.rpcchat.server.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.rpcchat.server.message.ClockTimeMeter;
import dev.rpcchat.server.message.SendRateLimiter;
import dev.rpcchat.server.store.Names;

/**
 * A {@link SendRateLimiter} whose token buckets live in Redis (Bucket4j's Lettuce
 * backend, compare-and-swap), so that a user's rate holds across every instance: a
 * capacity of {@code burst}, refilled greedily at {@code perSecond}.
 */
class RedisSendRateLimiter implements SendRateLimiter, DisposableBean {

	private final LettuceConnectionFactory connectionFactory;

	private final RedisKeys keys;

	private final Supplier<BucketConfiguration> configuration;

	private final TimeMeter timeMeter;

	private StatefulConnection<byte[], byte[]> connection;

	private ProxyManager<byte[]> buckets;

	/**
	 * Creates the limiter; it connects on first use.
	 * @param connectionFactory the application's Lettuce connection factory, whose client
	 * it shares
	 * @param keys the names of the keys
	 * @param perSecond the sustained rate, positive
	 * @param burst the sends allowed at once
	 * @param clock the time source of the buckets
	 */
	RedisSendRateLimiter(LettuceConnectionFactory connectionFactory, RedisKeys keys, int perSecond, int burst,
			Clock clock) {
		this.connectionFactory = connectionFactory;
		this.keys = keys;
		BucketConfiguration bucket = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
			.build();
		this.configuration = () -> bucket;
		this.timeMeter = new ClockTimeMeter(clock);
	}

	@Override
	public Duration tryAcquire(String username) {
		ConsumptionProbe probe = buckets().builder()
			.build(key(username), this.configuration)
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
	}

	@Override
	public void forget(String username) {
		buckets().removeProxy(key(username));
	}

	private byte[] key(String username) {
		return this.keys.rateLimit(Names.key(username)).getBytes(StandardCharsets.UTF_8);
	}

	private synchronized ProxyManager<byte[]> buckets() {
		if (this.buckets == null) {
			AbstractRedisClient client = this.connectionFactory.getRequiredNativeClient();
			if (client instanceof RedisClusterClient cluster) {
				StatefulRedisClusterConnection<byte[], byte[]> clusterConnection = cluster
					.connect(ByteArrayCodec.INSTANCE);
				this.connection = clusterConnection;
				this.buckets = configure(Bucket4jLettuce.casBasedBuilder(clusterConnection));
			}
			else {
				StatefulRedisConnection<byte[], byte[]> standalone = ((RedisClient) client)
					.connect(ByteArrayCodec.INSTANCE);
				this.connection = standalone;
				this.buckets = configure(Bucket4jLettuce.casBasedBuilder(standalone));
			}
		}
		return this.buckets;
	}

	private ProxyManager<byte[]> configure(Bucket4jLettuce.LettuceBasedProxyManagerBuilder<byte[]> builder) {
		// A bucket left alone refills completely; after that it need not be kept.
		return builder.clientClock(this.timeMeter)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.build();
	}

	@Override
	public synchronized void destroy() {
		if (this.connection != null) {
			this.connection.close();
		}
	}

}
