namespace Qingfeng.Platform.Documents;

public static class DocumentsFeature
{
    /// <summary>The headings of exports (<see cref="ExportHeadings"/>), per request or circuit.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services) => services.AddScoped<ExportHeadings>();
}
