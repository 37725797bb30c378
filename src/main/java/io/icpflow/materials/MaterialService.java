package io.icpflow.materials;

import io.icpflow.calendar.EngineClock;
import io.icpflow.reference.PreApprovalCategory;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Uploads (API.md "Materials"): the type is read from the bytes by Apache Tika's magic detector, never
 * from the name or the declared type; each kind takes its types and size; an image must decode to a
 * bounded number of pixels (a small file that expands to gigabytes is refused before a reviewer's
 * browser opens it). Stored in the product's database with its SHA-256.
 */
@Service
public class MaterialService {

    /** A name is kept only as a plain file name: no directories, no traversal, no control characters. */
    private static final Pattern FILE_NAME = Pattern.compile("^[^/\\\\\\p{Cc}]{1,255}$");
    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V ");

    private final MaterialStore store;
    private final MaterialsProperties properties;
    private final Tika tika = new Tika();

    MaterialService(MaterialStore store, MaterialsProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Transactional
    public Material upload(String owner, String kind, String category, String fileName, byte[] bytes) {
        MaterialKind materialKind = kind(kind);
        String checkedCategory = category(materialKind, category);
        if (fileName != null && (!FILE_NAME.matcher(fileName).matches() || fileName.contains(".."))) {
            throw ApiException.invalid(List.of(new FieldProblem("file", "INVALID_FILE_NAME",
                    "a plain file name without directories, \"..\" or control characters")));
        }
        if (bytes == null || bytes.length == 0) {
            throw ApiException.invalid(List.of(new FieldProblem("file", "EMPTY_FILE", "the file has no content")));
        }
        long limit = properties.limit(materialKind.sizeClass());
        if (bytes.length > limit) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE", "A " + materialKind + " may be at most " + limit
                    + " bytes; this one has " + bytes.length + ".", List.of(new FieldProblem("file", "FILE_TOO_LARGE", "at most " + limit + " bytes")));
        }
        String type = isoMp4(bytes, tika.detect(bytes));
        if (!materialKind.sizeClass().types().contains(type)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "The file's content is " + type + "; a "
                    + materialKind + " must be one of " + materialKind.sizeClass().types() + " (read from the bytes, not the name).",
                    List.of(new FieldProblem("file", "UNSUPPORTED_MEDIA_TYPE", "one of " + materialKind.sizeClass().types())));
        }
        if (IMAGES.contains(type)) {
            checkPixels(bytes, type);
        }
        OffsetDateTime now = EngineClock.nowInChina();
        Material material = new Material(UUID.randomUUID().toString(), owner, materialKind, checkedCategory, type, bytes.length, sha256(bytes),
                now, now.plus(properties.unattached()), false);
        store.insert(material, bytes);
        return material;
    }

    /** The caller's own material, or one a filing the staff member works on uses; anyone else: 404 (no existence leak). */
    @Transactional(readOnly = true)
    public Material readable(String id, String user, boolean staff) {
        return store.find(id)
                .filter(m -> m.owner().equals(user) ? !m.deleted() || store.isUsed(id) : staff && store.isUsed(id))
                .orElseThrow(() -> ApiException.notFound("Material " + id));
    }

    @Transactional(readOnly = true)
    public byte[] content(Material material) {
        return store.content(material.id());
    }

    @Transactional(readOnly = true)
    public List<Material> ownedBy(String owner) {
        return store.ownedBy(owner);
    }

    /** Gone for its owner; a filing that uses it keeps it until that filing no longer does. */
    @Transactional
    public void delete(String owner, String id) {
        Material material = store.find(id).filter(m -> m.owner().equals(owner) && !m.deleted())
                .orElseThrow(() -> ApiException.notFound("Material " + id));
        store.markDeleted(material.id());
    }

    private static MaterialKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw ApiException.invalid(List.of(new FieldProblem("kind", "REQUIRED", "one of " + List.of(MaterialKind.values()))));
        }
        try {
            return MaterialKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(new FieldProblem("kind", "UNKNOWN_VALUE", "one of " + List.of(MaterialKind.values()))));
        }
    }

    private static String category(MaterialKind kind, String category) {
        if (kind != MaterialKind.PRE_APPROVAL) {
            return null;
        }
        List<String> known = Arrays.stream(PreApprovalCategory.values()).map(Enum::name).toList();
        if (category == null || !known.contains(category.strip().toUpperCase(Locale.ROOT))) {
            throw ApiException.invalid(List.of(new FieldProblem("category", category == null ? "REQUIRED" : "UNKNOWN_VALUE",
                    "a PRE_APPROVAL licence names its content category: one of " + known)));
        }
        return category.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Tika reads an ISO base media file of brand {@code isom}, {@code iso2} or {@code avc1} (what ffmpeg and
     * most phones write into an .mp4) as QuickTime; by its major brand it is MP4. A QuickTime movie ({@code qt}) stays one.
     */
    private static String isoMp4(byte[] bytes, String detected) {
        if (!"video/quicktime".equals(detected) || bytes.length < 12
                || !"ftyp".equals(new String(bytes, 4, 4, StandardCharsets.US_ASCII))) {
            return detected;
        }
        String brand = new String(bytes, 8, 4, StandardCharsets.US_ASCII);
        return MP4_BRANDS.contains(brand) ? "video/mp4" : detected;
    }

    /** Reads the image's header only: the pixels a viewer would have to decode, bounded. */
    private void checkPixels(byte[] bytes, String type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable(type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > properties.maxPixels()) {
                    throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "IMAGE_TOO_LARGE", "The image is " + reader.getWidth(0) + " × "
                            + reader.getHeight(0) + " pixels; at most " + properties.maxPixels() + " are accepted.",
                            List.of(new FieldProblem("file", "IMAGE_TOO_LARGE", "at most " + properties.maxPixels() + " pixels")));
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw unreadable(type);
        }
    }

    private static ApiException unreadable(String type) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "The file starts like " + type
                + " but is not a readable image.", List.of(new FieldProblem("file", "UNSUPPORTED_MEDIA_TYPE", "a readable JPEG or PNG")));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
