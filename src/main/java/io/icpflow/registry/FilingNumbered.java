package io.icpflow.registry;

/** MIIT's approval numbered a filing's websites and apps (published inside the recording transaction). */
public record FilingNumbered(String filingId, int websites, int apps) {
}
