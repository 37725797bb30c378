package io.icpflow.filing;

import io.icpflow.filing.FilingApplication.AppPlatform;
import io.icpflow.filing.FilingApplication.Platform;
import io.icpflow.web.FieldProblem;

import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An app platform's feature data (APP备案特征信息, MIIT notice of 2023-08-04; API.md "Apps"), checked and
 * normalised: the package name (Android, HarmonyOS) or bundle id (iOS), the public key of the signing
 * certificate, and the certificate's MD5 (Android, HarmonyOS) or SHA-1 (iOS) fingerprint.
 */
final class AppFeatures {

    /** Java package syntax, as Android's applicationId and HarmonyOS's bundleName use it: two segments at least. */
    private static final Pattern PACKAGE_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+$");
    /** Apple's CFBundleIdentifier: alphanumerics, hyphens and periods, reverse-DNS. */
    private static final Pattern BUNDLE_ID = Pattern.compile("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    private static final Pattern HEX = Pattern.compile("^[0-9a-f]+$");
    private static final int MAX_IDENTIFIER = 255;
    /** A 16384-bit RSA key in hex is under 5,000 characters; nothing longer is a key. */
    private static final int MAX_PUBLIC_KEY = 8192;
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "DSA", "Ed25519");

    private AppFeatures() {
    }

    /** The platform normalised (fingerprints lower-case hex without colons, the key without white space), problems added. */
    static AppPlatform check(AppPlatform p, String at, List<FieldProblem> errors) {
        if (p.platform() == null) {
            errors.add(new FieldProblem(at + ".platform", "REQUIRED", "one of " + List.of(Platform.values())));
            return p;
        }
        String publicKey = publicKey(p.publicKey(), at + ".publicKey", errors);
        if (p.platform().usesBundleId()) {
            identifier(p.bundleId(), BUNDLE_ID, at + ".bundleId", "a bundle id such as com.example.app", errors);
            String sha1 = fingerprint(p.sha1(), 40, at + ".sha1", "the signing certificate's SHA-1: 40 hex digits", errors);
            return new AppPlatform(p.platform(), null, p.bundleId(), publicKey, null, sha1);
        }
        identifier(p.packageName(), PACKAGE_NAME, at + ".packageName", "a package name such as com.example.app", errors);
        String md5 = fingerprint(p.md5(), 32, at + ".md5", "the signing certificate's MD5: 32 hex digits", errors);
        return new AppPlatform(p.platform(), p.packageName(), null, publicKey, md5, null);
    }

    private static void identifier(String value, Pattern syntax, String field, String expected, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldProblem(field, "REQUIRED", "is required: " + expected));
        } else if (value.length() > MAX_IDENTIFIER || !syntax.matcher(value).matches()) {
            errors.add(new FieldProblem(field, "INVALID_FORMAT", "not " + expected));
        }
    }

    private static String fingerprint(String value, int digits, String field, String expected, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldProblem(field, "REQUIRED", "is required: " + expected));
            return value;
        }
        // keytool and apksigner print fingerprints as AB:CD:…
        String hex = value.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (hex.length() != digits || !HEX.matcher(hex).matches()) {
            errors.add(new FieldProblem(field, "INVALID_FORMAT", "not " + expected));
            return value;
        }
        return hex;
    }

    private static String publicKey(String value, String field, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldProblem(field, "REQUIRED", "is required: the signing certificate's public key, base64 DER or hex"));
            return value;
        }
        String compact = value.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        if (compact.length() > MAX_PUBLIC_KEY || decodedKey(compact).isEmpty()) {
            errors.add(new FieldProblem(field, "INVALID_PUBLIC_KEY",
                    "does not decode to a public key (X.509 SubjectPublicKeyInfo or certificate, base64 DER or hex)"));
            return value;
        }
        return compact;
    }

    /** The key's algorithm when the text is a DER public key or certificate, in hex or base64. */
    static Optional<String> decodedKey(String text) {
        byte[] der = bytes(text);
        if (der == null || der.length == 0) {
            return Optional.empty();
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return Optional.of(KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der)).getAlgorithm());
            } catch (InvalidKeySpecException | NoSuchAlgorithmException | IllegalArgumentException notThisOne) {
                // try the next algorithm
            }
        }
        try {
            return Optional.of(CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey().getAlgorithm());
        } catch (CertificateException | RuntimeException notACertificate) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() % 2 == 0 && HEX.matcher(lower).matches()) {
            return HexFormat.of().parseHex(lower);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
