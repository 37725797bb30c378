package io.icpflow.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The codes an application names, with their names (for forms such as the console's). */
@RestController
@Tag(name = "Reference data", description = "Provinces and server regions (any authenticated user)")
class ReferenceController {

    private final Provinces provinces;
    private final Regions regions;

    ReferenceController(Provinces provinces, Regions regions) {
        this.provinces = provinces;
        this.regions = regions;
    }

    @GetMapping(path = "/api/reference/provinces", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The provinces by code (subject.province), with their names and ICP number abbreviation")
    List<Provinces.Province> provinces() {
        return provinces.all();
    }

    @GetMapping(path = "/api/reference/regions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The server regions (serverRegion) and where each is: MAINLAND regions need a filing")
    List<Regions.Region> regions() {
        return regions.all();
    }
}
