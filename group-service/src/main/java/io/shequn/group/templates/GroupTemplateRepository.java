package io.shequn.group.templates;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Saved group setups. */
@ApplicationScoped
public class GroupTemplateRepository implements PanacheRepositoryBase<GroupTemplate, UUID> {

    /** Most used first. */
    public List<GroupTemplate> page(int offset, int size) {
        return findAll(Sort.descending("useCount", "createdAt").and("id"))
                .range(offset, offset + size - 1).list();
    }
}
