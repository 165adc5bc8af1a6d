package dev.spaauth.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of the nginx recipes that users copy from {@code deploy/nginx/}, with its placeholders
 * replaced for the suite. Only the documented placeholders change; a placeholder that is missing
 * from the recipe fails the suite, so the recipes and the suite cannot drift apart.
 */
final class NginxRecipe {

	private final String name;

	private final Map<String, String> replacements = new LinkedHashMap<>();

	private NginxRecipe(String name) {
		this.name = name;
	}

	static NginxRecipe of(String name) {
		return new NginxRecipe(name);
	}

	/** {@code listen 443 ssl;} becomes {@code listen 127.0.0.1:PORT ssl;}. */
	NginxRecipe port(int port) {
		return replace("listen 443 ssl;", "listen 127.0.0.1:" + port + " ssl;");
	}

	NginxRecipe serverName(String placeholder, String host) {
		return replace("server_name " + placeholder + ";", "server_name " + host + ";");
	}

	NginxRecipe certificates(TestCertificates certificates) {
		replace("/etc/ssl/certs/example.com.pem", certificates.certificateChain().toString());
		return replace("/etc/ssl/private/example.com.key", certificates.privateKey().toString());
	}

	NginxRecipe root(Path spaRoot) {
		return replace("root /srv/spa;", "root " + spaRoot + ";");
	}

	NginxRecipe backend(int port) {
		return replace("proxy_pass http://127.0.0.1:8080;", "proxy_pass http://127.0.0.1:" + port + ";");
	}

	/**
	 * The load balancer's instances: {@code server 127.0.0.1:8080;} and {@code server 127.0.0.1:8081;}
	 * in its {@code upstream} block become the given ports.
	 */
	NginxRecipe upstream(int first, int second) {
		replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + first + ";");
		return replace("server 127.0.0.1:8081;", "server 127.0.0.1:" + second + ";");
	}

	/** The API's origin where the SPA's recipe names it (config.json, Content-Security-Policy). */
	NginxRecipe apiOrigin(String origin) {
		return replace("https://api.example.com", origin);
	}

	private NginxRecipe replace(String placeholder, String value) {
		this.replacements.put(placeholder, value);
		return this;
	}

	String render(Path recipes) {
		Path file = recipes.resolve(this.name);
		String text;
		try {
			text = Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Map.Entry<String, String> replacement : this.replacements.entrySet()) {
			if (!text.contains(replacement.getKey())) {
				throw new IllegalStateException(file + " no longer contains the placeholder '" + replacement.getKey()
						+ "' that the browser suite replaces");
			}
			text = text.replace(replacement.getKey(), replacement.getValue());
		}
		return "# " + this.name + " (from deploy/nginx/, placeholders replaced)\n" + text;
	}

}
