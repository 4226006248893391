using Qingfeng.Features.Audit;
using Qingfeng.Features.Recommendations.Documents;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Recommendations;

/// <summary>Generates the recommendation letter as .docx; every generation is audited.</summary>
public sealed class RecommendationDocuments(RecommendationQueries queries, RecommendationOptions options, AuditLog audit)
{
    public const string ContentType = ApiConventions.WordContentType;

    public async Task<(string FileName, byte[] Content)> LetterAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var (r, organ) = await queries.ForDocumentAsync(id, cancellationToken);
        var kind = EnumText.Label(r.Kind, CultureInfo.GetCultureInfo("zh-CN"));
        var bytes = new RecommendationLetterDocument(organ, r.Number, kind, r.Subject.UnitName, r.Origin, r.Findings,
            [.. r.Measures.OrderBy(m => m.Number).Select(m => m.Text)], r.ReplyDueOn, options.ObjectionDays, r.IssuedOn).ToDocx();
        await audit.RecordAsync("Document", nameof(Recommendation), id.ToString(), "Letter", cancellationToken: cancellationToken);
        return ($"{kind}-{r.Subject.UnitName}-{r.IssuedOn:yyyyMMdd}.docx", bytes);
    }
}
