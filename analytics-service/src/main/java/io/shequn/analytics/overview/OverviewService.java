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
        long members = ((Number) entityManager.createNativeQuery("select count(*) from analytics_member")
                .getSingleResult()).longValue();
        return new Overview(members, revenue.total());
    }
}
