package io.icpflow.materials;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Tables {@code material} and {@code material_content} (the bytes, read only when someone downloads
 * them), and {@code material_use}: which filing uses which material. A used material never expires,
 * and a deleted one keeps its bytes while a filing uses it.
 */
@Repository
public class MaterialStore {

    private static final String COLUMNS = "id, owner, kind, category, content_type, size_bytes, sha256, created_at, expires_at, deleted";

    private final JdbcClient jdbc;

    MaterialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Material m, byte[] bytes) {
        jdbc.sql("insert into material (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.owner(), m.kind().name(), m.category(), m.contentType(), m.size(), m.sha256(), m.createdAt(), m.expiresAt(),
                        m.deleted())
                .update();
        jdbc.sql("insert into material_content (material_id, content) values (?, ?)").params(m.id(), bytes).update();
    }

    public Optional<Material> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from material where id = ?").param(id).query(MaterialStore::row).optional();
    }

    public List<Material> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from material where id in (:ids)").param("ids", ids).query(MaterialStore::row).list();
    }

    List<Material> ownedBy(String owner) {
        return jdbc.sql("select " + COLUMNS + " from material where owner = ? and deleted = false order by created_at desc")
                .param(owner).query(MaterialStore::row).list();
    }

    byte[] content(String id) {
        return jdbc.sql("select content from material_content where material_id = ?").param(id).query(byte[].class).single();
    }

    public boolean isUsed(String id) {
        return jdbc.sql("select count(*) from material_use where material_id = ?").param(id).query(Long.class).single() > 0;
    }

    /** The materials an application names now; those it no longer names are no longer its. */
    public void useFor(String filingId, List<String> materialIds) {
        jdbc.sql("delete from material_use where filing_id = ?").param(filingId).update();
        for (String id : materialIds.stream().distinct().toList()) {
            jdbc.sql("insert into material_use (material_id, filing_id) values (?, ?)").params(id, filingId).update();
        }
        if (!materialIds.isEmpty()) {
            jdbc.sql("update material set expires_at = null where id in (:ids)").param("ids", materialIds).update();
        }
    }

    /** The filings that use the material (for the staff who may read it). */
    public List<String> filingsUsing(String id) {
        return jdbc.sql("select filing_id from material_use where material_id = ?").param(id).query(String.class).list();
    }

    /** The reviewer rejected these materials for the filing (they stay rejected for it). */
    public void reject(String filingId, List<String> materialIds) {
        for (String id : materialIds) {
            jdbc.sql("""
                            insert into material_rejection (filing_id, material_id)
                            select ?, ? where not exists (select 1 from material_rejection where filing_id = ? and material_id = ?)""")
                    .params(filingId, id, filingId, id).update();
        }
    }

    public List<String> rejected(String filingId) {
        return jdbc.sql("select material_id from material_rejection where filing_id = ?").param(filingId).query(String.class).list();
    }

    void markDeleted(String id) {
        jdbc.sql("update material set deleted = true where id = ?").param(id).update();
    }

    /** Unused uploads past their expiry, and deleted ones no filing uses any more: gone, bytes and all. */
    int removeExpired(OffsetDateTime now) {
        String unused = "not exists (select 1 from material_use u where u.material_id = m.id)";
        List<String> ids = jdbc.sql("select id from material m where ((expires_at is not null and expires_at < ?) or deleted = true) and " + unused)
                .param(now).query(String.class).list();
        for (String id : ids) {
            jdbc.sql("delete from material_content where material_id = ?").param(id).update();
            jdbc.sql("delete from material where id = ?").param(id).update();
        }
        return ids.size();
    }

    private static Material row(ResultSet rs, int n) throws SQLException {
        return new Material(rs.getString(1), rs.getString(2), MaterialKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
                rs.getBoolean(10));
    }
}
