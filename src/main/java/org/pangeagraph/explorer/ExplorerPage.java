package org.pangeagraph.explorer;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /explorer} answers with the explorer's page, {@code static/explorer/index.html}; its scripts and
 * styles are the static files beside it, its libraries the webjars. Sign-in, roles and the
 * Content-Security-Policy are the security package's, as for the API.
 */
@Configuration(proxyBeanMethods = false)
class ExplorerPage implements WebMvcConfigurer {

    static final String PATH = "/explorer";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController(PATH).setViewName("forward:" + PATH + "/index.html");
        registry.addRedirectViewController(PATH + "/", PATH);
    }

}
