package cn.minsheng.ballot.congress;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Filter;
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.Messages;
import cn.minsheng.ballot.common.PageRequest;
import cn.minsheng.ballot.common.RequestLocale;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional
public class CongressService {

    public record CongressView(String id, String code, String name, CongressLevel level, String levelLabel,
            java.time.Instant createdAt) {
        static CongressView of(Congress c, java.util.Locale locale) {
            return new CongressView(c.id.toString(), c.code, c.name, c.level,
                    String.valueOf(Messages.word(locale, "congressLevel." + c.level.name())), c.createdAt);
        }
    }

    /** What anyone may read of a congress: its name and the code its public pages go by. */
    public record PublicCongress(String code, String name, CongressLevel level) {
        static PublicCongress of(Congress c) {
            return new PublicCongress(c.code, c.name, c.level);
        }
    }

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The language of the level's label (the request's Accept-Language). */
    @Inject
    RequestLocale locale;

    private CongressView view(Congress c) {
        return CongressView.of(c, locale.get());
    }

    public CongressView create(String code, String name, CongressLevel level) {
        Congress c = new Congress();
        c.code = code;
        c.name = name;
        c.level = level;
        c.createdAt = clock.instant();
        c.persistAndFlush();
        audit.append(null, "congress.created", "congress", c.id, Map.of("code", code, "name", name, "level", level));
        return view(c);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CongressView get(UUID id) {
        return view(find(caller.congress(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CongressView> list(CongressLevel level, String q, PageRequest page) {
        Filter f = Filter.where("1 = 1").and("level = :level", "level", level)
                .contains("(lower(name) like lower(:q) or lower(code) like lower(:q))", "q", q);
        return Page.of(Congress.find(f.query(), Sort.by("code"), f.params()), page, this::view);
    }

    /** Every congress by name, for residents choosing theirs; a name or code fragment narrows it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PublicCongress> listPublic(String q, PageRequest page) {
        Filter f = Filter.where("1 = 1").contains("(lower(name) like lower(:q) or lower(code) like lower(:q))", "q", q);
        return Page.of(Congress.find(f.query(), Sort.by("name").and("code"), f.params()), page, PublicCongress::of);
    }

    public CongressView update(UUID id, String name, CongressLevel level) {
        Congress c = find(id);
        if (name != null) {
            c.name = name;
        }
        if (level != null) {
            c.level = level;
        }
        audit.append(c.id, "congress.updated", "congress", c.id, Map.of("name", c.name, "level", c.level));
        return view(c);
    }

    static Congress find(UUID id) {
        return Congress.<Congress>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("congress"));
    }
}
