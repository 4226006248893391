using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;
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
    private static readonly WorkflowGuard<Inquiry>[] Owner = [WorkflowGuards<Inquiry>.Owner];

    public static readonly WorkflowTable<Inquiry, InquiryState, InquiryAction> Table = new("inquiry", i => i.State,
    [
        new(InquiryAction.RecordReply, [Sent], Replied, Permission.SupervisionManage, Owner),
        new(InquiryAction.Assess, [Replied], Closed, Permission.SupervisionManage, Owner),
    ]);
}
