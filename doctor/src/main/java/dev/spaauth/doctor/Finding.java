package dev.spaauth.doctor;

/**
 * What one check found.
 *
 * @param id the check's stable kebab-case id, such as {@code cookie-samesite}
 * @param result pass, warn, fail or skip
 * @param saw what the doctor saw, in one or two sentences
 * @param fix how to fix it; empty when the result is pass
 */
public record Finding(String id, Result result, String saw, String fix) {

}
