package cn.minsheng.ballot.proposal;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;


import jakarta.inject.Inject;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.FieldError;
import cn.minsheng.ballot.common.Messages;

/**
 * Project categories. The list is configuration ({@code minsheng.proposal.categories}), so a
 * congress platform can add its own; labels come from the message bundle (category.CODE), and an
 * added code without a label shows as itself.
 */
@ApplicationScoped
public class Categories {

    public record Category(String code, String label) {
    }

    @Inject
    ProposalConfig config;

    public List<Category> all(Locale locale) {
        return config.categories().stream().map(c -> new Category(c, label(c, locale))).toList();
    }

    public String label(String code, Locale locale) {
        String label = Messages.text(locale, "category." + code);
        return label.startsWith("category.") ? code : label;
    }

    public void check(String field, String code, Locale locale) {
        if (!config.categories().contains(code)) {
            throw new ApiException(ApiException.Kind.INVALID, "UNKNOWN_CATEGORY",
                    List.of(FieldError.of(field, Messages.text(locale, "UNKNOWN_CATEGORY", code))), code);
        }
    }
}
