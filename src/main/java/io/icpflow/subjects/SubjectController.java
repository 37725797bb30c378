package io.icpflow.subjects;

import io.swagger.v3.oas.annotations.Operation;
import io.icpflow.web.Paging;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

@RestController
@RequestMapping(path = "/api/subjects", produces = MediaType.APPLICATION_JSON_VALUE)
class SubjectController {

    private final SubjectService subjects;

    SubjectController(SubjectService subjects) {
        this.subjects = subjects;
    }

    @GetMapping
    @Operation(summary = "The caller's subjects as they stand at MIIT through us: numbers, websites, apps, statuses; a page at a time "
            + "(page from 0, size 1 to 200, default 50; X-Total-Count, Link), by number")
    ResponseEntity<List<SubjectView>> list(Principal user, @RequestParam(name = "page", required = false) Integer page,
                                           @RequestParam(name = "size", required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        SubjectService.Listed listed = subjects.list(user.getName(), paging);
        return paging.response("/api/subjects", listed.items(), listed.total());
    }

    @GetMapping("/{icpNumber}")
    @Operation(summary = "One of the caller's subjects by its ICP number (URL-encoded); another applicant's: 404")
    SubjectView get(Principal user, @PathVariable String icpNumber) {
        return subjects.get(user.getName(), icpNumber);
    }
}
