package io.icpflow.security;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;

import java.util.List;

import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

/**
 * The authorizations Camunda creates with a new user and a new task.
 *
 * <p>A new user may read their own user, not edit or delete it (Camunda's default is ALL): an
 * applicant must not rename themselves, drop their account or change their e-mail address through
 * the engine; an admin manages users.
 *
 * <p>Tasks: Camunda's defaults, except where a team reads the task's whole process
 * definition ({@link TaskReaders}): its candidate group then gets the task's work permission only,
 * not READ.
 *
 * <p>Why: the task query joins every READ authorization of the user's groups against every task
 * ({@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}). With one READ row per open review that join is
 * quadratic: 10,000 open reviews took PostgreSQL 10 s per Tasklist page (bench/README.md). With READ
 * held once per definition the join meets a handful of rows; who may work a task is still decided
 * per task, by its candidate group.
 */
class DefaultAuthorizations extends DefaultAuthorizationProvider {

    private final List<TaskReaders> readers;

    DefaultAuthorizations(List<TaskReaders> readers) {
        this.readers = List.copyOf(readers);
    }

    @Override
    public AuthorizationEntity[] newUser(User user) {
        return new AuthorizationEntity[]{createGrantAuthorization(user.getId(), null, USER, user.getId(), Permissions.READ)};
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (task.getProcessDefinitionId() == null || !readsDefinition(groupId, task.getProcessDefinitionId())) {
            return super.newTaskGroupIdentityLink(task, groupId, type);
        }
        return new AuthorizationEntity[]{createOrUpdateAuthorization(task, null, groupId, TASK, false, getDefaultUserPermissionForTask())};
    }

    private boolean readsDefinition(String groupId, String processDefinitionId) {
        String key = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId).getKey();
        return readers.contains(new TaskReaders(groupId, key));
    }
}
