package io.icpflow.filing;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What one transaction has read and written of a table, by id, so that it reads a row once. Bound to
 * the Spring transaction (the engine's commands run in it too), set aside while an inner
 * REQUIRES_NEW transaction runs, dropped when it ends, committed or not. Outside a transaction it
 * keeps nothing: every read goes to the table.
 */
final class UnitOfWork<T> {

    T get(String id) {
        Map<String, T> rows = rows(false);
        return rows == null ? null : rows.get(id);
    }

    void put(String id, T row) {
        Map<String, T> rows = rows(true);
        if (rows != null) {
            rows.put(id, row);
        }
    }

    /** A write the transaction made: the row it holds changes the same way (it reads it again if it holds none). */
    void update(String id, UnaryOperator<T> change) {
        Map<String, T> rows = rows(false);
        if (rows != null) {
            rows.computeIfPresent(id, (key, row) -> change.apply(row));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, T> rows(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, T> rows = (Map<String, T>) TransactionSynchronizationManager.getResource(this);
        if (rows == null && create) {
            Map<String, T> bound = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(UnitOfWork.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(UnitOfWork.this, bound);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(UnitOfWork.this);
                }
            });
            rows = bound;
        }
        return rows;
    }
}
