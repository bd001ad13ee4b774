package io.shequn.member.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shequn.member.profile.Member;
import io.shequn.member.profile.MemberProfileRequest;
import io.shequn.member.profile.MemberRepository;
import io.shequn.member.profile.MemberService;
import io.shequn.member.referral.InviteCodes;
import io.shequn.platform.problem.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bulk import by external id. Every row is validated on its own and reported; valid rows are
 * written in chunks, each chunk one transaction with its events, so a huge import neither holds
 * one giant transaction nor loses earlier chunks when a later one fails. Re-importing an
 * external id updates that member and never creates a second one.
 */
@ApplicationScoped
public class MemberImport {

    public static final int MAX_ROWS = 10_000;
    private static final int CHUNK = 500;
    private static final int MAX_EXTERNAL_ID = 128;

    private static final Logger LOG = Logger.getLogger(MemberImport.class);

    @Inject
    Validator validator;

    @Inject
    MemberService members;

    @Inject
    MemberRepository memberRows;

    public ImportResult run(ImportRequest request) {
        long started = System.nanoTime();
        List<ImportRow> rows = request.members();
        ImportResult.Row[] results = new ImportResult.Row[rows.size()];
        List<Integer> valid = new ArrayList<>();
        Map<String, Integer> firstIndexOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            String problem = problemWith(row);
            if (problem == null) {
                Integer first = firstIndexOf.putIfAbsent(row.externalId().strip(), i);
                if (first != null) {
                    problem = "externalId: already used by row " + first + " of this import";
                }
            }
            if (problem != null) {
                results[i] = rejected(i, row, problem);
            } else {
                valid.add(i);
            }
        }
        for (int from = 0; from < valid.size(); from += CHUNK) {
            List<Integer> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
            List<ImportResult.Row> written;
            try {
                written = QuarkusTransaction.requiringNew().call(() -> write(rows, chunk));
            } catch (RuntimeException e) {
                // Usually a concurrent import inserted the same external id first: now it exists, so retrying updates it.
                LOG.warnf("Import chunk of %d rows failed, retrying once: %s", chunk.size(), Failures.describe(e));
                written = QuarkusTransaction.requiringNew().call(() -> write(rows, chunk));
            }
            written.forEach(row -> results[row.index()] = row);
        }
        ImportResult result = ImportResult.of(Arrays.asList(results));
        LOG.infof("Imported %d rows in %d ms: %d created, %d updated, %d rejected", rows.size(),
                (System.nanoTime() - started) / 1_000_000, result.created(), result.updated(), result.rejected());
        return result;
    }

    private List<ImportResult.Row> write(List<ImportRow> rows, List<Integer> chunk) {
        List<String> externalIds = chunk.stream().map(i -> rows.get(i).externalId().strip()).toList();
        Map<String, Member> existing = memberRows.byExternalIds(externalIds).stream()
                .collect(Collectors.toMap(m -> m.externalId, m -> m));
        Set<String> usableCodes = usableInviteCodes(chunk.stream()
                .map(i -> InviteCodes.normalise(rows.get(i).inviteCode())).filter(c -> c != null && !c.isEmpty()).toList());

        Iterator<String> newCodes = members.unusedInviteCodes(chunk.size() - existing.size()).iterator();
        List<ImportResult.Row> written = new ArrayList<>(chunk.size());
        for (int i : chunk) {
            ImportRow row = rows.get(i);
            String externalId = row.externalId().strip();
            Member member = existing.get(externalId);
            if (member != null) {
                // An invite code only counts when the member is created.
                MemberProfileRequest profile = row.profile();
                members.update(member, new MemberProfileRequest(profile.displayName(), profile.region(), profile.occupation(),
                        profile.tags(), profile.bio(), profile.phone(), profile.email(), null));
                written.add(new ImportResult.Row(i, externalId, ImportResult.Status.UPDATED, member.id, null));
                continue;
            }
            String code = InviteCodes.normalise(row.inviteCode());
            if (code != null && !code.isEmpty() && !usableCodes.contains(code)) {
                written.add(rejected(i, row, "inviteCode: no member has the invite code " + code));
                continue;
            }
            Member created = members.create(UUID.randomUUID(), row.profile(), externalId, newCodes.next());
            written.add(new ImportResult.Row(i, externalId, ImportResult.Status.CREATED, created.id, null));
        }
        return written;
    }

    private Set<String> usableInviteCodes(List<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(memberRows.usableInviteCodes(codes));
    }

    /** The reasons a row cannot be imported, as "field: message; ...", or null when it is fine. */
    private String problemWith(ImportRow row) {
        if (row == null) {
            return "row: must not be null";
        }
        List<String> problems = new ArrayList<>();
        if (row.externalId() == null || row.externalId().isBlank()) {
            problems.add("externalId: must not be blank");
        } else if (row.externalId().strip().length() > MAX_EXTERNAL_ID) {
            problems.add("externalId: size must be between 1 and " + MAX_EXTERNAL_ID);
        }
        for (ConstraintViolation<MemberProfileRequest> violation : validator.validate(row.profile())) {
            problems.add(violation.getPropertyPath().toString().replace(".<list element>", "") + ": " + violation.getMessage());
        }
        return problems.isEmpty() ? null : problems.stream().sorted().collect(Collectors.joining("; "));
    }

    private static ImportResult.Row rejected(int index, ImportRow row, String reason) {
        return new ImportResult.Row(index, row == null ? null : row.externalId(), ImportResult.Status.REJECTED, null, reason);
    }
}
