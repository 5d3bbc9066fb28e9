package cn.minsheng.ballot.project;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.minsheng.ballot.ballot.RatedProjects;

/** The project package's answer to {@link RatedProjects}. */
@ApplicationScoped
public class ProjectTitles implements RatedProjects {

    @Override
    public Optional<String> title(UUID congressId, UUID projectId) {
        return Project.<Project>findByIdOptional(projectId).filter(x -> x.congressId.equals(congressId)).map(x -> x.title);
    }
}
