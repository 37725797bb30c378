package io.icpflow.console;

import io.icpflow.filing.FilingService;
import io.icpflow.filing.FilingView;
import io.icpflow.filing.ReasonMessages;
import io.icpflow.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
@Tag(name = "Filings")
class FilingOutlookController {

    private final FilingService filings;
    private final FilingOutlook outlook;

    FilingOutlookController(FilingService filings, FilingOutlook outlook) {
        this.filings = filings;
        this.outlook = outlook;
    }

    @GetMapping(path = "/api/filings/{id}/outlook", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What happens next (in lang, zh-CN or en; default the filing's) and by when: the due date of the current wait's timer, the limit it keeps, and the "
            + "province's recent median CA review time; another applicant's filing is 404")
    @Transactional(readOnly = true)
    FilingOutlook.Outlook outlook(Principal user, @PathVariable String id, @RequestParam(name = "lang", required = false) String language) {
        String filingId = Ids.existing("Filing", id);
        // one transaction: the view and the application come from the filing's one read (UnitOfWork)
        FilingView view = filings.get(user.getName(), filingId);
        String lang = language == null ? view.locale() : language;
        return outlook.of(view, filings.application(user.getName(), filingId).subject().province(),
                filings.nextStep(user.getName(), filingId, ReasonMessages.locale(lang)));
    }
}
