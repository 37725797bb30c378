package io.icpflow.materials;

import java.time.OffsetDateTime;

/**
 * An upload's metadata (its bytes are in {@code material_content}): the type read from the bytes,
 * their SHA-256, and until a filing uses it, when it expires.
 *
 * @param category the content category of a {@code PRE_APPROVAL} licence (NEWS, FINANCE …); null for other kinds
 */
public record Material(String id, String owner, MaterialKind kind, String category, String contentType, long size, String sha256,
                       OffsetDateTime createdAt, OffsetDateTime expiresAt, boolean deleted) {
}
