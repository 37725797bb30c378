package io.icpflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.web.ProblemHandler;
import io.icpflow.web.ReplayedBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task takes only its form's fields: completing it, submitting its form, or changing its variables
 * through the engine API (both copies) may name only the editable fields of the task's Camunda Form
 * ({@link TaskFormFields}). Anything else is 400 and changes nothing: a reviewer cannot overwrite
 * the form's display variables, set process data, or name a variable after a bean.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class TaskVariableGuard extends OncePerRequestFilter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskVariableGuard.class);

    private static final Pattern TASK_WRITE = Pattern.compile("^" + EnginePaths.ENGINE_ROOT
            + "/task/([^/]+)/(complete|submit-form|resolve|bpmnError|bpmnEscalation|variables|localVariables)(?:/([^/]+)(?:/data)?)?/?$");
    /** No form offers them: a BPMN error or escalation from a task would end it past its checks (even close the filing). */
    private static final java.util.Set<String> NOT_FROM_A_FORM = java.util.Set.of("bpmnError", "bpmnEscalation");

    private final TaskService tasks;
    private final IdentityService identity;
    private final TaskFormFields forms;
    private final ObjectMapper json;

    TaskVariableGuard(TaskService tasks, IdentityService identity, TaskFormFields forms, ObjectMapper json) {
        this.tasks = tasks;
        this.identity = identity;
        this.forms = forms;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod())
                || !TASK_WRITE.matcher(EnginePaths.of(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = TASK_WRITE.matcher(EnginePaths.of(request));
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        if (NOT_FROM_A_FORM.contains(m.group(2))) {
            ProblemHandler.write(response, json, HttpStatus.FORBIDDEN, "NOT_A_FORM_ACTION",
                    "Tasks are completed through their form (complete or submit-form); nothing was changed.");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(EngineRequestGuard.MAX_BYTES + 1);
        Set<String> named = new LinkedHashSet<>();
        if (m.group(3) != null) {
            named.add(URLDecoder.decode(m.group(3), StandardCharsets.UTF_8));
        } else if (body.length > 0 && body.length <= EngineRequestGuard.MAX_BYTES) {
            try {
                JsonNode root = json.readTree(body);
                String action = m.group(2);
                boolean variables = action.equals("variables") || action.equals("localVariables");
                names(root.path(variables ? "modifications" : "variables"), named);
                root.path("deletions").forEach(deletion -> named.add(deletion.asText()));
            } catch (IOException unreadable) {
                ProblemHandler.write(response, json, HttpStatus.BAD_REQUEST, "UNCHECKABLE_BODY",
                        "The body could not be read as JSON, so it was not passed on; nothing was changed.");
                return;
            }
        }
        Set<String> allowed = forms.editable(formOf(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)));
        Set<String> foreign = new TreeSet<>(named);
        foreign.removeAll(allowed);
        if (!foreign.isEmpty()) {
            log.warn("Refused a task write naming {} (the form takes {})", foreign, allowed);
            ProblemHandler.write(response, json, HttpStatus.BAD_REQUEST, "VARIABLE_NOT_IN_FORM",
                    "This task takes only its form's fields " + new TreeSet<>(allowed) + "; not " + foreign + ". Nothing was changed.");
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    private static void names(JsonNode object, Set<String> into) {
        for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
            into.add(fields.next());
        }
    }

    /** The task's form (WithoutCaller: the engine checks the caller's authorizations next). */
    private String formOf(String taskId) {
        Task task = WithoutCaller.lookUp(identity, () -> tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
        return task == null || task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
    }
}
