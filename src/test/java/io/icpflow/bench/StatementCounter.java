package io.icpflow.bench;

import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the SQL statements executed and the transactions committed through the application's
 * DataSource, which the engine and our repositories share. A statement count does not depend on the
 * machine, so {@code sql_per_filing} is comparable between runs and against the floor.
 */
final class StatementCounter implements BeanPostProcessor {

    static final LongAdder STATEMENTS = new LongAdder();
    static final LongAdder COMMITS = new LongAdder();
    /** Statements by their SQL, when {@code -Dbench.sql-profile=true}: where the statements of a filing go. */
    static final Map<String, LongAdder> BY_SQL = new ConcurrentHashMap<>();
    /** Nanoseconds spent in each SQL, when profiling: where the time goes. */
    static final Map<String, LongAdder> NANOS_BY_SQL = new ConcurrentHashMap<>();
    private static final boolean PROFILE = Boolean.getBoolean("bench.sql-profile");
    private static final ThreadLocal<Boolean> WATCHING = ThreadLocal.withInitial(() -> false);

    /**
     * Runs the benchmark's own look at the database (waiting for a status, a task, a subscription)
     * without counting it: how often it polls depends on timing, and it is not work the product does.
     */
    static <T> T uncounted(java.util.function.Supplier<T> look) {
        WATCHING.set(true);
        try {
            return look.get();
        } finally {
            WATCHING.set(false);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    private static Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            if (method.getName().equals("commit") && !WATCHING.get()) {
                COMMITS.increment();
            }
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return statement(statement, method.getReturnType(), sql);
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private static <S extends Statement> S statement(S statement, Class<?> type, String preparedSql) {
        return (S) proxy((Class<S>) type, statement, (target, method, args) -> {
            String name = method.getName();
            if (!name.startsWith("execute") || WATCHING.get()) {
                return invoke(target, method, args);
            }
            STATEMENTS.increment();
            if (!PROFILE) {
                return invoke(target, method, args);
            }
            String sql = (preparedSql != null ? preparedSql : args != null && args.length > 0 ? String.valueOf(args[0]) : name)
                    .replaceAll("\\s+", " ").strip();
            BY_SQL.computeIfAbsent(sql, k -> new LongAdder()).increment();
            long start = System.nanoTime();
            try {
                return invoke(target, method, args);
            } finally {
                NANOS_BY_SQL.computeIfAbsent(sql, k -> new LongAdder()).add(System.nanoTime() - start);
            }
        });
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (p, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(target, method, args);
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
