package io.icpflow.filing;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.calendar.BusinessCalendar;
import io.icpflow.calendar.EngineClock;
import io.icpflow.rules.RuleTables;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;

/**
 * Every time limit the filing processes keep, in one place: the BPMN timers ask {@link Slas} for
 * their due dates, the analytics count a breach against the same deadline, and the escalation form
 * shows the limit's text. Business days are those of {@link BusinessCalendar} (PRODUCT.md). A limit
 * that differs by province or day is a rule table ({@code table}); its amount here is only the
 * national one, for labels.
 */
public enum Sla {
    /** PRODUCT.md 1.3: the provider reviews within one business day, then escalates. */
    PROVIDER_REVIEW("provider review", "接入商审核", Unit.BUSINESS_DAYS, 1),
    /** PRODUCT.md 1.5: the principals have 24 hours to verify MIIT's SMS (rules/sms-verification.json, "hours"). */
    SMS_VERIFICATION("SMS verification", "短信核验", Unit.HOURS, 24, RuleTables.SMS_VERIFICATION, "hours"),
    /** PRODUCT.md 1.6, 002 §13: the CA decides within 20 business days (Decree 33 Art. 12), Zhejiang 30 (rules/ca-review-limit.json). */
    CA_REVIEW("CA review", "管局审核", Unit.BUSINESS_DAYS, 20, RuleTables.CA_REVIEW_LIMIT, null),
    /** PRODUCT.md 1.8, 001: MIIT's result reaches us within 2 business days. */
    SYNC("MIIT sync", "工信部同步", Unit.BUSINESS_DAYS, 2),
    /** PRODUCT.md 1.2, 003: MIIT takes about two business days to record real-name authentication. */
    REAL_NAME_RECORDING("real-name recording", "实名认证同步", Unit.BUSINESS_DAYS, 2),
    /** PRODUCT.md 1: a returned application untouched for 45 days is closed; reminders at day 30 and 40. */
    INACTIVE_FIRST_REMINDER("first reminder", "首次提醒", Unit.DAYS, 30),
    INACTIVE_LAST_REMINDER("last reminder", "最后提醒", Unit.DAYS, 40),
    INACTIVE_CLOSE("close without update", "无更新关闭", Unit.DAYS, 45),
    /** PRODUCT.md 1.9, 002 §5: the Public Security filing is due within 30 days; remind with 10 days left. */
    PUBLIC_SECURITY_REMINDER("Public Security filing reminder", "公安备案提醒", Unit.DAYS, 20);

    public enum Unit { BUSINESS_DAYS, HOURS, DAYS }

    private final String name;
    private final String nameZh;
    private final Unit unit;
    private final int amount;
    private final String table;
    private final String field;

    Sla(String name, String nameZh, Unit unit, int amount) {
        this(name, nameZh, unit, amount, null, null);
    }

    /**
     * @param table the rule table that sets the amount by province and day
     * @param field where a row holds the amount: null, its value itself; else that field of its value
     */
    Sla(String name, String nameZh, Unit unit, int amount, String table, String field) {
        this.name = name;
        this.nameZh = nameZh;
        this.unit = unit;
        this.amount = amount;
        this.table = table;
        this.field = field;
    }

    /** The rule table that sets the amount by province and day, or null: the amount is the same everywhere. */
    public String table() {
        return table;
    }

    /** The amount a row of {@link #table()} gives. */
    public int amountOf(JsonNode ruleValue) {
        return (field == null ? ruleValue : ruleValue.path(field)).asInt(amount);
    }

    public Unit unit() {
        return unit;
    }

    public int amount() {
        return amount;
    }

    /** When a limit of {@code amount} units runs out for something that started at {@code from}. */
    public Instant deadline(Instant from, int amount, BusinessCalendar calendar) {
        return switch (unit) {
            case BUSINESS_DAYS -> calendar.deadlineAfter(from, amount).toInstant();
            case HOURS -> from.plus(Duration.ofHours(amount));
            case DAYS -> from.atZone(EngineClock.CHINA).plus(Period.ofDays(amount)).toInstant();
        };
    }

    /** The limit in whole business days, for charts beside business-day durations (24 hours: 1). */
    public int businessDays() {
        return unit == Unit.HOURS ? (amount + 23) / 24 : amount;
    }

    /** "CA review: 20 business days · 管局审核：20 个工作日" for the escalation form and the analytics page. */
    public String text() {
        return text(amount);
    }

    /** The same with the amount in force for a filing (Zhejiang's 30 business days). */
    public String text(int amount) {
        String en = switch (unit) {
            case BUSINESS_DAYS -> amount + (amount == 1 ? " business day" : " business days");
            case HOURS -> amount + " hours";
            case DAYS -> amount + " days";
        };
        String zh = switch (unit) {
            case BUSINESS_DAYS -> amount + " 个工作日";
            case HOURS -> amount + " 小时";
            case DAYS -> amount + " 天";
        };
        return name + ": " + en + " · " + nameZh + "：" + zh;
    }
}
