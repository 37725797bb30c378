package io.icpflow.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Table {@code access_check}. */
@Repository
class AccessCheckRepository {

    record AccessCheck(String id, String owner, String domain, Product product, AccessOutcome outcome, int attempts,
                       OffsetDateTime nextCheckAt, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    AccessCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String owner, String domain, Product product, OffsetDateTime now) {
        jdbc.sql("""
                        insert into access_check (id, owner, domain, product, outcome, attempts, next_check_at, created_at, updated_at)
                        values (?, ?, ?, ?, ?, 0, null, ?, ?)""")
                .params(id, owner, domain, product.name(), AccessOutcome.WAITING_FOR_SYNC.name(), now, now).update();
    }

    void update(String id, AccessOutcome outcome, int attempts, OffsetDateTime nextCheckAt, OffsetDateTime now) {
        jdbc.sql("update access_check set outcome = ?, attempts = ?, next_check_at = ?, updated_at = ? where id = ?")
                .params(outcome.name(), attempts, nextCheckAt, now, id).update();
    }

    Optional<AccessCheck> find(String id) {
        return jdbc.sql("select * from access_check where id = ?").param(id).query(this::map).optional();
    }

    Optional<AccessCheck> findOwned(String id, String owner) {
        return jdbc.sql("select * from access_check where id = ? and owner = ?").params(id, owner).query(this::map).optional();
    }

    /** The owner's checks, newest first (ties by id), {@code limit} from {@code offset} (index access_check_owner_idx). */
    List<AccessCheck> findByOwner(String owner, long offset, int limit) {
        return jdbc.sql("select * from access_check where owner = ? order by created_at desc, id offset ? rows fetch next ? rows only")
                .params(owner, offset, limit).query(this::map).list();
    }

    long countByOwner(String owner) {
        return jdbc.sql("select count(*) from access_check where owner = ?").param(owner).query(Long.class).single();
    }

    private AccessCheck map(ResultSet rs, int n) throws SQLException {
        return new AccessCheck(rs.getString("id"), rs.getString("owner"), rs.getString("domain"),
                Product.valueOf(rs.getString("product")), AccessOutcome.valueOf(rs.getString("outcome")),
                rs.getInt("attempts"), rs.getObject("next_check_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
