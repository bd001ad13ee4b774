package io.shequn.engagement.points;

import io.shequn.engagement.membership.MembershipService;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.UUID;

@ApplicationScoped
public class PointsService {

    private static final Logger LOG = Logger.getLogger(PointsService.class);

    @Inject
    PointsLedger ledger;

    @Inject
    MembershipService memberships;

    @Transactional
    public PointsResponse points(UUID memberId, PageRequest page) {
        Page<PointsEntryResponse> history = Page.of(
                ledger.history(memberId, page.offset(), page.size()).stream().map(PointsEntryResponse::of).toList(),
                page, ledger.count(memberId));
        return new PointsResponse(memberId, ledger.balance(memberId), history);
    }

    /** An operator's grant or deduction, recorded with who did it and why. */
    @Transactional
    public PointsChange adjust(UUID memberId, AdjustPointsRequest request, Caller caller) {
        if (request.delta() == 0) {
            throw ProblemException.invalid("delta", "must not be 0");
        }
        // Points of a member id nobody has seen would sit on an account no member ever reads.
        if (!memberships.hasBeenMember(memberId, null) && ledger.count(memberId) == 0) {
            throw new ProblemException(404, "not-found", "Not found",
                    "Member " + memberId + " has never been in a group nor held points here");
        }
        if (request.groupId() != null && !memberships.hasBeenMember(memberId, request.groupId())) {
            throw ProblemException.invalid("groupId", "names a group member " + memberId + " has never been in");
        }
        String reason = request.delta() > 0 ? PointsReason.OPERATOR_GRANT : PointsReason.OPERATOR_DEDUCT;
        UUID reference = request.referenceId() != null ? request.referenceId() : UUID.randomUUID();
        PointsChange change = ledger.change(memberId, request.groupId(), request.delta(), reason, reference,
                caller.memberId(), request.reason().strip());
        if (change.applied()) {
            LOG.infof("Operator %s adjusted points of member %s by %d", caller.memberId(), memberId, request.delta());
        }
        return change;
    }

}
