package io.icpflow.materials;

import io.icpflow.security.Groups;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import io.icpflow.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

@RestController
@Tag(name = "Materials", description = "Uploads a filing attaches by id (证件、核验材料): type read from the bytes, SHA-256, size limits per kind")
class MaterialController {

    /** What the caller sees of an upload (API.md). */
    record MaterialView(String id, String kind, String category, String contentType, long size, String sha256, OffsetDateTime createdAt,
                        OffsetDateTime expiresAt) {

        static MaterialView of(Material m) {
            return new MaterialView(m.id(), m.kind().name(), m.category(), m.contentType(), m.size(), m.sha256(), m.createdAt(), m.expiresAt());
        }
    }

    /** Staff who work on filings: they read the materials of one (reviewers, operations, admins). */
    private static final Set<String> STAFF = Set.of(Groups.REVIEWERS, Groups.OPS, Groups.ADMIN);

    private final MaterialService materials;

    MaterialController(MaterialService materials) {
        this.materials = materials;
    }

    @PostMapping(path = "/api/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload: 201 with id, contentType (read from the bytes), size, sha256, expiresAt; 400 for an empty file or a "
            + "path in its name, 413 over the kind's limit, 415 a type the kind does not take; 429 RATE_LIMITED with Retry-After")
    ResponseEntity<MaterialView> upload(Principal user, @RequestParam(name = "kind", required = false) String kind,
                                        @RequestParam(name = "category", required = false) String category,
                                        @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null) {
            throw ApiException.invalid(List.of(new FieldProblem("file", "REQUIRED", "the multipart part \"file\"")));
        }
        Material material = materials.upload(user.getName(), kind, category, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/materials/" + material.id())).body(MaterialView.of(material));
    }

    @GetMapping(path = "/api/materials", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The caller's uploads, newest first")
    List<MaterialView> list(Principal user) {
        return materials.ownedBy(user.getName()).stream().map(MaterialView::of).toList();
    }

    @GetMapping({"/api/materials/{id}", "/staff/materials/{id}"})
    @Operation(summary = "The bytes: to their uploader, and to reviewers and operations when a filing uses them; anyone else 404 "
            + "(/staff/materials/{id}: the same for the staff sign-in's session, which the review form links to)")
    ResponseEntity<byte[]> download(Authentication user, @PathVariable String id) {
        Material material = materials.readable(Ids.existing("Material", id), user.getName(), isStaff(user));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(material.contentType()))
                .contentLength(material.size())
                .cacheControl(CacheControl.noStore())
                // the browser shows it as the type we read, never as something it sniffs, and runs nothing in it
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + material.kind().name().toLowerCase() + "-" + material.id()
                        + extension(material.contentType()) + "\"")
                .header("Digest", "sha-256=" + material.sha256())
                .body(materials.content(material));
    }

    @DeleteMapping("/api/materials/{id}")
    @Operation(summary = "Delete an upload; a filing that uses it keeps it")
    ResponseEntity<Void> delete(Principal user, @PathVariable String id) {
        materials.delete(user.getName(), Ids.existing("Material", id));
        return ResponseEntity.noContent().build();
    }

    private static boolean isStaff(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
    }

    private static String extension(String type) {
        return switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "application/pdf" -> ".pdf";
            case "video/mp4" -> ".mp4";
            default -> "";
        };
    }

}
