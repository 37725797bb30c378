package io.icpflow.subjects;

import io.icpflow.filing.FilingApplication.Contact;
import io.icpflow.registry.RegistryStatus;

import java.util.List;

/** A subject as it stands at MIIT through us (API.md "The caller's filed subjects"), not the applications that made it. */
public record SubjectView(String icpNumber, String name, String kind, String province, Contact contact, RegistryStatus status,
                          List<WebsiteView> websites, List<AppView> apps) {

    public record WebsiteView(String icpNumber, String name, List<String> domains, String serverRegion, RegistryStatus status) {
    }

    /** Apps filed through us (…号-nA) with the platforms they are filed for. */
    public record AppView(String icpNumber, String name, List<String> platforms, String serverRegion, RegistryStatus status) {
    }
}
