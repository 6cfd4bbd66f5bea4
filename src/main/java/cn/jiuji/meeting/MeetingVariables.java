package cn.jiuji.meeting;

import cn.jiuji.base.CaseVariable;

/** The variables and ids of {@code approvalMeeting.bpmn} (SPEC §8): the contract. */
public final class MeetingVariables {

  public static final String PROCESS_KEY = "approvalMeeting";

  // elements
  public static final String MEETING_CALLED = "meetingCalled";
  public static final String GATHER_CASES = "gatherCases";
  public static final String MEETING_DECISION = "meetingDecision";
  public static final String MEETING_HELD = "meetingHeld";

  // start (the start form approvalMeeting.form)
  public static final CaseVariable<String> MEETING_DATE = CaseVariable.of("meetingDate", String.class);
  public static final CaseVariable<String> MEETING_TITLE = CaseVariable.of("meetingTitle", String.class);
  public static final CaseVariable<String> CONVENED_BY = CaseVariable.of("convenedBy", String.class);
  // set by gatherCases
  /** How many cases were put before the meeting. */
  public static final CaseVariable<Long> CASE_COUNT = CaseVariable.of("caseCount", Long.class);
  /**
   * Json: the cases put before the meeting, {@code [{caseNo, processInstanceId}]}; only these may be
   * decided (the form does not show it, so no worker can submit it).
   */
  public static final String MEETING_CASES = "meetingCases";
  /**
   * Json: first the agenda, one entry per case with what the form shows and the starting decision
   * ({@code approved: "later"}); after the meeting the decisions taken, {@code [{caseNo, approved,
   * approvedAmount, approvalNote, capOverride, capOverrideReason, belowThresholdReason}]}.
   */
  public static final String DECISIONS = "decisions";
  // meetingDecision
  public static final CaseVariable<String> ATTENDEES = CaseVariable.of("attendees", String.class);
  public static final CaseVariable<String> MINUTES = CaseVariable.of("minutes", String.class);
  public static final CaseVariable<Long> DECIDED_COUNT = CaseVariable.of("decidedCount", Long.class);
  public static final CaseVariable<Long> APPROVED_COUNT = CaseVariable.of("approvedCount", Long.class);
  public static final CaseVariable<Long> DEFERRED_COUNT = CaseVariable.of("deferredCount", Long.class);

  /** The form's choice for a case the meeting does not decide (暂缓，留待下次会议研究). */
  public static final String LATER = "later";

  private MeetingVariables() {}
}
