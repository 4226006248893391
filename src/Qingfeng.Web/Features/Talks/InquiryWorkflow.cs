using static Qingfeng.Features.Talks.InquiryState;

namespace Qingfeng.Features.Talks;

/// <summary>What can be done to a letter of inquiry once sent.</summary>
public enum InquiryAction
{
    RecordReply = 1,
    Assess = 2,
}

/// <summary>
/// A letter of inquiry's lifecycle as data (Sent → Replied → Closed): the entity checks its moves against it, the service checks
/// the caller, the detail offers the available actions and <c>GET /api/v1/inquiries/workflow</c> publishes it.
/// </summary>
public static class InquiryWorkflow
{
    public static readonly WorkflowTable<Inquiry, InquiryState, InquiryAction> Table =
        new WorkflowTableBuilder<Inquiry, InquiryState, InquiryAction>("inquiry", i => i.State, Permission.SupervisionManage)
            .Row(InquiryAction.RecordReply, [Sent], Replied)
            .Row(InquiryAction.Assess, [Replied], Closed)
            .Build();
}
