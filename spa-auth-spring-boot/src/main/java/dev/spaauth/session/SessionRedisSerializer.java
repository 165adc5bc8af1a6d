package dev.spaauth.session;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Spring Session Data Redis's serializer of session attributes: {@link SessionJson}, so no Java
 * deserialization of what is read from Redis.
 */
public final class SessionRedisSerializer implements RedisSerializer<Object> {

	private final SessionJson json;

	/**
	 * Creates the serializer.
	 * @param json writes and reads the attributes
	 */
	public SessionRedisSerializer(SessionJson json) {
		this.json = json;
	}

	@Override
	public byte @Nullable [] serialize(@Nullable Object value) {
		return (value != null) ? this.json.write(value) : null;
	}

	@Override
	public @Nullable Object deserialize(byte @Nullable [] bytes) {
		return (bytes != null && bytes.length > 0) ? this.json.read(bytes) : null;
	}

}
