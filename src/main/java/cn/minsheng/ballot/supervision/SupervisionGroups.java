package cn.minsheng.ballot.supervision;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.minsheng.ballot.project.Supervisors;

/** The supervision package's answer to {@link Supervisors}. */
@ApplicationScoped
public class SupervisionGroups implements Supervisors {

    @Inject
    SupervisionService supervision;

    @Override
    public boolean supervises(UUID projectId, UUID deputyId) {
        return supervision.group(projectId).contains(deputyId);
    }
}
