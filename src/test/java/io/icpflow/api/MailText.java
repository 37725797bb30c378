package io.icpflow.api;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The decoded text of a received mail, all its text parts (plain and HTML) together. */
public final class MailText {

    private MailText() {
    }

    public static String of(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(of(multipart.getBodyPart(i))).append('\n');
                }
                return all.toString();
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
