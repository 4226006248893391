namespace Qingfeng.Features.Clues;

/// <summary>Where a problem clue (问题线索) came from (domain.md 1.1).</summary>
public enum ClueSource
{
    Letter = 1,
    Visit = 2,
    Phone = 3,
    Online12388 = 4,
    SuperiorAssigned = 5,
    LeaderInstructed = 6,
    XunshiTransfer = 7,
    XunchaTransfer = 8,
    AuditTransfer = 9,
    AdministrativeEnforcementTransfer = 10,
    JudicialTransfer = 11,
    FoundInSupervision = 12,
    FoundInCase = 13,
    SpecialCampaign = 14,
    LowerLevelReport = 15,
    SelfSurrender = 16,
    MediaOrBigData = 17,
}

/// <summary>
/// The lifecycle of a clue and, once filed, of its case (domain.md 1.8). A case is the later phase of
/// the clue it came from: one reported person per clue keeps that one-to-one.
/// </summary>
public enum ClueState
{
    /// <summary>登记: numbered and registered by the petition office (or the finding department).</summary>
    Registered = 1,

    /// <summary>不予受理.</summary>
    NotAccepted = 2,

    /// <summary>Sealed report about a higher-managed cadre, passed up; no content kept (检举控告规则 art. 15).</summary>
    ForwardedUp = 3,

    /// <summary>重复件: merged into an earlier clue.</summary>
    Merged = 4,

    /// <summary>案管: in the central register awaiting allocation.</summary>
    CaseManagement = 5,

    /// <summary>分办意见 awaiting the commission principal leader's approval.</summary>
    AllocationProposed = 6,

    /// <summary>承办: with the handling office and officer.</summary>
    Assigned = 7,

    /// <summary>处置意见 awaiting approval.</summary>
    DisposalProposed = 8,

    /// <summary>Approved by the commission; awaiting the same-level party committee's principal leader (一把手 path).</summary>
    AwaitingPartyCommittee = 9,

    /// <summary>谈话函询 in progress.</summary>
    TalkInquiry = 10,

    /// <summary>初步核实 in progress.</summary>
    Verification = 11,

    /// <summary>暂存待查, reviewed periodically.</summary>
    Shelved = 12,

    /// <summary>予以了结 (incl. 采信了结 and first-form measures).</summary>
    Closed = 13,

    /// <summary>拟立案: verification proposes filing a case.</summary>
    CaseProposed = 14,

    /// <summary>立案.</summary>
    Filed = 15,

    /// <summary>审查调查.</summary>
    Investigating = 16,

    /// <summary>审查调查报告 done, facts shown to the person.</summary>
    InvestigationReported = 17,

    /// <summary>案件审理.</summary>
    InReview = 18,

    /// <summary>审理报告 done, awaiting decision.</summary>
    ReviewReported = 19,

    /// <summary>处分/处理决定 made.</summary>
    Decided = 20,

    /// <summary>移送检察机关审查起诉.</summary>
    TransferredToProcuratorate = 21,

    /// <summary>归档.</summary>
    Archived = 22,

    /// <summary>申诉/复审复核 under way.</summary>
    Appealed = 23,

    /// <summary>移送有关党组织（监察机关）处理.</summary>
    TransferredOut = 24,
}

/// <summary>The four disposal methods (四种处置方式, domain.md 1.3).</summary>
public enum DisposalMethod
{
    /// <summary>谈话函询.</summary>
    TalkInquiry = 1,

    /// <summary>初步核实.</summary>
    Verification = 2,

    /// <summary>暂存待查.</summary>
    Shelve = 3,

    /// <summary>予以了结.</summary>
    Close = 4,
}

/// <summary>How a closed clue ended (了结 reasons and first-form measures, domain.md 1.5 art. 30).</summary>
public enum ClosingOutcome
{
    /// <summary>反映不实/查无实据, 采信了结 (with a feedback letter).</summary>
    Clarified = 1,

    /// <summary>无法查证.</summary>
    Unverifiable = 2,

    /// <summary>谈话提醒.</summary>
    ReminderTalk = 3,

    /// <summary>批评教育.</summary>
    CriticismEducation = 4,

    /// <summary>责令检查.</summary>
    OrderedSelfExamination = 5,

    /// <summary>诫勉.</summary>
    Admonishment = 6,
}

/// <summary>Result of an appeal (申诉/复审/复核).</summary>
public enum AppealResult
{
    Upheld = 1,
    Amended = 2,
    Revoked = 3,
}

/// <summary>What a participant does on a clue; participants form its need-to-know circle.</summary>
public enum ParticipantRole
{
    Registrar = 1,
    Handler = 2,
    Investigator = 3,
    Reviewer = 4,
}

/// <summary>Which deadline a clue is running against.</summary>
public enum DeadlineKind
{
    /// <summary>Real-name reporter told whether accepted (15 working days).</summary>
    Acceptance = 1,

    /// <summary>处置意见 within 1 month of receipt.</summary>
    DisposalProposal = 2,

    /// <summary>函询 reply (15 working days).</summary>
    InquiryReply = 3,

    /// <summary>Situation report after the talk or reply (1 month).</summary>
    InquiryReport = 4,

    /// <summary>暂存待查 periodic review.</summary>
    ShelvedReview = 5,

    /// <summary>审理 within 1 month of acceptance.</summary>
    Review = 6,

    /// <summary>Decision announced within 1 month.</summary>
    Announcement = 7,

    /// <summary>Appeal decided (复议复查 of a party member: 3 months).</summary>
    Appeal = 8,

    /// <summary>复审 of a 监察/政务 decision decided (1 month).</summary>
    AppealReexamination = 9,

    /// <summary>复核 at the next level after a 复审 decided (2 months).</summary>
    AppealRecheck = 10,

    /// <summary>The real-name reporter told the result (15 working days after the matter is concluded).</summary>
    ResultFeedback = 11,
}

/// <summary>Which appeal a decision faces (domain.md 2): party members' 复议复查, or a 监察/政务 decision's 复审 and then 复核.</summary>
public enum AppealStage
{
    /// <summary>复议复查 by the deciding party committee or commission (3 months).</summary>
    PartyReview = 1,

    /// <summary>复审 by the deciding organ (1 month).</summary>
    Reexamination = 2,

    /// <summary>复核 at the next level, once the 复审 is decided (2 months).</summary>
    Recheck = 3,
}
