package dev.fedbroker.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a DataSource to count the statements executed and the commits through it and, when asked, to drop the
 * connection (close the driver's connection, as a network cut would) just before the n-th of them.
 */
final class InstrumentedDataSource {
    /** Statements executed plus commits: the points where a test may drop the connection. */
    final AtomicInteger executions = new AtomicInteger();
    /** Statements executed (queries, updates, batches). */
    final AtomicInteger statements = new AtomicInteger();
    /** The execution (1-based) before which the connection is dropped; 0 = never. */
    final AtomicInteger dropBefore = new AtomicInteger();
    private final DataSource target;

    InstrumentedDataSource(DataSource target) {
        this.target = target;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, (self, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, (self, method, args) -> {
            if (method.getName().equals("commit")) {
                countAndMaybeDrop(real);
            }
            Object result = invoke(real, method, args);
            return result instanceof Statement statement ? statement(statement, real, method.getReturnType())
                    : result;
        });
    }

    private Object statement(Statement real, Connection connection, Class<?> type) {
        return proxy(type, (self, method, args) -> {
            if (method.getName().startsWith("execute")) {
                statements.incrementAndGet();
                countAndMaybeDrop(connection);
            }
            return invoke(real, method, args);
        });
    }

    private void countAndMaybeDrop(Connection connection) throws Exception {
        if (executions.incrementAndGet() == dropBefore.get()) {
            connection.close();
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(InstrumentedDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler);
    }
}
