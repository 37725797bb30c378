/**
 * The applicants' console at {@code /console/}: its pages (a sign-in and one page that runs in the
 * browser on the JSON API, with the session and its CSRF token) and the one read model it adds, a
 * filing's outlook. Beside analytics at the top: it may use every layer, and nothing uses it.
 */
package io.icpflow.console;
