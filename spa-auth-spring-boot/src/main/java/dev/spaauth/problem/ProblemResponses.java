package dev.spaauth.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an endpoint answers itself, by code, besides those every spa-auth endpoint may answer
 * (CSRF and origin checks on unsafe methods, unreadable or oversized bodies, a missing session where
 * one is needed, a store that is down). Read by the OpenAPI customizer
 * ({@code dev.spaauth.openapi.SpaAuthOpenApiCustomizer}) to list them in the contract; it changes no
 * behaviour.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProblemResponses {

	/**
	 * Returns the problems, in no particular order.
	 * @return the codes from the catalogue
	 */
	ProblemCode[] value();

}
