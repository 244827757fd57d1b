// The sprint acceptance review for the wire: the most recent sprints only (with the total count).
import {
  ACCEPTANCE_SPRINT_CAP,
  SPRINT_ISSUE_CAP,
  type ResultAcceptanceReview,
} from '../../contract/analysis';
import type { AcceptanceReview } from '../acceptance';
import { wireEvidence } from './cell-evidence';
import { iso, isoOrNull, round2, share4 } from './numbers';

export function presentAcceptance(review: AcceptanceReview): ResultAcceptanceReview {
  const listed = review.sprints.slice(-ACCEPTANCE_SPRINT_CAP);
  return {
    sprints: listed.map((s) => ({
      sprintId: s.sprint.id,
      name: s.sprint.name,
      boardId: s.sprint.boardId,
      start: isoOrNull(s.sprint.start),
      end: isoOrNull(s.sprint.end),
      complete: isoOrNull(s.sprint.complete),
      completed: s.completed.slice(-SPRINT_ISSUE_CAP).map((r) => ({
        issueKey: r.issueKey,
        acceptorId: r.acceptorId,
        assigneeId: r.assigneeId,
        selfAccepted: r.selfAccepted,
        criteriaPresent: r.criteriaPresent,
        waitWorkingDays: round2(r.waitWorkingDays),
        afterSprintEnd: r.afterSprintEnd,
        at: iso(r.at),
        evidence: wireEvidence(r.evidence),
      })),
      completedTotal: s.completed.length,
      carriedOver: s.carriedOver.slice(0, SPRINT_ISSUE_CAP),
      carriedOverTotal: s.carriedOver.length,
      acceptors: s.acceptors.map((a) => ({
        personId: a.personId,
        count: a.count,
        share: share4(a.share),
        medianWaitDays: round2(a.medianWaitDays),
      })),
      topAcceptor: s.topAcceptor
        ? { personId: s.topAcceptor.personId, share: share4(s.topAcceptor.share) }
        : null,
      selfAccepted: s.selfAccepted,
      withoutCriteria: s.withoutCriteria,
      acceptedAfterEnd: s.acceptedAfterEnd,
    })),
    sprintsTotal: review.sprints.length,
    outsideSprints: review.outsideSprints,
  };
}
