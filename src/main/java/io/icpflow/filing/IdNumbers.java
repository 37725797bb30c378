package io.icpflow.filing;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Check characters of the two identity numbers a filing subject can have. */
public final class IdNumbers {

    /** GB 32100-2015: the 31 characters of a unified social credit code (no I, O, S, V, Z). */
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** GB 11643-1999: weights 2^(18-i) mod 11 and the check characters for sum mod 11. */
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private IdNumbers() {
    }

    public static boolean isUsccFormat(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (USCC_CHARS.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    public static char usccCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    public static boolean isValidUscc(String code) {
        return isUsccFormat(code) && usccCheckCharacter(code) == code.charAt(17);
    }

    public static boolean isResidentIdFormat(String id) {
        return id != null && id.matches("\\d{17}[\\dX]") && birthDateOf(id) != null;
    }

    public static char residentIdCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    public static boolean isValidResidentId(String id) {
        return isResidentIdFormat(id) && residentIdCheckCharacter(id) == id.charAt(17);
    }

    private static LocalDate birthDateOf(String id) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
            return birth.getYear() >= 1900 ? birth : null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
