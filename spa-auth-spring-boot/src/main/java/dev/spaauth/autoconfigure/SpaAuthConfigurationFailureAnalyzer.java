package dev.spaauth.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.spaauth.SpaAuthConfigurationException;

/**
 * Turns a {@link SpaAuthConfigurationException} into Boot's start-up failure report with a
 * Description and an Action.
 */
class SpaAuthConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<SpaAuthConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SpaAuthConfigurationException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
