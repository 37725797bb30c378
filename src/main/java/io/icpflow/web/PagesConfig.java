package io.icpflow.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Static pages served from {@code static/}: {@code /analytics/} is its {@code index.html}. */
@Configuration
class PagesConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/analytics", "/analytics/");
        registry.addViewController("/analytics/").setViewName("forward:/analytics/index.html");
    }
}
