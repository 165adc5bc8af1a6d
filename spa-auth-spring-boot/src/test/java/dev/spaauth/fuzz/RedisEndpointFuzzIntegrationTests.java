package dev.spaauth.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.spaauth.testapp.PrivateRedis;

/**
 * The endpoint fuzzer against sessions and throttle counts in Redis (a private {@code redis-server}),
 * accounts in H2: every property of {@link EndpointFuzzIntegrationTests}, on a third of its tries.
 */
class RedisEndpointFuzzIntegrationTests extends EndpointFuzzIntegrationTests {

	private static final String NAMESPACE = "spa-auth-fuzz";

	private PrivateRedis redis;

	@Override
	FuzzTarget startTarget() {
		try {
			this.redis = PrivateRedis.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return FuzzTarget.start(List.of("--spa-auth.session.store=redis", "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + this.redis.port(), "--spring.session.data.redis.namespace=" + NAMESPACE,
				"--spring.datasource.url=jdbc:h2:mem:spa-auth-fuzz-redis;DB_CLOSE_DELAY=-1"),
				(context) -> () -> sessions(context.getBean(RedisConnectionFactory.class)));
	}

	@Override
	double share() {
		return 0.3;
	}

	@Override
	@AfterAll
	void stop() {
		super.stop();
		if (this.redis != null) {
			this.redis.close();
		}
	}

	/** The sessions in Redis: the hashes {@code <namespace>:sessions:<id>}, not their expiry keys. */
	private static long sessions(RedisConnectionFactory factory) {
		try (RedisConnection connection = factory.getConnection()) {
			Set<byte[]> keys = connection.keyCommands()
				.keys((NAMESPACE + ":sessions:*").getBytes(StandardCharsets.UTF_8));
			return (keys == null) ? 0 : keys.stream()
				.filter((key) -> !new String(key, StandardCharsets.UTF_8).contains(":sessions:expires:"))
				.count();
		}
	}

}
