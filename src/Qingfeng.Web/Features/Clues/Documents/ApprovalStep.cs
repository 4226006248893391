namespace Qingfeng.Features.Clues.Documents;

/// <summary>
/// One signature on an approval form (审批表), e.g. 承办室负责人, 分管常委, 分管副书记, 书记.
/// Opinion, signer and date are null while the step is open; the form then shows blank lines and
/// "签名：　　年　月　日" for handwriting.
/// </summary>
/// <param name="Role">Who signs, without "意见" (the form appends it), e.g. "分管副书记".</param>
/// <param name="Opinion">The recorded opinion, e.g. "同意。".</param>
/// <param name="Signer">Name of the person who signed.</param>
/// <param name="SignedOn">Date of signing.</param>
public sealed record ApprovalStep(string Role, string? Opinion = null, string? Signer = null, DateOnly? SignedOn = null);
