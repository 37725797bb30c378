package io.icpflow.filing;

import io.icpflow.reference.Provinces;
import io.icpflow.rules.Rule;
import io.icpflow.rules.RuleBook;
import io.icpflow.rules.RuleTable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * The applicant-facing texts of reason codes and statuses, in the filing's locale. A reason's message
 * ends with the rule it applied: the row it names, else the national check of its code (rules/checks.json).
 */
@Component
public class ReasonMessages {

    private final MessageSource messages;
    private final RuleBook rules;
    private final Provinces provinces;
    private final IdentityVerificationRules verification;

    public ReasonMessages(MessageSource messages, RuleBook rules, Provinces provinces, IdentityVerificationRules verification) {
        this.messages = messages;
        this.rules = rules;
        this.provinces = provinces;
        this.verification = verification;
    }

    public static Locale locale(String tag) {
        return "en".equals(tag) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    public String message(Reason reason, Locale locale) {
        String detail = reason.detail() == null ? "" : reason.detail();
        String text = messages.getMessage("reason." + reason.code().name(), new Object[]{detail}, locale);
        return ruleOf(reason).map(rule -> text + " " + ruleLabel(rule, locale)).orElse(text);
    }

    public FilingView.ReasonView view(Reason reason, Locale locale) {
        Optional<Rule> rule = ruleOf(reason);
        return new FilingView.ReasonView(reason.code().name(), message(reason, locale), reason.field(),
                rule.map(Rule::id).orElse(null), rule.map(r -> r.source().text()).orElse(null));
    }

    /** The rule a reason applied: the row it names, else the national check of its code. */
    public Optional<Rule> ruleOf(Reason reason) {
        return rules.byId(reason.rule()).or(() -> rules.checkOf(reason.code().name()));
    }

    /** "（依据：管局审核时限（工作日），浙江，2005-03-20起）" / "(Rule: CA review limit (business days), Zhejiang, from 2005-03-20)". */
    private String ruleLabel(Rule rule, Locale locale) {
        RuleTable table = rules.table(rule.table());
        boolean zh = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        String where = rule.province() == null ? (zh ? "全国" : "national")
                : provinces.find(rule.province()).map(p -> zh ? p.nameZh() : p.nameEn()).orElse(rule.province());
        return zh ? "（依据：" + table.titleZh() + "，" + where + "，" + rule.validFrom() + "起）"
                : "(Rule: " + table.title() + ", " + where + ", from " + rule.validFrom() + ")";
    }

    public String statusLabel(FilingStatus status, Locale locale) {
        return messages.getMessage("status." + status.name(), null, locale);
    }

    /** What happens next for the filing; the verification's text names how long a link works under the filing's rules. */
    public String nextStep(Filing filing, Locale locale) {
        Object[] values = filing.status() != FilingStatus.IDENTITY_VERIFICATION ? null
                : new Object[] {verification.sessionLife(filing.application().subject().province(), filing.rulesDay()).toMinutes()};
        return messages.getMessage("status.next." + filing.status().name(), values, locale);
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
