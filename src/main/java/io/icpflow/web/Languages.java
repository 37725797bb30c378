package io.icpflow.web;

import java.util.Locale;

/** The language of an answer: English when the caller asks for it, Chinese otherwise (the applicants' default). */
public final class Languages {

    private Languages() {
    }

    public static Locale fromAcceptLanguage(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
