package io.icpflow.filing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTest {

    @Test
    void unifiedSocialCreditCodeCheckCharacter() {
        // published example: 91350100M000100Y43 (GB 32100-2015 annex)
        assertThat(IdNumbers.isValidUscc("91350100M000100Y43")).isTrue();
        assertThat(IdNumbers.isValidUscc("91350100M000100Y44")).isFalse();
        assertThat(IdNumbers.isUsccFormat("91350100M000100Y4I")).isFalse(); // I is not in the alphabet
        assertThat(IdNumbers.isUsccFormat("9135010")).isFalse();
    }

    @Test
    void residentIdCheckDigit() {
        // GB 11643 worked example: 11010519491231002X
        assertThat(IdNumbers.isValidResidentId("11010519491231002X")).isTrue();
        assertThat(IdNumbers.isValidResidentId("110105194912310021")).isFalse();
        assertThat(IdNumbers.isResidentIdFormat("110105194913310021")).isFalse(); // month 13
    }
}
