package dev.spaauth.demo;

import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.spaauth.devprovider.DevProvider;

/**
 * Starts the local OpenID Connect provider ({@link DevProvider}) before the demo when
 * {@code demo.dev-provider.port} is set (the dev profile), so that its discovery document is there
 * when the demo reads its registration; stops it with the demo. Its redirect URIs are the demo's
 * callback on {@code http://localhost:${server.port}} and on {@code http://127.0.0.1}.
 */
class LocalProviderLauncher implements ApplicationListener<ApplicationEvent> {

	private DevProvider.Running provider;

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared && this.provider == null) {
			ConfigurableEnvironment environment = prepared.getEnvironment();
			Integer port = environment.getProperty("demo.dev-provider.port", Integer.class);
			if (port != null) {
				String demo = "http://localhost:" + environment.getProperty("server.port", "8080");
				// The demo as http://localhost:PORT, and as http://127.0.0.1 on any port (RFC 8252 section 7.3).
				this.provider = DevProvider.start(port, List.of(demo + "/api/auth/oauth2/callback/local",
						"http://127.0.0.1/api/auth/oauth2/callback/local"));
			}
		}
		else if (event instanceof ContextClosedEvent && this.provider != null) {
			this.provider.close();
			this.provider = null;
		}
	}

}
