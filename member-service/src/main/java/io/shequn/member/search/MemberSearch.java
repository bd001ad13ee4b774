package io.shequn.member.search;

import io.shequn.member.profile.Member;
import io.shequn.member.profile.MemberResponse;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Operators find members by tag, region, occupation and free text (name or bio). Erased members
 * are not found. Newest first.
 */
@ApplicationScoped
public class MemberSearch {

    @Inject
    EntityManager entityManager;

    public record Criteria(String tag, String region, String occupation, String text) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<MemberResponse> find(Criteria criteria, PageRequest page) {
        List<String> conditions = new ArrayList<>(List.of("erased_at is null"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (present(criteria.tag())) {
            // Tags are stored normalised; the GIN index answers @>.
            conditions.add("tags @> array[cast(:tag as text)]");
            parameters.put("tag", criteria.tag().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        }
        if (present(criteria.region())) {
            conditions.add("lower(region) = lower(:region)");
            parameters.put("region", criteria.region().strip());
        }
        if (present(criteria.occupation())) {
            conditions.add("lower(occupation) = lower(:occupation)");
            parameters.put("occupation", criteria.occupation().strip());
        }
        if (present(criteria.text())) {
            conditions.add("(display_name ilike :text escape '\\' or bio ilike :text escape '\\')");
            parameters.put("text", "%" + criteria.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String where = " where " + String.join(" and ", conditions);

        Query count = entityManager.createNativeQuery("select count(*) from member" + where);
        Query select = entityManager.createNativeQuery(
                "select * from member" + where + " order by registered_at desc, id", Member.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<Member> members = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(members.stream().map(member -> MemberResponse.of(member, true)).toList(), page, total);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
