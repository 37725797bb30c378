package io.icpflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The teams of API.md as Camunda groups, the authorizations of each, and a Tasklist filter per
 * team: on every start, in every profile, so that an operator only has to add people to groups.
 * The demo users (password = user name) only where {@code icp.security.demo-users} is on, never in
 * {@code prod}. The admin user itself comes from {@code camunda.bpm.admin-user}. Idempotent: creates
 * what is missing. Runs when the engine is built, so all of it exists before the web server answers.
 */
@Component
class Teams extends AbstractCamundaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(Teams.class);

    private record DemoUser(String id, String firstName, String lastName, String group) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("reviewer", "Rui", "Reviewer", Groups.REVIEWERS),
            new DemoUser("ops", "Ou", "Operations", Groups.OPS),
            new DemoUser("analyst", "An", "Analyst", Groups.ANALYSTS),
            new DemoUser("alice", "Alice", "Applicant", Groups.APPLICANTS),
            new DemoUser("bob", "Bob", "Applicant", Groups.APPLICANTS),
            new DemoUser("regulator", "Regulator", "Gateway", Groups.REGULATOR),
            new DemoUser("verifier", "Verification", "Service", Groups.VERIFIER));

    private static final Map<String, String> GROUP_NAMES = Map.of(
            Groups.REVIEWERS, "ICP reviewers",
            Groups.OPS, "ICP operations",
            Groups.ANALYSTS, "ICP process analysts",
            Groups.APPLICANTS, "ICP applicants",
            Groups.REGULATOR, "Regulator gateway",
            Groups.VERIFIER, "Identity verification service");

    private final SecurityProperties properties;
    private final List<TaskReaders> taskReaders;
    private IdentityService identity;
    private AuthorizationService authorizations;
    private FilterService filters;
    private TaskService tasks;

    Teams(SecurityProperties properties, List<TaskReaders> taskReaders) {
        this.properties = properties;
        this.taskReaders = taskReaders;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizations(taskReaders));
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        identity = engine.getIdentityService();
        authorizations = engine.getAuthorizationService();
        filters = engine.getFilterService();
        tasks = engine.getTaskService();
        createTeams();
        ownUsersReadOnly();
        if (properties.demoUsers()) {
            createDemoUsers();
        }
    }

    private void createTeams() {
        GROUP_NAMES.forEach(this::group);
        // staff webapps; applicants and the regulator get none
        grant(Groups.REVIEWERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.OPS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.OPS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // each team reads the tasks of the processes whose tasks are all its own (TaskReaders, declared by
        // the features); working a task comes with its candidate group (DefaultAuthorizations)
        taskReaders.forEach(r -> grantExactly(r.group(), Resources.PROCESS_DEFINITION, r.processDefinitionKey(),
                Permissions.READ, Permissions.READ_TASK, ProcessDefinitionPermissions.READ_TASK_VARIABLE));
        grant(Groups.REVIEWERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        // operations: see processes, retry failed jobs (Cockpit's incident handling), work escalations;
        // no instance modification, message correlation or variable changes: those are the regulator's
        // notices and the reviewers' decisions (separation of duties), and an admin's in an emergency
        grantExactly(Groups.OPS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        grantExactly(Groups.OPS, Resources.PROCESS_INSTANCE, "*", Permissions.READ, ProcessInstancePermissions.RETRY_JOB);
        grant(Groups.OPS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(Groups.OPS, Resources.DEPLOYMENT, "*", Permissions.READ);
        // analysts: read-only, and no variables (they hold the applicants' personal data)
        grantExactly(Groups.ANALYSTS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
        grant(Groups.ANALYSTS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(Groups.ANALYSTS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(Groups.ANALYSTS, Resources.DEPLOYMENT, "*", Permissions.READ);
        filter("Open reviews 待审核", Groups.REVIEWERS, -10);
        filter("Escalations 升级处理", Groups.OPS, -5);
    }

    private void createDemoUsers() {
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setPassword(demo.id());
                user.setEmail(demo.id() + "@provider.example");
                identity.saveUser(user);
                identity.createMembership(demo.id(), demo.group());
            }
        }
        log.info("Demo users ready: admin, reviewer, ops, analyst, alice, bob, regulator, verifier (password = user name)");
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            var group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /** Also takes back what an earlier version granted beyond these permissions. */
    private void grantExactly(String group, Resource resource, String resourceId, Permission... permissions) {
        Grants.grantExactly(authorizations, group, resource, resourceId, permissions);
    }

    /** Users created by an earlier version hold ALL on themselves: only READ now (DefaultAuthorizations). */
    private void ownUsersReadOnly() {
        for (Authorization own : authorizations.createAuthorizationQuery().resourceType(Resources.USER)
                .hasPermission(Permissions.DELETE).list()) {
            if (own.getUserId() != null && own.getUserId().equals(own.getResourceId())
                    && own.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT) {
                own.setPermissions(new Permission[]{Permissions.READ});
                authorizations.saveAuthorization(own);
            }
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Grants.grantOnce(authorizations, group, resource, resourceId, permissions);
    }

    private void filter(String name, String group, int priority) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name);
        // includeAssignedTasks: a claimed review stays in the team's list, with its assignee
        filter.setQuery(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().active());
        filter.setProperties(Map.of("priority", priority, "description", "Open tasks of " + group, "refresh", true));
        filters.saveFilter(filter);
        grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
