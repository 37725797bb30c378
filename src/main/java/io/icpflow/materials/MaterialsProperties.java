package io.icpflow.materials;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code icp.materials.*}: the size limits per class (API.md: images and PDFs 5 MiB, the app icon 100 KiB,
 * video 50 MiB), the largest image a reviewer's browser is asked to decode, and how long an upload that
 * no filing uses is kept.
 */
@ConfigurationProperties("icp.materials")
public record MaterialsProperties(@DefaultValue("5MB") DataSize document, @DefaultValue("100KB") DataSize icon,
                                  @DefaultValue("50MB") DataSize video, @DefaultValue("40000000") long maxPixels,
                                  @DefaultValue("P7D") Duration unattached) {

    public long limit(MaterialKind.SizeClass sizeClass) {
        return switch (sizeClass) {
            case DOCUMENT -> document.toBytes();
            case ICON -> icon.toBytes();
            case VIDEO -> video.toBytes();
        };
    }

    /** The largest upload of any kind: the request size the upload endpoint accepts. */
    public long largest() {
        return Math.max(document.toBytes(), Math.max(icon.toBytes(), video.toBytes()));
    }
}
