package cn.minsheng.ballot.congress;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.minsheng.ballot.common.Tenants;

/** The congress package's answer to {@link Tenants}. */
@ApplicationScoped
public class CongressDirectory implements Tenants {

    @Override
    public boolean deputyInOffice(UUID deputyId) {
        return Deputy.<Deputy>findByIdOptional(deputyId).filter(d -> d.status == DeputyStatus.SEATED).isPresent();
    }

    @Override
    public Optional<String> codeOf(UUID congressId) {
        return Congress.<Congress>findByIdOptional(congressId).map(c -> c.code);
    }

    @Override
    public boolean exists(UUID congressId) {
        return Congress.findByIdOptional(congressId).isPresent();
    }

    @Override
    public Optional<UUID> idOfCode(String code) {
        return Congress.findByCode(code).map(x -> x.id);
    }

    @Override
    public boolean hasDeputy(UUID congressId, UUID deputyId) {
        return Deputy.count("id = ?1 and congressId = ?2", deputyId, congressId) == 1;
    }
}
