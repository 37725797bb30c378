package io.icpflow.reference;

/**
 * Content that needs the competent authority's licence before it is filed (前置审批; API.md "Materials",
 * PRODUCT.md item 10): a website or app declares its categories, and a {@code PRE_APPROVAL} material names one.
 */
public enum PreApprovalCategory {
    NEWS, PUBLISHING, CULTURE, AUDIO_VIDEO, DRUGS_MEDICAL_DEVICES, FINANCE, GAMES, RIDE_HAILING, EDUCATION, HEALTHCARE
}
