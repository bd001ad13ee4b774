package io.shequn.engagement.rewards;

import io.shequn.platform.auth.GroupResources;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The group a reward belongs to (none for a global reward), for the audiences of {@code /rewards/{rewardId}}. */
@ApplicationScoped
public class RewardGroups implements GroupResources {

    @Inject
    EntityManager entityManager;

    @Override
    public String pathParameter() {
        return "rewardId";
    }

    @Override
    @Transactional
    public Optional<UUID> groupOf(UUID rewardId) {
        List<?> rows = entityManager.createNativeQuery("select group_id from reward where id = :id")
                .setParameter("id", rewardId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Reward", rewardId);
        }
        return Optional.ofNullable((UUID) rows.get(0));
    }
}
