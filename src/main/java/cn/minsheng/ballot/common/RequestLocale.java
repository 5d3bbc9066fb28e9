package cn.minsheng.ballot.common;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

/** The language of this request's texts: Chinese unless Accept-Language asks for English. */
@RequestScoped
public class RequestLocale {

    @Inject
    HttpHeaders headers;

    public Locale get() {
        try {
            return Messages.pick(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return Messages.CHINESE;
        }
    }
}
