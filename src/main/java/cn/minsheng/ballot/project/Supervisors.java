package cn.minsheng.ballot.project;

import java.util.UUID;

/**
 * Whether a deputy is in a project's supervision group. Supervision stands above projects and owns
 * its tables, so the supervision package answers this.
 */
public interface Supervisors {

    boolean supervises(UUID projectId, UUID deputyId);
}
