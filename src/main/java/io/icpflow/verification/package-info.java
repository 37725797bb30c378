/**
 * Electronic identity verification of the principals (真实性核验): the port to the verification
 * service, its demo simulator, the sessions of each application and the results the service posts.
 * Infrastructure: it knows filings only by id; the provider stage decides what a result means for one.
 */
package io.icpflow.verification;
