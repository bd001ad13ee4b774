package io.shequn.analytics.overview;

import io.shequn.analytics.revenue.RevenueQueries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class OverviewService {

    @Inject
    EntityManager entityManager;

    @Inject
    RevenueQueries revenue;

    @Transactional
    public Overview overview() {
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                        select count(*) filter (where registered_at is not null), count(*) filter (where verified_at is not null)
                        from analytics_member""")
                .getSingleResult();
        return new Overview(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(), revenue.total());
    }
}
