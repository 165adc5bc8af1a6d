package dev.spaauth.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link BrowserSuite} of the run (a parameter of a constructor, a lifecycle or
 * a test method); it is started on first use and closed when the whole run ends.
 */
final class BrowserSuiteExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserSuiteExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == BrowserSuite.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(BrowserSuite.class, (key) -> new BrowserSuite(), BrowserSuite.class);
	}

}
