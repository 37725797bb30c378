package io.icpflow.security;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.QueryValidators.AdhocQueryValidator;
import org.camunda.bpm.engine.impl.QueryValidators.StoredQueryValidator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.Validator;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes the engine's or-query expression gap: Camunda 7.24 validates the expressions of a task
 * query's top level ({@code enableExpressionsInAdhocQueries}, {@code enableExpressionsInStoredQueries})
 * but an {@code or()} branch is created without the root's validators, so an {@code …Expression} inside
 * {@code orQueries} was evaluated as JUEL, which reaches any Java method. The CIB seven fork fixed the
 * same gap in its engine (commit ffa3445, CIB7-1338) by copying the root's validators into every
 * branch; this does the same from outside the engine, for every way a query reaches it:
 * <ul>
 *   <li>ad-hoc task queries (REST, webapps, Java API) get the ad-hoc validator on every branch;</li>
 *   <li>a filter's extending query (Tasklist's list of a filter) gets it too;</li>
 *   <li>a stored filter's branches get the stored-query validator when the filter is saved and
 *       again whenever it is loaded, so a filter stored before this check cannot run either.</li>
 * </ul>
 * A refused query is a {@code BadUserRequestException}: 400 from the REST API, nothing evaluated.
 */
@Component
class OrQueryValidation extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new BranchValidators());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        List<SessionFactory> sessions = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            sessions.addAll(configuration.getCustomSessionFactories());
        }
        sessions.add(new ValidatingFilterManagerFactory());
        configuration.setCustomSessionFactories(sessions);
    }

    static void validateBranches(Object query, Validator<AbstractQuery<?, ?>> validator, boolean now) {
        if (query instanceof TaskQueryImpl tasks) {
            List<TaskQueryImpl> branches = tasks.getQueries();
            for (int i = 1; i < branches.size(); i++) {
                if (now) {
                    branches.get(i).validate(validator);
                } else {
                    branches.get(i).addValidator(validator);
                }
            }
        }
    }

    /** Adds the ad-hoc validator to the branches of every task query the engine is asked to run. */
    static final class BranchValidators extends CommandInterceptor {

        /** The filter commands keep their extending query to themselves; it is read, never changed. */
        private static final Field EXTENDING_QUERY = extendingQueryField();

        @Override
        public <T> T execute(Command<T> command) {
            validateBranches(command, AdhocQueryValidator.get(), false);
            if (command instanceof AbstractExecuteFilterCmd filterCommand) {
                validateBranches(extendingQuery(filterCommand), AdhocQueryValidator.get(), false);
            }
            return next.execute(command);
        }

        private static Query<?, ?> extendingQuery(AbstractExecuteFilterCmd command) {
            try {
                return (Query<?, ?>) EXTENDING_QUERY.get(command);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Field extendingQueryField() {
            try {
                Field field = AbstractExecuteFilterCmd.class.getDeclaredField("extendingQuery");
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // an engine without this field must not start with the gap open
                throw new IllegalStateException("Camunda's AbstractExecuteFilterCmd changed: review OrQueryValidation", e);
            }
        }
    }

    /** Camunda's filter manager, checking a filter's or-branches as stored queries. */
    static final class ValidatingFilterManager extends FilterManager {

        @Override
        public Filter insertOrUpdateFilter(Filter filter) {
            validateBranches(filter.getQuery(), StoredQueryValidator.get(), true);
            return super.insertOrUpdateFilter(filter);
        }

        @Override
        public FilterEntity findFilterById(String filterId) {
            FilterEntity filter = super.findFilterById(filterId);
            if (filter != null) {
                validateBranches(filter.getQuery(), StoredQueryValidator.get(), false);
            }
            return filter;
        }
    }

    static final class ValidatingFilterManagerFactory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return FilterManager.class;
        }

        @Override
        public Session openSession() {
            return new ValidatingFilterManager();
        }
    }
}
