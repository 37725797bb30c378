package io.icpflow.materials;

import java.util.Set;

/**
 * The kinds of material a filing may carry (API.md "Materials"), each with the types it is read as
 * (from its bytes) and the size class whose limit applies ({@link MaterialsProperties}).
 */
public enum MaterialKind {
    BUSINESS_LICENSE(SizeClass.DOCUMENT),
    ID_CARD_FRONT(SizeClass.DOCUMENT),
    ID_CARD_BACK(SizeClass.DOCUMENT),
    RESIDENCE_PERMIT(SizeClass.DOCUMENT),
    DOMAIN_CERTIFICATE(SizeClass.DOCUMENT),
    AUTHORIZATION_LETTER(SizeClass.DOCUMENT),
    COMMITMENT_LETTER(SizeClass.DOCUMENT),
    COMMITMENT_VIDEO(SizeClass.VIDEO),
    /** A licence of the competent authority for one content category (前置审批); the upload names the category. */
    PRE_APPROVAL(SizeClass.DOCUMENT),
    WEBSITE_PLAN(SizeClass.DOCUMENT),
    APP_ICON(SizeClass.ICON);

    public enum SizeClass {
        DOCUMENT(Set.of("image/jpeg", "image/png", "application/pdf")),
        ICON(Set.of("image/jpeg", "image/png")),
        VIDEO(Set.of("video/mp4"));

        private final Set<String> types;

        SizeClass(Set<String> types) {
            this.types = types;
        }

        public Set<String> types() {
            return types;
        }
    }

    private final SizeClass sizeClass;

    MaterialKind(SizeClass sizeClass) {
        this.sizeClass = sizeClass;
    }

    public SizeClass sizeClass() {
        return sizeClass;
    }
}
