package dev.spaauth.session;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.security.jackson.SecurityJacksonModules;

import dev.spaauth.user.SpaAuthUser;

/**
 * Session attributes as JSON, never Java serialization: a value read from the session store becomes an
 * object only when its type is on an allow-list (Spring Security's Jackson modules and their
 * polymorphic type validator, plus spa-auth's principal), so a store someone can write to cannot make
 * the application instantiate arbitrary classes (OWASP Deserialization Cheat Sheet; ASVS 1.5.2). Strings
 * and numbers are stored as themselves. A value that cannot be read (stored before sessions were JSON,
 * or of a type not on the list) reads as absent: the session then carries no log-in, and the user logs
 * in again. The security context of a log-in spa-auth made is stored in a flat form ({@link StoredLogin})
 * that reads back several times faster than Spring Security's. Only Spring Security's core, web and
 * servlet modules are used: the others found on the class path (the OAuth 2.0 client's, the
 * authorization server's, LDAP, SAML, CAS) would add their types to the allow-list, among them
 * {@code java.net.URL}, whose {@code equals} and {@code hashCode} resolve host names; spa-auth keeps
 * none of their objects in a session.
 */
public final class SessionJson {

	private static final Logger logger = LoggerFactory.getLogger(SessionJson.class);

	/** Writes as an {@code Object}, so that the stored JSON names its type as reading it needs. */
	private final ObjectWriter writer;

	/** Reads as an {@code Object}, the type named in the JSON; its root deserializer found once. */
	private final ObjectReader reader;

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Creates the codec.
	 * @param classLoader loads Spring Security's Jackson modules and the allowed types
	 * @param allowedTypes the allow-list, to which spa-auth's own types are added; an application that
	 * keeps attributes of its own types in the session adds them here
	 */
	public SessionJson(ClassLoader classLoader, BasicPolymorphicTypeValidator.Builder allowedTypes) {
		allowedTypes.allowIfSubType(SpaAuthUser.class)
			.allowIfSubType(StoredLogin.class)
			// Plain values (a timestamp, a count) keep their type.
			.allowIfSubType(Long.class)
			.allowIfSubType(Integer.class)
			.allowIfSubType(Boolean.class)
			.allowIfSubType(String.class)
			// The immutable lists of List.of and List.copyOf, which the principal's roles are.
			.allowIfSubType("java.util.ImmutableCollections$ListN")
			.allowIfSubType("java.util.ImmutableCollections$List12");
		List<JacksonModule> modules = SecurityJacksonModules.getModules(new SessionModulesOnly(classLoader), allowedTypes);
		JsonMapper mapper = JsonMapper.builder()
			.addModules(modules)
			.addModule(new SimpleModule("spa-auth-session").setMixInAnnotation(SpaAuthUser.class, SpaAuthUserMixin.class))
			.build();
		this.writer = mapper.writerFor(Object.class);
		this.reader = mapper.readerFor(Object.class);
	}

	/**
	 * Writes a session attribute.
	 * @param value the attribute's value
	 * @return its JSON, UTF-8 encoded
	 * @throws JacksonException when the value cannot be written as JSON
	 */
	public byte[] write(Object value) {
		StoredLogin login = StoredLogin.of(value);
		return this.writer.writeValueAsBytes((login != null) ? login : value);
	}

	/**
	 * Reads a session attribute.
	 * @param json the stored bytes
	 * @return the value, or null when the bytes are not JSON of an allowed type (logged once)
	 */
	public @Nullable Object read(byte[] json) {
		try {
			Object value = this.reader.readValue(json);
			return (value instanceof StoredLogin login) ? login.toSecurityContext() : value;
		}
		catch (JacksonException ex) {
			if (this.warned.compareAndSet(false, true)) {
				logger.warn("A session attribute could not be read as JSON of an allowed type ({}); it is treated as "
						+ "absent. Sessions stored before spa-auth kept them as JSON end this way once.",
						ex.getClass().getSimpleName());
			}
			return null;
		}
	}

	/** How the principal is stored: id, username, email and roles; never the password hash. */
	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
			isGetterVisibility = JsonAutoDetect.Visibility.NONE)
	@JsonIgnoreProperties(ignoreUnknown = true)
	abstract static class SpaAuthUserMixin {

		@JsonIgnore
		private @Nullable String passwordHash;

		@JsonCreator
		SpaAuthUserMixin(@JsonProperty("id") long id, @JsonProperty("username") String username,
				@JsonProperty("email") String email, @JsonProperty("roles") Collection<String> roles,
				@JsonProperty("passwordHash") @Nullable String passwordHash,
				@JsonProperty("emailVerified") @Nullable Boolean emailVerified) {
		}

	}

	/**
	 * Loads classes as its parent does, except Spring Security's Jackson modules that sessions do not
	 * need, which {@link SecurityJacksonModules} then leaves out.
	 */
	private static final class SessionModulesOnly extends ClassLoader {

		private static final java.util.Set<String> NEEDED = java.util.Set.of(
				"org.springframework.security.jackson.CoreJacksonModule",
				"org.springframework.security.web.jackson.WebJacksonModule",
				"org.springframework.security.web.jackson.WebServletJacksonModule");

		SessionModulesOnly(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("org.springframework.security.") && name.endsWith("JacksonModule") && !NEEDED.contains(name)) {
				throw new ClassNotFoundException(name + " is not used for sessions");
			}
			return super.loadClass(name, resolve);
		}

	}

}
